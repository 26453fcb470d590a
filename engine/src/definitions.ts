// Immutable definition versions. A deploy runs the deploy pipeline (../deployment: the BPMN read
// and checked once, or a document checked before handed in) and stores the
// serialised context beside the XML and the pack's forms / rule sets / org model, and creates
// version n+1 of the key. Running cases stay on the version they started on.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { declaredFields } from '@yizhan/forms';
import type { CompiledDefinition } from './bpmn/definition';
import type { BpmnDocument } from './bpmn/read';
import { BpmnInvalidError, DefinitionWithdrawnError, NotFoundError } from './errors';
import { transaction } from './store/database';

export interface DeployInput {
  /** Process key, stable across versions (e.g. "longxi/dispute"). */
  key: string;
  bpmn: string;
  /**
   * `bpmn` already read (and checked with checkDeployment, as the pack validator does): deploy
   * compiles it without reading or checking again when it was checked with this input's forms,
   * rule sets, org and the engine's handlers; otherwise it is checked here.
   */
  document?: BpmnDocument;
  name?: string;
  /** Form definitions by form key: `{ schema, uiSchema }`. */
  forms?: Record<string, FormDefinitionLike>;
  /** Rule sets by name (the route handler's `ruleSet` property). */
  ruleSets?: Record<string, unknown>;
  /** The pack's org model. */
  org?: unknown;
  meta?: Record<string, unknown>;
  /** How `camunda:dueDate` durations count: calendar days (default) or working days. */
  deadlines?: {
    mode: 'calendar-days' | 'working-days';
    calendar?: { year: number; holidays: string[]; workdays: string[] }[];
    /** Share of the time limit after which a task turns yellow (default 2/3). */
    yellowShare?: number;
  };
  actor?: string;
}

export interface DeployOptions {
  /**
   * Deploy inside the caller's open transaction on this client: nothing is committed here, and
   * the new version is not cached (it is read on first use, once the caller has committed).
   */
  client?: pg.PoolClient;
}

export interface FormDefinitionLike {
  schema: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
}

/**
 * The forms as stored: jsonb keeps an object's keys sorted by length, not as written, so each
 * form without a `ui:order` gets one listing its fields in the pack's order — the form then shows
 * (and a case's data reads) in that order.
 */
function withFieldOrder(forms: Record<string, FormDefinitionLike>): Record<string, FormDefinitionLike> {
  const out: Record<string, FormDefinitionLike> = {};
  for (const [key, form] of Object.entries(forms)) {
    const props = (form.schema as { properties?: unknown }).properties;
    const fields = props && typeof props === 'object' ? Object.keys(props) : [];
    out[key] = fields.length > 1 && !(form.uiSchema && 'ui:order' in form.uiSchema)
      ? { ...form, uiSchema: { ...(form.uiSchema ?? {}), 'ui:order': fields } }
      : form;
  }
  return out;
}

export interface DefinitionRecord {
  id: string;
  key: string;
  version: number;
  name: string | null;
  processId: string;
  bpmn: string;
  sourceContext: string;
  /** Content hash of the serialised context (the in-process cache key, safe across databases). */
  contextHash: string;
  forms: Record<string, FormDefinitionLike>;
  ruleSets: Record<string, unknown>;
  org: unknown;
  meta: Record<string, unknown> & { startFormKey?: string; userTasks?: CompiledDefinition['userTasks']; warnings?: string[] };
  deployedBy: string | null;
  createdAt: Date;
}

const intakeCache = new WeakMap<DefinitionRecord, ReadonlySet<string>>();

/** The fields of a definition's intake (start) form: task data does not overwrite them unless mapped (`mapsIntake`). */
export function intakeFields(def: DefinitionRecord): ReadonlySet<string> {
  let fields = intakeCache.get(def);
  if (!fields) {
    const form = def.meta.startFormKey ? def.forms[def.meta.startFormKey] : undefined;
    fields = new Set(form ? declaredFields(form.schema) : []);
    intakeCache.set(def, fields);
  }
  return fields;
}

export type DefinitionSummary = Omit<DefinitionRecord, 'bpmn' | 'sourceContext' | 'contextHash' | 'forms' | 'ruleSets' | 'org'> & {
  /** When the version was withdrawn from new cases (null: available). */
  withdrawnAt: Date | null;
  withdrawnBy: string | null;
};

interface DefinitionRow {
  id: string;
  key: string;
  version: number;
  name: string | null;
  process_id: string;
  bpmn: string;
  source_context: unknown;
  forms: Record<string, FormDefinitionLike>;
  rule_sets: Record<string, unknown>;
  org: unknown;
  meta: DefinitionRecord['meta'];
  deployed_by: string | null;
  created_at: Date;
  withdrawn_at?: Date | null;
  withdrawn_by?: string | null;
}

function fromRow(r: DefinitionRow): DefinitionRecord {
  const sourceContext = typeof r.source_context === 'string' ? r.source_context : JSON.stringify(r.source_context);
  return {
    contextHash: createHash('sha256').update(sourceContext).digest('hex'),
    id: String(r.id),
    key: r.key,
    version: r.version,
    name: r.name,
    processId: r.process_id,
    bpmn: r.bpmn,
    sourceContext,
    forms: r.forms,
    ruleSets: r.rule_sets,
    org: r.org,
    meta: r.meta,
    deployedBy: r.deployed_by,
    createdAt: r.created_at,
  };
}

export class DefinitionRepository {
  private readonly byId = new Map<string, DefinitionRecord>();

  /** `prepare`: the deploy pipeline (read, check, compile), refusing with BpmnInvalidError. */
  constructor(private readonly pool: pg.Pool, private readonly prepare: (input: DeployInput) => Promise<CompiledDefinition & { warnings?: string[] }>) {}

