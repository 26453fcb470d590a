// 一事一评价 by the applicant, without an account. A clerk issues a rating link for a case at its
// evaluation step (an open task of the evaluation form) or after it ended without a rating (e.g.
// sent to litigation); the link is a 256-bit token (for the printed receipt or an SMS) and a
// 10-character code (to type in at /rate), both stored only as SHA-256, valid for `ttlMs`.
// The applicant's rating is the case's evaluation exactly like one entered by staff:
//  - at the evaluation step it completes that task (the pack's evaluation service task then
//    applies its reopen rule: 不满意 sends the case back to handling where the pack says so);
//  - after the end it is recorded by the engine as the case's rating (rateClosedCase);
// either way the history names the actor `citizen` and statistics count it in 满意率. One rating per
// case: a second one, by any link of the case, is 409 CASE_ALREADY_RATED and changes nothing.
// What a link reveals is the case number, its title masked and the handling unit — nothing else.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import type pg from 'pg';
import { CaseAlreadyRatedError, CaseNotActiveError, type CaseEngine, type CaseView, type Clock } from '@yizhan/engine';
import { EVALUATION_FORM, SATISFACTION, SATISFACTION_FIELD, type Satisfaction } from '@yizhan/packs';
import { ApiError, notFound } from './http-errors';
import { maskText, maskNames, normalise } from './mask';
import type { OrgDirectory } from './org-directory';
import { personalValues } from './public-cases';
import type { PublicLimiter } from './public-limits';

/** The history actor of a rating given through a link. */
export const CITIZEN_ACTOR = 'citizen';
/** How long a link stays valid (30 days). */
export const RATING_LINK_TTL_MS = 30 * 86400_000;
/** The code's alphabet (Crockford base 32: no I, L, O, U); 10 characters = 50 bits. */
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 10;
/** A token: 32 random bytes, base64url (43 characters). */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** The longest masked title shown. */
const TITLE_MAX = 40;

export interface IssuedRatingLink {
  /** The 256-bit token of the link (`/rate/{token}`); shown once, stored hashed. */
  token: string;
  /** The code to type at `/rate`, as `XXXXX-XXXXX`; shown once, stored hashed. */
  code: string;
  expiresAt: Date;
  /** Where the case stands: at its evaluation step, or ended. */
  stage: 'evaluation' | 'closed';
}

/** What the public rating page may know of a case. */
export interface RatingLinkView {
  caseNumber: number;
  /** The case title with personal data masked, shortened. */
  title: string | null;
  unitName: string | null;
  expiresAt: Date;
  /** Whether the case has its applicant's rating already. */
  rated: boolean;
}

export interface CitizenRatingResult {
  caseNumber: number;
  satisfaction: Satisfaction;
  ratedAt: Date;
}

