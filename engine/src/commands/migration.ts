// 流程版本迁移: moving running cases of a process from version N to a later version. A plan is
// read-only: where the cases wait, the element mapping (proposed for ids that exist in the target
// with the same type, overridden by the caller's), and per case whether it can move and why not.
// Running it handles each case as one command — its own transaction holding the case lock, the
// plan's checks made again on the fresh row — rewrites the element ids in the saved bpmn-engine
// state per the mapping, recovers that state against the target version, checks the engine waits
// exactly where the case did (same tasks, same execution ids), re-points the open task and timer
// rows of renamed elements, starts the timer boundary events the target adds to a task the case
// waits at (armed from now: existing timers keep their due times, a changed duration applies to
// timers armed after the migration), and projects it with a `migrated` history entry. A refused case is
// not touched: it keeps running on its version. A case inside an embedded sub-process moves when
// the sub-process and the elements it waits at inside map (an inner element only to one inside the
// sub-process its sub-process maps to); inside a called process or a multi-instance sub-process it
// is refused: that inner state is not mapped.
import { CaseExecution, type StoredState } from '../bpmn/case-execution';
import type { DefinitionRecord } from '../definitions';
import { MigrationInvalidError, NotFoundError } from '../errors';
import { HistoryKind, type HistoryRecord } from '../history';
import { isUuid } from '../ids';
import { caseVisibleSql, SqlArgs, type ReadScope } from '../read-scope';
import { beginLocked } from './lock';
import {
  checkCase, elementsOf, MIGRATION_PLAN_CASES, newTimersFor, renameStateElements, TYPE_WORDS, WAITABLE,
  type CaseFacts, type Check, type DefinitionElements, type ElementInfo, type MigrationOutcome, type MigrationPlan,
  type MigrationRefusal, type MigrationRequest, type MigrationVersions,
} from './migration-model';
import type { CaseCommandRunner } from './runner';

// the shapes and codes of a migration, where the engine's face has always taken them from
export {
  MIGRATION_PLAN_CASES, MIGRATION_REFUSALS, renameStateElements, waitingInState,
  type MigrationElement, type MigrationNewTimer, type MigrationOutcome, type MigrationPlan, type MigrationRefusal,
  type MigrationRequest, type MigrationVersions, type WaitingElement,
} from './migration-model';

/** How many saved states a plan reads at once. */
const PLAN_SLICE = 200;

export class CaseMigrations {
  constructor(private readonly runner: CaseCommandRunner) {}

  private get pool() {
    return this.runner.ctx.pool;
  }

  /** Processes with running cases (in scope) on a version older than their latest. */
  async versions(scope?: ReadScope): Promise<MigrationVersions[]> {
    const args = new SqlArgs();
    const visible = scope ? caseVisibleSql(scope, args) : 'true';
    const { rows } = await this.pool.query<{ key: string; version: number; n: number }>(
      `select d.key, d.version, count(*)::int as n from cases c join definitions d on d.id = c.definition_id
        where c.status in ('active', 'incident') and ${visible} group by d.key, d.version order by d.key, d.version`, args.values);
    const latest = await this.pool.query<{ key: string; version: number; name: string | null }>(
      `select distinct on (key) key, version, name from definitions where key = any($1::text[]) order by key, version desc`, [[...new Set(rows.map((r) => r.key))]]);
    const out: MigrationVersions[] = [];
    for (const l of latest.rows) {
      const versions = rows.filter((r) => r.key === l.key && r.version < l.version).map((r) => ({ version: r.version, runningCases: r.n }));
      if (versions.length) out.push({ processKey: l.key, name: l.name ?? l.key, latestVersion: l.version, versions });
    }
    return out;
  }

