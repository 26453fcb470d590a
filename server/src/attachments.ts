// Attachments: files kept with a case as evidence. The bytes are stored in PostgreSQL; the type is
// sniffed from the bytes (file-type), never taken from the client; the client's file name is a
// display name only, cleaned of path segments and control characters. Nothing is replaced or
// deleted once bound to a case. Scoping is the caller's: a route checks the case is visible first.
import { createHash, randomUUID } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type pg from 'pg';
import { isUuid, type Clock } from '@yizhan/engine';
import { ApiError } from './http-errors';

/** Bytes of one attachment. A scanned agreement or a phone photo is a few MB. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** Attachments bound to one case. */
export const MAX_ATTACHMENTS_PER_CASE = 200;
/** Staged (not yet bound) uploads one user may hold; staged uploads are dropped after a day. */
export const MAX_STAGED_PER_USER = 50;
const STAGED_TTL_MS = 24 * 3600_000;

/** The types accepted, by sniffed MIME type, with the name shown in messages. */
const ACCEPTED: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG 图片',
  'image/jpeg': 'JPEG 图片',
  'image/gif': 'GIF 图片',
  'image/webp': 'WebP 图片',
  'image/heic': 'HEIC 图片',
  'image/heif': 'HEIF 图片',
  'image/bmp': 'BMP 图片',
  'image/tiff': 'TIFF 图片',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word 文档',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel 表格',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint 演示文稿',
  'application/x-cfb': 'Office 97–2003 文档',
  'application/vnd.oasis.opendocument.text': 'ODF 文档',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODF 表格',
  'audio/mpeg': 'MP3 录音',
  'audio/mp4': 'M4A 录音',
  'audio/x-m4a': 'M4A 录音',
  'audio/amr': 'AMR 录音',
  'audio/wav': 'WAV 录音',
  'audio/vnd.wave': 'WAV 录音',
  'video/mp4': 'MP4 视频',
  'video/quicktime': 'MOV 视频',
  'text/plain': '文本',
};

/** Images a browser may show inline (never SVG or HTML: those can carry script). */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf']);

export interface AttachmentView {
  id: string;
  caseId: string | null;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
}

interface Row {
  id: string; case_id: string | null; name: string; content_type: string; size: number; sha256: string; uploaded_by: string; uploaded_at: Date;
}
const COLUMNS = 'id, case_id, name, content_type, size, sha256, uploaded_by, uploaded_at';
const view = (r: Row): AttachmentView => ({
  id: r.id, caseId: r.case_id, name: r.name, contentType: r.content_type, size: r.size, sha256: r.sha256, uploadedBy: r.uploaded_by, uploadedAt: r.uploaded_at,
});

/**
 * The display name of an uploaded file: the last path segment (of `/` or `\`), without control
 * characters or leading dots, at most 120 characters; `附件` when nothing is left. It is stored as
 * text and sent back only in Content-Disposition (encoded), never used to build a path.
 */
export function cleanFileName(raw: string): string {
  const last = raw.split(/[/\\]/).filter((s) => s !== '' && s !== '.' && s !== '..').pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const name = last.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').replace(/^[.\s]+/, '').trim();
  return [...name].slice(-120).join('') || '附件';
}

/** The sniffed type of the bytes; plain UTF-8 text without NUL is text/plain; undefined: not accepted. */
export async function sniffType(bytes: Buffer): Promise<string | undefined> {
  const found = await fileTypeFromBuffer(bytes);
  if (found) return ACCEPTED[found.mime] ? found.mime : undefined;
  if (bytes.length === 0 || bytes.includes(0)) return undefined;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'text/plain';
  } catch {
    return undefined;
  }
}

export function acceptedTypesText(): string {
  return [...new Set(Object.values(ACCEPTED))].join('、');
}

export function isInlineType(contentType: string): boolean {
  return INLINE_TYPES.has(contentType);
}

export class AttachmentStore {
  constructor(private readonly pool: pg.Pool, private readonly clock: Clock) {}