interface LinkRow { id: string; case_id: string; expires_at: Date; used_at: Date | null }

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** A typed code as stored: upper case, without spaces or dashes, O → 0, I / L → 1. */
export function normaliseCode(input: string): string {
  return input.normalize('NFKC').toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export class CitizenRatings {
  constructor(
    private readonly pool: pg.Pool,
    private readonly engine: CaseEngine,
    private readonly directory: OrgDirectory,
    private readonly clock: Clock,
    private readonly limiter: PublicLimiter,
    private readonly ttlMs = RATING_LINK_TTL_MS,
  ) {}

  /** Issues a link for a case at its evaluation step or ended without a rating (the caller checked its scope). */
  async issue(caseId: string, actor: string): Promise<IssuedRatingLink> {
    const c = await this.engine.getCase(caseId);
    const stage = await this.stage(c);
    const token = randomBytes(32).toString('base64url');
    const code = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.ttlMs);
    await this.pool.query(
      'insert into rating_links (case_id, token_hash, code_hash, issued_by, issued_at, expires_at) values ($1, $2, $3, $4, $5, $6)',
      [c.id, sha256(token), sha256(code), actor, now, expiresAt]);
    return { token, code: `${code.slice(0, 5)}-${code.slice(5)}`, expiresAt, stage };
  }

  /** The public view of a link (token or typed code). */
  async view(credential: string, address: string): Promise<RatingLinkView> {
    const link = await this.find(credential, address);
    const c = await this.engine.getCase(link.case_id);
    const rated = link.used_at !== null || (await this.pool.query('select 1 from citizen_ratings where case_id = $1', [c.id])).rowCount! > 0;
    return { caseNumber: c.number, title: await this.maskedTitle(c), unitName: this.directory.unitName(c.unit), expiresAt: link.expires_at, rated };
  }

  /** The applicant's rating through a link: once per case, before the link expires. */
  async rate(credential: string, input: { satisfaction: Satisfaction; comment?: string }, address: string): Promise<CitizenRatingResult> {
    const found = await this.find(credential, address);
    const data: Record<string, unknown> = { [SATISFACTION_FIELD]: input.satisfaction };
    const comment = input.comment?.trim();
    if (comment) data.comment = comment;
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const { rows } = await client.query<LinkRow>('select id, case_id, expires_at, used_at from rating_links where id = $1 for update', [found.id]);
      const link = rows[0];
      const now = this.clock.now();
      if (link.used_at) throw new CaseAlreadyRatedError(link.case_id);
      if (link.expires_at <= now) throw expired();
      // One rating per case, whichever of its links: the row is the claim, committed with the link's use.
      const claim = await client.query(
        'insert into citizen_ratings (case_id, link_id, satisfaction, comment, rated_at) values ($1, $2, $3, $4, $5) on conflict (case_id) do nothing',
        [link.case_id, link.id, input.satisfaction, comment || null, now]);
      if (!claim.rowCount) throw new CaseAlreadyRatedError(link.case_id);
      const c = await this.engine.getCase(link.case_id);
      const task = c.openTasks.find((t) => t.formKey === EVALUATION_FORM);
      if (task) {
        // The applicant's own rating goes before a clerk's claim on the task (force).
        await this.engine.completeTask(task.id, data, CITIZEN_ACTOR, { force: true });
      } else if (c.status === 'completed') {
        await this.engine.rateClosedCase(c.id, { formKey: EVALUATION_FORM, data, name: '当事人评价', actor: CITIZEN_ACTOR });
      } else {
        throw new CaseNotActiveError(c.id, c.status, '评价（案件不在评价环节）');
      }
      await client.query('update rating_links set used_at = $2 where id = $1', [link.id, now]);
      await client.query('commit');
      return { caseNumber: c.number, satisfaction: input.satisfaction, ratedAt: now };
    } catch (err) {
      await client.query('rollback').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  /** Whether a case may get a link now: at its evaluation step, or ended without a rating. */
  private async stage(c: CaseView): Promise<IssuedRatingLink['stage']> {
    const { rowCount } = await this.pool.query('select 1 from citizen_ratings where case_id = $1', [c.id]);
    if (rowCount) throw new CaseAlreadyRatedError(c.id);
    if ((c.status === 'active' || c.status === 'incident') && c.openTasks.some((t) => t.formKey === EVALUATION_FORM)) return 'evaluation';
    if (c.status === 'completed') {
      if (c.tasks.some((t) => t.formKey === EVALUATION_FORM && t.status === 'completed')) throw new CaseAlreadyRatedError(c.id);
      return 'closed';
    }
    throw new CaseNotActiveError(c.id, c.status === 'active' ? 'handling' : c.status, '生成评价码（案件尚未到评价环节或未办结）');
  }

  /** The link of a token or a typed code; a wrong code counts against the caller's address. */
  private async find(credential: string, address: string): Promise<LinkRow> {
    let row: LinkRow | undefined;
    if (TOKEN_PATTERN.test(credential)) {
      ({ rows: [row] } = await this.pool.query<LinkRow>('select id, case_id, expires_at, used_at from rating_links where token_hash = $1', [sha256(credential)]));
    } else {
      await this.limiter.checkCodeLookups(address);
      const code = normaliseCode(credential);
      if (code.length === CODE_LENGTH && [...code].every((ch) => CODE_ALPHABET.includes(ch))) {
        ({ rows: [row] } = await this.pool.query<LinkRow>('select id, case_id, expires_at, used_at from rating_links where code_hash = $1', [sha256(code)]));
      }
      if (!row) await this.limiter.codeFailure(address);
    }
    if (!row) throw notFound('RATING_LINK_NOT_FOUND', '评价链接或评价码无效，请核对后重试');
    if (row.expires_at <= this.clock.now()) throw expired();
    return row;
  }

  private async maskedTitle(c: CaseView): Promise<string | null> {
    if (!c.title) return null;
    const def = await this.engine.definitions.byIdOrThrow(c.definitionId);
    const start = def.meta.startFormKey;
    const props = ((start && (def.forms[start] as { schema?: { properties?: Record<string, object> } } | undefined)?.schema?.properties) || {});
    const data = (c.variables.data ?? {}) as Record<string, unknown>;
    const secrets = personalValues(data, props, new Set());
    const text = maskText(maskNames(secrets.literals.reduce((t, s) => t.split(s.raw).join(s.masked), normalise(c.title)), secrets.names));
    return text.length > TITLE_MAX ? `${text.slice(0, TITLE_MAX)}…` : text;
  }
}

const expired = () => new ApiError('RATING_LINK_EXPIRED', '评价链接已过期，请联系办理单位重新获取');

/** The rating values (satisfied, basic, dissatisfied), for request schemas. */
export const RATING_VALUES = SATISFACTION;