  /** The plan: read-only. MIGRATION_INVALID for a bad request, DEFINITION_NOT_FOUND for an unknown version. */
  async plan(req: MigrationRequest): Promise<MigrationPlan> {
    const { from, to, mapping, given } = await this.prepare(req);
    const ids = await this.candidates(req, from.def);
    // the saved states are read a slice at a time: a process may have many running cases
    const checks: { f: CaseFacts; check: Check }[] = [];
    for (let i = 0; i < ids.length; i += PLAN_SLICE) {
      for (const f of await this.readFacts(this.pool, ids.slice(i, i + PLAN_SLICE), req.scope)) {
        checks.push({ f: { ...f, state: {} }, check: checkCase(f, from, to, mapping) });
      }
    }
    const waitCount = new Map<string, number>();
    const opaque = new Set<string>();
    for (const { check } of checks) {
      for (const w of check.waitingAt) {
        waitCount.set(w.id, (waitCount.get(w.id) ?? 0) + 1);
        if (w.opaque) opaque.add(w.id);
      }
    }
    const elements: MigrationPlan['elements'] = [...waitCount].map(([id, caseCount]) => {
      const src = from.byId.get(id) ?? { elementId: id, name: '', type: '' };
      const mappedTo = mapping[id] ?? null;
      const problem = opaque.has(id)
        ? { code: 'MIGRATION_UNSUPPORTED_ELEMENT', message: `在${TYPE_WORDS[src.type] ?? src.type}「${src.name || id}」（${id}）内等待的案件不能迁移` }
        : mappedTo === null
          ? { code: 'MIGRATION_UNMAPPED_ELEMENT', message: `新版本中没有元素「${src.name || id}」（${id}），请指定对应的元素` }
          : undefined;
      const newTimers = newTimersFor(id, from, to, mapping);
      return {
        elementId: id, name: src.name, type: src.type, caseCount, mappedTo, proposed: mappedTo !== null && !(id in given),
        ...(problem ? { problem } : {}), ...(newTimers.length ? { newTimers } : {}),
      };
    });
    const migratableCount = checks.filter((c) => !c.check.code).length;
    return {
      processKey: req.processKey, fromVersion: req.fromVersion, toVersion: req.toVersion, mapping,
      elements,
      targetElements: [...to.byId.values()].filter((e) => WAITABLE.has(e.type)).map(({ elementId, name, type }) => ({ elementId, name, type })),
      cases: checks.slice(0, MIGRATION_PLAN_CASES).map(({ f, check }) => ({
        caseId: f.id, caseNo: String(f.number), title: f.title ?? '', waitingAt: check.waitingAt.map((w) => w.id), migratable: !check.code,
        ...(check.code ? { code: check.code, reason: check.reason } : {}),
      })),
      caseCount: checks.length,
      migratableCount,
      ok: checks.length > 0 && migratableCount === checks.length && elements.every((e) => !e.problem),
    };
  }

  /** Runs the migration: each case in its own transaction with its lock; the run recorded in case_migrations. */
  async execute(req: MigrationRequest & { actor: string }): Promise<MigrationOutcome> {
    const { from, to, mapping } = await this.prepare(req);
    const { clock } = this.runner.ctx;
    const ids = req.caseIds ?? (await this.candidates(req, from.def));
    const record = await this.pool.query<{ id: string }>(
      `insert into case_migrations (process_key, from_version, to_version, mapping, actor, created_at) values ($1, $2, $3, $4, $5, $6) returning id::text`,
      [req.processKey, req.fromVersion, req.toVersion, JSON.stringify(mapping), req.actor, clock.now()]);
    const migrationId = record.rows[0].id;
    const results: MigrationOutcome['results'] = [];
    for (const caseId of ids) results.push(await this.migrateOne(caseId, req, from, to, mapping, migrationId));
    const migrated = results.filter((r) => r.status === 'migrated').length;
    await this.pool.query('update case_migrations set migrated = $2, refused = $3, results = $4 where id = $1',
      [migrationId, migrated, results.length - migrated, JSON.stringify(results)]);
    return { migrationId, migrated, refused: results.length - migrated, results };
  }