  async deploy(input: DeployInput, options: DeployOptions = {}): Promise<DefinitionRecord> {
    if (!/^[a-z0-9][a-z0-9._/-]*$/i.test(input.key)) {
      throw new BpmnInvalidError([{ code: 'BAD_KEY', message: `流程标识「${input.key}」只能包含字母、数字和 . _ / -` }]);
    }
    const compiled = await this.prepare(input);
    const forms = input.forms ?? {};

    if (options.client) return this.insert(options.client, input, compiled, forms);
    const rec = await transaction(this.pool, (client) => this.insert(client, input, compiled, forms));
    this.byId.set(rec.id, rec);
    return rec;
  }

  /** Inserts version n+1 of the key within the transaction open on `client`. */
  private async insert(client: pg.PoolClient, input: DeployInput, compiled: CompiledDefinition & { warnings?: string[] }, forms: Record<string, FormDefinitionLike>): Promise<DefinitionRecord> {
    await client.query('select pg_advisory_xact_lock(hashtext($1))', [`definition:${input.key}`]);
    const { rows } = await client.query<DefinitionRow>(
      `insert into definitions (key, version, name, process_id, bpmn, source_context, forms, rule_sets, org, meta, deployed_by)
       select $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9, $10 from definitions where key = $1
       returning *`,
      [
        input.key,
        input.name ?? compiled.processName ?? null,
        compiled.processId,
        input.bpmn,
        compiled.sourceContext,
        JSON.stringify(withFieldOrder(forms)),
        JSON.stringify(input.ruleSets ?? {}),
        input.org === undefined ? null : JSON.stringify(input.org),
        JSON.stringify({ ...(input.meta ?? {}), deadlines: input.deadlines, startFormKey: compiled.startFormKey, userTasks: compiled.userTasks,
          // what the deploy ignored (diagram-only parts, other tools' extensions), one line per kind
          ...(compiled.warnings?.length ? { warnings: compiled.warnings } : {}) }),
        input.actor ?? null,
      ],
    );
    return fromRow(rows[0]);
  }

  /** A definition version by id; versions are immutable, so they are cached forever. */
  async byIdOrThrow(id: string): Promise<DefinitionRecord> {
    const cached = this.byId.get(String(id));
    if (cached) return cached;
    const { rows } = await this.pool.query<DefinitionRow>('select * from definitions where id = $1', [id]);
    if (!rows[0]) throw new NotFoundError('DEFINITION', String(id));
    const rec = fromRow(rows[0]);
    this.byId.set(rec.id, rec);
    return rec;
  }

  /**
   * The version new cases start on: the latest one not withdrawn, or the given version (refused
   * with DEFINITION_WITHDRAWN when withdrawn).
   */
  async byKey(key: string, version?: number): Promise<DefinitionRecord> {
    const { rows } = await this.pool.query<{ id: string; version: number; withdrawn: boolean }>(
      version === undefined
        ? `select id, version, withdrawn_at is not null as withdrawn from definitions where key = $1
            order by withdrawn_at is not null, version desc limit 1`
        : 'select id, version, withdrawn_at is not null as withdrawn from definitions where key = $1 and version = $2',
      version === undefined ? [key] : [key, version],
    );
    if (!rows[0]) throw new NotFoundError('DEFINITION', version === undefined ? key : `${key}@${version}`);
    if (rows[0].withdrawn) throw new DefinitionWithdrawnError(key, version);
    return this.byIdOrThrow(rows[0].id);
  }

  /**
   * Withdraws a version from new cases (`withdrawn: true`) or restores it. Running cases are not
   * touched. Returns the version's summary; DEFINITION_NOT_FOUND for an unknown id.
   */
  async setWithdrawn(id: string, withdrawn: boolean, actor?: string): Promise<DefinitionSummary> {
    if (!/^\d{1,18}$/.test(id)) throw new NotFoundError('DEFINITION', id);
    const { rows } = await this.pool.query<DefinitionRow>(
      withdrawn
        ? `update definitions set withdrawn_at = coalesce(withdrawn_at, now()), withdrawn_by = coalesce(withdrawn_by, $2) where id = $1
           returning id, key, version, name, process_id, meta, deployed_by, created_at, withdrawn_at, withdrawn_by`
        : `update definitions set withdrawn_at = null, withdrawn_by = null where id = $1
           returning id, key, version, name, process_id, meta, deployed_by, created_at, withdrawn_at, withdrawn_by`,
      withdrawn ? [id, actor ?? null] : [id],
    );
    if (!rows[0]) throw new NotFoundError('DEFINITION', id);
    return summary(rows[0]);
  }

  async list(key?: string): Promise<DefinitionSummary[]> {
    const { rows } = await this.pool.query<DefinitionRow>(
      `select id, key, version, name, process_id, meta, deployed_by, created_at, withdrawn_at, withdrawn_by from definitions
       ${key ? 'where key = $1' : ''} order by key, version desc`,
      key ? [key] : [],
    );
    return rows.map(summary);
  }

  /** The most recently deployed version whose forms include `formKey` (undefined: none). */
  async latestWithForm(formKey: string): Promise<DefinitionRecord | undefined> {
    const { rows } = await this.pool.query<{ id: string }>('select id from definitions where forms ? $1 order by created_at desc, id desc limit 1', [formKey]);
    return rows[0] ? this.byIdOrThrow(rows[0].id) : undefined;
  }
}

function summary(r: DefinitionRow): DefinitionSummary {
  return {
    id: String(r.id), key: r.key, version: r.version, name: r.name, processId: r.process_id,
    meta: r.meta, deployedBy: r.deployed_by, createdAt: r.created_at,
    withdrawnAt: r.withdrawn_at ?? null, withdrawnBy: r.withdrawn_by ?? null,
  };
}