  /**
   * Stores an uploaded file: to `caseId` (the caller checked it is visible), or staged for
   * `uploadedBy`. The type is sniffed; a type not accepted is UNSUPPORTED_MEDIA_TYPE.
   */
  async add(input: { caseId: string | null; name: string; declaredType?: string; bytes: Buffer; uploadedBy: string }): Promise<AttachmentView> {
    const contentType = await sniffType(input.bytes);
    if (!contentType) {
      throw new ApiError('UNSUPPORTED_MEDIA_TYPE', `不支持的文件类型（按文件内容识别）。可上传：${acceptedTypesText()}`, [
        { field: '/file', code: 'type', message: `「${cleanFileName(input.name)}」不是可接受的文件类型` },
      ]);
    }
    const now = this.clock.now();
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      if (input.caseId) {
        // one upload at a time per case, so the count below is exact
        await client.query('select pg_advisory_xact_lock(hashtext($1))', [`attachments:${input.caseId}`]);
        const { rows } = await client.query<{ n: number }>('select count(*)::int as n from attachments where case_id = $1', [input.caseId]);
        if (rows[0].n >= MAX_ATTACHMENTS_PER_CASE) {
          throw new ApiError('PAYLOAD_TOO_LARGE', `一个案件最多 ${MAX_ATTACHMENTS_PER_CASE} 个附件`);
        }
      } else {
        await client.query('select pg_advisory_xact_lock(hashtext($1))', [`attachments:staged:${input.uploadedBy}`]);
        await client.query('delete from attachments where case_id is null and uploaded_by = $1 and uploaded_at < $2', [input.uploadedBy, new Date(now.getTime() - STAGED_TTL_MS)]);
        const { rows } = await client.query<{ n: number }>('select count(*)::int as n from attachments where case_id is null and uploaded_by = $1', [input.uploadedBy]);
        if (rows[0].n >= MAX_STAGED_PER_USER) {
          throw new ApiError('RATE_LIMITED', `未提交的附件过多（最多 ${MAX_STAGED_PER_USER} 个）：请先提交表单，或一天后再试`);
        }
      }
      const { rows } = await client.query<Row>(
        `insert into attachments (id, case_id, name, content_type, declared_type, size, sha256, data, uploaded_by, uploaded_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning ${COLUMNS}`,
        [randomUUID(), input.caseId, cleanFileName(input.name), contentType, input.declaredType?.slice(0, 200) ?? null, input.bytes.length,
          createHash('sha256').update(input.bytes).digest('hex'), input.bytes, input.uploadedBy, now],
      );
      await client.query('commit');
      return view(rows[0]);
    } catch (err) {
      await client.query('rollback');
      throw err;
    } finally {
      client.release();
    }
  }

  async listForCase(caseId: string): Promise<AttachmentView[]> {
    const { rows } = await this.pool.query<Row>(`select ${COLUMNS} from attachments where case_id = $1 order by uploaded_at, id`, [caseId]);
    return rows.map(view);
  }

  /** An attachment's record, or undefined. */
  async get(id: string): Promise<AttachmentView | undefined> {
    if (!isUuid(id)) return undefined;
    const { rows } = await this.pool.query<Row>(`select ${COLUMNS} from attachments where id = $1`, [id]);
    return rows[0] ? view(rows[0]) : undefined;
  }

  async content(id: string): Promise<Buffer> {
    const { rows } = await this.pool.query<{ data: Buffer }>('select data from attachments where id = $1', [id]);
    return rows[0].data;
  }

  /**
   * The attachment references in submitted form data (`{ id, name }` objects, as the attachments
   * widget writes them) must be files the user staged, or files of this case: anything else is
   * refused before the form is acted on. Returns the staged ids to bind once the case exists.
   */
  async checkRefs(data: unknown, user: string, caseId: string | null): Promise<string[]> {
    const ids = attachmentRefs(data);
    if (!ids.length) return [];
    const { rows } = await this.pool.query<{ id: string; case_id: string | null; uploaded_by: string }>(
      'select id, case_id, uploaded_by from attachments where id = any($1::uuid[])', [ids],
    );
    const known = new Map(rows.map((r) => [r.id, r]));
    const bad = ids.filter((id) => {
      const r = known.get(id);
      return !r || (r.case_id === null ? r.uploaded_by !== user : r.case_id !== caseId);
    });
    if (bad.length) {
      throw new ApiError('VALIDATION_FAILED', `表单引用的附件不存在或不属于本案件，共 ${bad.length} 个`,
        bad.map((id) => ({ field: '/data', code: 'ATTACHMENT_UNKNOWN', message: `附件 ${id} 不存在、已过期或不属于本案件，请重新上传` })));
    }
    return ids.filter((id) => known.get(id)?.case_id === null);
  }

  /** Binds staged uploads of `user` to the case (after the intake or task submission succeeded). */
  async bind(ids: string[], caseId: string, user: string): Promise<void> {
    if (!ids.length) return;
    await this.pool.query('update attachments set case_id = $1 where id = any($2::uuid[]) and case_id is null and uploaded_by = $3', [caseId, ids, user]);
  }
}

/** Ids of `{ id: <uuid>, name: <string> }` objects anywhere in form data (at most 1,000 looked at). */
export function attachmentRefs(data: unknown): string[] {
  const out = new Set<string>();
  const stack = [data];
  let seen = 0;
  while (stack.length && seen++ < 10_000) {
    const v = stack.pop();
    if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.id === 'string' && typeof o.name === 'string' && isUuid(o.id)) out.add(o.id.toLowerCase());
      else stack.push(...Object.values(o));
    }
  }
  return [...out].slice(0, 1000);
}