  private async migrateOne(
    caseId: string, req: MigrationRequest & { actor: string }, from: DefinitionElements, to: DefinitionElements, mapping: Record<string, string>, migrationId: string,
  ): Promise<MigrationOutcome['results'][number]> {
    const refused = (caseNo: string, code: MigrationRefusal, reason: string) => ({ caseId, caseNo, status: 'refused' as const, code, reason });
    if (!isUuid(caseId)) return refused('', 'CASE_NOT_FOUND', `案件不存在或不在您的辖区内：${caseId}`);
    const { live } = this.runner.ctx;
    const client = await this.pool.connect();
    let caseNo = '';
    try {
      const row = await beginLocked(client, { caseId });
      if (!row) throw new NotFoundError('CASE', caseId);
      const facts = (await this.readFacts(client, [caseId], req.scope))[0];
      if (!facts) {
        await client.query('rollback');
        return refused('', 'CASE_NOT_FOUND', `案件不存在或不在您的辖区内：${caseId}`);
      }
      caseNo = facts.number;
      if (facts.definitionId !== from.def.id) {
        await client.query('rollback');
        return refused(caseNo, 'MIGRATION_CASE_CHANGED', facts.definitionId === to.def.id ? '案件已在目标版本上' : '案件已不在源版本上');
      }
      const check = checkCase(facts, from, to, mapping, req.caseIds !== undefined);
      if (check.code) {
        await client.query('rollback');
        return refused(caseNo, check.code, check.reason ?? '');
      }
      live.forget(caseId);
      const renames = new Map<string, string>();
      for (const w of check.waitingAt) if (mapping[w.id] !== w.id) renames.set(w.id, mapping[w.id]);
      const state = renameStateElements(facts.state as StoredState, renames);
      const exec = await CaseExecution.recover(caseId, this.runner.executionOptions(caseId, to.def), state);
      // timer boundary events the target adds to a step the case waits at start now (armed from now)
      const added = new Map<string, string[]>();
      for (const w of check.waitingAt) {
        const timers = newTimersFor(w.id, from, to, mapping);
        if (timers.length) added.set(mapping[w.id], timers.map((t) => t.elementId));
      }
      const armed = added.size ? exec.startBoundaryEvents(added) : [];
      if (armed.length) await exec.settle();
      const problem = exec.halted ? `引擎中止：${exec.halted.message}` : exec.error ? exec.error.message : exec.completed ? '迁移后流程直接结束' : undefined;
      // the engine must wait exactly where the case did: the same open tasks, by execution id
      const before = (row.open ?? []).filter((o) => o.kind === 'task').map((o) => o.execution_id).sort();
      const after = exec.waitingTasks().map((t) => t.executionId).sort();
      if (problem || before.join() !== after.join()) {
        await client.query('rollback');
        return refused(caseNo, 'MIGRATION_FAILED', problem ?? '在新版本上恢复后，待办任务与原来不一致，未迁移');
      }
      for (const [oldId, newId] of renames) {
        const t = to.byId.get(newId);
        await client.query(`update tasks set element_id = $3, name = $4, form_key = coalesce($5, form_key) where case_id = $1 and element_id = $2 and status = 'open'`,
          [caseId, oldId, newId, t?.name || null, t?.formKey ?? null]);
        await client.query(`update timers set element_id = $3 where case_id = $1 and element_id = $2 and status = 'pending'`, [caseId, oldId, newId]);
      }
      await client.query('update cases set definition_id = $2 where id = $1', [caseId, to.def.id]);
      const used: Record<string, string> = {};
      for (const w of check.waitingAt) used[w.id] = mapping[w.id];
      const log: HistoryRecord[] = [{
        actor: req.actor, kind: HistoryKind.CaseMigrated, elementId: null, taskId: null,
        data: { migrationId, fromVersion: req.fromVersion, toVersion: req.toVersion, mapping: used, by: req.actor, ...(armed.length ? { armedTimers: armed } : {}) },
      }];
      await this.runner.persist(client, { id: row.id, version: row.version, unit: row.unit, open: undefined }, to.def, exec, req.actor, log);
      await client.query('commit');
      return { caseId, caseNo, status: 'migrated' };
    } catch (err) {
      live.forget(caseId);
      await client.query('rollback').catch(() => {});
      return refused(caseNo, 'MIGRATION_FAILED', err instanceof Error ? err.message : String(err));
    } finally {
      client.release();
    }
  }

  /** The two versions, their elements and the effective mapping; a bad request is MIGRATION_INVALID. */
  private async prepare(req: MigrationRequest): Promise<{ from: DefinitionElements; to: DefinitionElements; mapping: Record<string, string>; given: Record<string, string> }> {
    if (!Number.isInteger(req.fromVersion) || !Number.isInteger(req.toVersion) || req.toVersion <= req.fromVersion) {
      throw new MigrationInvalidError(`目标版本（${req.toVersion}）必须晚于源版本（${req.fromVersion}）`, [{ code: 'MIGRATION_INVALID', pointer: '/toVersion', message: '目标版本必须晚于源版本' }]);
    }
    const load = async (version: number): Promise<DefinitionElements> => {
      const { rows } = await this.pool.query<{ id: string }>('select id from definitions where key = $1 and version = $2', [req.processKey, version]);
      if (!rows[0]) throw new NotFoundError('DEFINITION', `${req.processKey}@${version}`);
      const def = await this.runner.ctx.definitions.byIdOrThrow(rows[0].id);
      return { def, byId: await elementsOf(def) };
    };
    const from = await load(req.fromVersion);
    const to = await load(req.toVersion);
    const given = req.mapping ?? {};
    const problems: { code: string; elementId: string; message: string }[] = [];
    for (const [src, dst] of Object.entries(given)) {
      const s = from.byId.get(src);
      const t = to.byId.get(dst);
      if (!s) problems.push({ code: 'UNKNOWN_SOURCE_ELEMENT', elementId: src, message: `源版本 ${req.fromVersion} 中没有元素「${src}」` });
      else if (!t) problems.push({ code: 'UNKNOWN_TARGET_ELEMENT', elementId: src, message: `元素「${s.name || src}」（${src}）映射到的「${dst}」在目标版本 ${req.toVersion} 中不存在` });
      else if (!WAITABLE.has(t.type)) problems.push({ code: 'TARGET_CANNOT_WAIT', elementId: src, message: `「${t.name || dst}」（${dst}）是${TYPE_WORDS[t.type] ?? t.type}，案件不能在那里等待` });
      else if (t.type !== s.type) {
        problems.push({ code: 'TYPE_MISMATCH', elementId: src, message: `「${s.name || src}」（${src}，${TYPE_WORDS[s.type] ?? s.type}）不能映射到类型不同的「${t.name || dst}」（${dst}，${TYPE_WORDS[t.type] ?? t.type}）` });
      }
    }
    if (problems.length) throw new MigrationInvalidError(`元素映射有 ${problems.length} 个问题：${problems.map((p) => p.message).join('；')}`, problems);
    const mapping: Record<string, string> = {};
    for (const [id, s] of from.byId) {
      const t = to.byId.get(id);
      if (t && t.type === s.type && WAITABLE.has(s.type) && t.parent === s.parent) mapping[id] = id;
    }
    Object.assign(mapping, given);
    // an element inside a sub-process goes to the element its sub-process maps to, and vice versa
    for (const [src, dst] of Object.entries(given)) {
      const s = from.byId.get(src) as ElementInfo;
      const t = to.byId.get(dst) as ElementInfo;
      if ((s.parent === undefined ? undefined : mapping[s.parent]) !== t.parent) {
        problems.push({
          code: 'PARENT_MISMATCH', elementId: src,
          message: `「${s.name || src}」（${src}）${s.parent ? `在子流程 ${s.parent} 内` : '不在子流程内'}，映射到的「${t.name || dst}」（${dst}）${t.parent ? `在子流程 ${t.parent} 内` : '不在子流程内'}，与子流程的映射不一致`,
        });
      }
    }
    if (problems.length) throw new MigrationInvalidError(`元素映射有 ${problems.length} 个问题：${problems.map((p) => p.message).join('；')}`, problems);
    return { from, to, mapping, given };
  }

  /** The running cases (active or with an incident) of the source version in scope, by number; or the ones named. */
  private async candidates(req: MigrationRequest, from: DefinitionRecord): Promise<string[]> {
    if (req.caseIds) return req.caseIds.filter(isUuid);
    const args = new SqlArgs();
    const visible = req.scope ? caseVisibleSql(req.scope, args) : 'true';
    const { rows } = await this.pool.query<{ id: string }>(
      `select c.id from cases c where c.definition_id = ${args.add(from.id)} and c.status in ('active', 'incident') and ${visible} order by c.number`, args.values);
    return rows.map((r) => r.id);
  }

  private async readFacts(db: Pick<CaseMigrations['pool'], 'query'>, ids: string[], scope?: ReadScope): Promise<CaseFacts[]> {
    if (!ids.length) return [];
    const args = new SqlArgs();
    const list = args.add(ids);
    const visible = scope ? caseVisibleSql(scope, args) : 'true';
    const { rows } = await db.query<{
      id: string; number: string; title: string | null; status: string; suspended: boolean; definition_id: string; state: Partial<StoredState>;
      data: Record<string, unknown> | null; open_forms: { elementId: string; formKey: string | null }[] | null;
    }>(
      `select c.id, c.number::text, c.title, c.status, c.suspended_at is not null as suspended, c.definition_id::text, c.state, c.variables -> 'data' as data,
              (select json_agg(json_build_object('elementId', t.element_id, 'formKey', t.form_key)) from tasks t where t.case_id = c.id and t.status = 'open') as open_forms
         from cases c where c.id = any(${list}::uuid[]) and ${visible} order by c.number`, args.values);
    return rows.map((r) => ({
      id: r.id, number: r.number, title: r.title, status: r.status, suspended: r.suspended, definitionId: r.definition_id, state: r.state,
      data: r.data ?? {}, openForms: r.open_forms ?? [],
    }));
  }
}
