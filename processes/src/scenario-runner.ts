// `yizhan pack test`: runs a pack's scenarios on a throwaway store — a fresh embedded PostgreSQL
// in a temp dir, or a fresh database on a server — with a manual clock, so a seven-day escalation
// is tested by advancing the clock and firing the due timers, not by waiting a week.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { HistoryKind, ManualClock, NotWaitingError, type CaseEngine, WorkingCalendar, computeDue, extensionApprover, openDatabase, type CaseView, type Database, type TaskView } from '@yizhan/engine';
import { YizhanError, type ErrorCode } from '@yizhan/errors';
import { OrgIndex } from '@yizhan/rules';
import { deployPack } from './deploy';
import { ROLE_LABELS, actorScope, actsOnFormsOf, can, mayActOnTask, packUserAccount, type ActorScope, type Permission } from './people';
import { createPackEngine } from './engine';
import type { ExtensionExpectation, PackBundle, Scenario, ScenarioResult, ScenarioStep, StepExpectation, TaskExpectation } from './types';

export interface RunScenariosOptions {
  /** A PostgreSQL server the runner may create (and drop) a database on; default: embedded. */
  databaseUrl?: string;
  /** Only the scenarios whose file base name or name is listed. */
  only?: string[];
  onResult?(result: ScenarioResult): void;
  /**
   * Run on this open database instead of a throwaway one (it is left open and its cases kept):
   * bench/scale makes its seed cases this way.
   */
  database?: Database;
}

/** Scenarios start on a Monday morning, Beijing time; the clock only moves forward. */
export const SCENARIO_EPOCH = '2026-03-02T09:00:00+08:00';

export async function runScenarios(bundle: PackBundle, options: RunScenariosOptions = {}): Promise<ScenarioResult[]> {
  const store: Store = options.database ? { db: options.database, dispose: async () => {} } : await throwawayStore(options.databaseUrl);
  try {
    const clock = new ManualClock(SCENARIO_EPOCH);
    const engine = createPackEngine({ pool: store.db.pool, clock });
    const deployed = await deployPack(engine, bundle, { actor: 'pack-test' });
    const packId = bundle.manifest.id;
    const results: ScenarioResult[] = [];
    for (const [file, scenario] of Object.entries(bundle.scenarios).sort(([a], [b]) => a.localeCompare(b))) {
      if (options.only && !options.only.includes(file) && !options.only.includes(scenario.name)) continue;
      const began = performance.now();
      const failures = await runOne(engine, clock, bundle, scenario, scenario.process ? `${packId}/${scenario.process}` : deployed.processes[0]?.key ?? packId);
      const result: ScenarioResult = { name: scenario.name ?? file, file, passed: failures.length === 0, failures, durationMs: Math.round(performance.now() - began) };
      results.push(result);
      options.onResult?.(result);
    }
    return results;
  } finally {
    await store.dispose();
  }
}

/** `✓ name (12 ms)` or `✗ name (12 ms)` followed by one indented line per failure. */
export function formatScenarioLine(r: ScenarioResult): string {
  const head = `${r.passed ? '✓' : '✗'} ${r.name} (${r.durationMs} ms)`;
  return r.passed ? head : [head, ...r.failures.map((f) => `    - ${f}`)].join('\n');
}

/** Exactly `N passed, N failed`. */
export function formatSummary(results: ScenarioResult[]): string {
  const passed = results.filter((r) => r.passed).length;
  return `${passed} passed, ${results.length - passed} failed`;
}

// ---------------------------------------------------------------------------------------------

interface Store {
  db: Database;
  dispose(): Promise<void>;
}

async function throwawayStore(serverUrl: string | undefined): Promise<Store> {
  if (!serverUrl) {
    const dir = await mkdtemp(join(tmpdir(), 'yizhan-pack-test-'));
    try {
      const db = await openDatabase({ dataDir: dir });
      return { db, dispose: async () => { await db.close(); await rm(dir, { recursive: true, force: true }); } };
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
  }
  const name = `yizhan_pack_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString() });
  return {
    db,
    dispose: async () => {
      await db.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The stable code of one of our errors (`FORM_INVALID` …); anything else is `ERROR`. */
function errorCode(err: unknown): string {
  return err instanceof YizhanError ? err.code : 'ERROR';
}

function errorText(err: unknown): string {
  const details = err instanceof YizhanError ? ` ${JSON.stringify(err.details)}` : '';
  return `${errorCode(err)}: ${err instanceof Error ? err.message : String(err)}${details}`;
}

async function runOne(engine: CaseEngine, clock: ManualClock, bundle: PackBundle, s: Scenario, processKey: string): Promise<string[]> {
  const failures: string[] = [];
  const users = scenarioPeople(bundle);
  const dueOf = dueCalculator(bundle);
  // each task's due date when the runner first saw it open: what `dueMovedBy` measures from
  const firstDue = new Map<string, string | null>();
  const check = async (label: string, c: CaseView, e: StepExpectation) => {
    const extensions = e.extensions ? await engine.extensions(c.id) : [];
    checkExpectation(label, c, e, { clock, dueOf, firstDue, extensions }, failures);
  };
  const seen = (c: CaseView) => {
    for (const t of c.openTasks) if (!firstDue.has(t.id)) firstDue.set(t.id, t.dueAt ? new Date(t.dueAt).toISOString() : null);
  };
  const refused = mayNot(users, s.start.as, 'case:create', '受理');
  if (refused) return s.start.expectError === 'FORBIDDEN' ? [] : [refused];
  let current: CaseView;
  try {
    current = await engine.startCase({ process: processKey, data: s.start.data, actor: s.start.as });
  } catch (err) {
    if (s.start.expectError) {
      if (errorCode(err) !== s.start.expectError) failures.push(`受理：期望错误 ${s.start.expectError}，实际 ${errorText(err)}`);
      return failures;
    }
    return [`受理失败：${errorText(err)}`];
  }
  if (s.start.expectError) return [`受理：期望被拒绝（${s.start.expectError}），实际受理成功`];

  seen(current);
  if (s.routing) checkRouting(current, s.routing, failures);
  if (s.start.expect) await check('受理后', current, s.start.expect);

  for (const [i, step] of (s.steps ?? []).entries()) {
    const label = `第 ${i + 1} 步（${describe(step)}）`;
    const before = failures.length;
    try {
      current = await act(engine, clock, current, step, users, label);
    } catch (err) {
      if (err instanceof ScenarioFailure) {
        failures.push(err.message);
        return failures;
      }
      if (step.expectError && errorCode(err) === step.expectError) {
        current = await engine.getCase(current.id);
      } else {
        failures.push(`${label}：${step.expectError ? `期望错误 ${step.expectError}，实际 ` : ''}${errorText(err)}`);
        return failures;
      }
    }
    seen(current);
    if (step.expect) await check(label, current, step.expect);
    if (failures.length > before) return failures; // later steps would only repeat the cascade
  }

  if (s.path) {
    const path = current.history.filter((h) => h.kind === HistoryKind.TaskCompleted).map((h) => h.elementId ?? '');
    if (JSON.stringify(path) !== JSON.stringify(s.path)) failures.push(`办理路径：期望 ${s.path.join(' → ')}，实际 ${path.join(' → ') || '（无）'}`);
  }
  if (s.status && current.status !== s.status) failures.push(`最终状态：期望 ${s.status}，实际 ${current.status}`);
  return failures;
}

class ScenarioFailure extends Error {}

/** What the server would answer 403 to: expected with `expectError: "FORBIDDEN"`, else a failure. */
function forbidden(step: ScenarioStep, message: string): Error {
  return step.expectError === 'FORBIDDEN' ? new YizhanError('FORBIDDEN', message) : new ScenarioFailure(message);
}

function describe(step: ScenarioStep): string {
  if ('complete' in step) return `办理 ${step.complete}`;
  if ('claim' in step) return `认领 ${step.claim}`;
  if ('return' in step) return `退回 ${step.return}`;
  if ('transfer' in step) return `转办 ${step.transfer} → ${step.to}`;
  if ('advance' in step) return `时间推进 ${step.advance}`;
  if ('message' in step) return `消息 ${step.message}`;
  if ('signal' in step) return `信号 ${step.signal}`;
  if ('suspend' in step) return '中止';
  if ('resume' in step) return '恢复';
  if ('refuse' in step) return '不予受理';
  if ('extend' in step) return `申请延期 ${step.extend} ${step.days} 天`;
  if ('approveExtension' in step) return `批准延期 ${step.approveExtension}`;
  if ('rejectExtension' in step) return `驳回延期 ${step.rejectExtension}`;
  return '检查';
}

/** The pack's users as the server would see them (role, unit, departments → their scope). */
type People = Map<string, ActorScope>;

function scenarioPeople(bundle: PackBundle): People {
  const users = bundle.manifest.users ?? [];
  const org = OrgIndex.of(bundle.manifest.org);
  return new Map(users.map((u) => [u.username, actorScope(packUserAccount(u, org), org)]));
}

const PERMISSION_LABELS: Partial<Record<Permission, string>> = {
  'case:create': '受理案件', 'task:act': '办理任务', 'case:message': '向案件发送消息', 'signal:send': '发送信号',
  'case:refuse': '不予受理', 'case:suspend': '中止 / 恢复案件时限', 'deadline:request': '申请延期', 'deadline:approve': '审批延期',
};

/**
 * Why the server would refuse `as` the permission (403), or undefined when it would not. Actors
 * must be users of pack.json when it lists any; without `as` (or without users) nothing is checked.
 */
function mayNot(users: People, as: string | undefined, permission: Permission | undefined, label: string): string | undefined {
  if (permission === undefined || as === undefined || users.size === 0) return undefined;
  const scope = users.get(as);
  if (!scope) return `${label}：用户「${as}」不在 pack.json 的 users 中，服务器上没有这个用户`;
  if (can(scope.role, permission)) return undefined;
  return `${label}：用户「${as}」的角色是「${ROLE_LABELS[scope.role]}」（${scope.role}），没有${PERMISSION_LABELS[permission] ?? permission}的权限（${permission}），服务器会拒绝（403）；请在 pack.json 中给他合适的 role，或换一位办理人`;
}

/** The permission the server's route for the step requires (undefined: `advance`, `expect`). */
function permissionOf(step: ScenarioStep): Permission | undefined {
  if ('message' in step) return 'case:message';
  if ('signal' in step) return 'signal:send';
  if ('suspend' in step || 'resume' in step) return 'case:suspend';
  if ('refuse' in step) return 'case:refuse';
  if ('extend' in step) return 'deadline:request';
  if ('approveExtension' in step || 'rejectExtension' in step) return 'deadline:approve';
  if ('complete' in step || 'claim' in step || 'return' in step || 'transfer' in step) return 'task:act';
  return undefined;
}

async function act(engine: CaseEngine, clock: ManualClock, c: CaseView, step: ScenarioStep, users: People, label: string): Promise<CaseView> {
  if ('advance' in step) {
    clock.advance(step.advance);
    while ((await engine.fireDueTimers()) > 0);
    return engine.getCase(c.id);
  }
  const refused = mayNot(users, step.as, permissionOf(step), label);
  if (refused) throw forbidden(step, refused);
  const actor = step.as ?? 'scenario';
  if ('suspend' in step) return engine.suspendCase(c.id, { reason: step.reason, actor });
  if ('resume' in step) return engine.resumeCase(c.id, { actor });
  if ('refuse' in step) return engine.refuseCase(c.id, { reason: step.reason, notice: step.notice, actor });
  if ('extend' in step) {
    await engine.requestExtension(pickTask(c, step.extend, step, users, label).id, { days: step.days, reason: step.reason, actor });
    return engine.getCase(c.id);
  }
  if ('approveExtension' in step || 'rejectExtension' in step) {
    const approve = 'approveExtension' in step;
    const elementId = approve ? step.approveExtension : step.rejectExtension;
    const tasks = new Set(c.openTasks.filter((t) => t.elementId === elementId).map((t) => t.id));
    const pending = (await engine.extensions(c.id)).find((x) => x.status === 'pending' && tasks.has(x.taskId));
    if (!pending) throw new ScenarioFailure(`${label}：任务「${elementId}」没有待审批的延期申请`);
    const scope = step.as ? users.get(step.as) : undefined;
    await engine.decideExtension(pending.id, {
      approve, note: step.note, actor,
      // the server's rule: the role the pack names (deadlines.extensionApprover, default leader) or an admin
      authorize: (def) => {
        const role = extensionApprover(def);
        if (scope && scope.role !== 'admin' && scope.role !== role) {
          throw forbidden(step, `${label}：延期须由「${role}」角色审批，用户「${scope.username}」的角色是「${ROLE_LABELS[scope.role]}」（${scope.role}），服务器会拒绝（403）`);
        }
      },
    });
    return engine.getCase(c.id);
  }
  if ('message' in step) return engine.correlateMessage(c.id, step.message, step.payload ?? {}, step.as ?? 'scenario');
  if ('signal' in step) {
    // scoped to this scenario's case (the store holds the other scenarios' cases too)
    const { reached, failed } = await engine.broadcastSignal(step.signal, step.payload ?? {}, step.as ?? 'scenario', { includes: (id) => id === c.id });
    const [refused] = failed;
    if (refused) throw new YizhanError(refused.code as ErrorCode, refused.message);
    if (!reached.includes(c.id)) throw new NotWaitingError('signal', step.signal, c.id);
    return engine.getCase(c.id);
  }
  if (!('complete' in step || 'claim' in step || 'return' in step || 'transfer' in step)) return engine.getCase(c.id);
  const elementId = 'complete' in step ? step.complete : 'claim' in step ? step.claim : 'return' in step ? step.return : step.transfer;
  const narrowed = step.as ? users.get(step.as) : undefined;
  const forms = narrowed && actsOnFormsOf(narrowed.role);
  if (narrowed && forms && !c.openTasks.some((t) => t.elementId === elementId && forms.includes(t.formKey ?? ''))) {
    throw forbidden(step, `${label}：用户「${narrowed.username}」的角色是「${ROLE_LABELS[narrowed.role]}」（${narrowed.role}），只能办理督办任务（表单 ${forms.join('、')}），`
      + `没有办理此任务的权限（task:act），服务器会拒绝（403）；请在 pack.json 中给他合适的 role，或换一位办理人`);
  }
  const task = pickTask(c, elementId, step, users, label);
  if ('complete' in step) return engine.completeTask(task.id, step.data ?? {}, actor);
  if ('claim' in step) await engine.claimTask(task.id, actor);
  else if ('return' in step) await engine.returnTask(task.id, { reason: step.reason, actor });
  else await engine.transferTask(task.id, { department: step.to, actor, reason: step.reason });
  return engine.getCase(c.id);
}

/**
 * The open task of the element the acting user may act on as the server decides it (offered to
 * them, their department, or their level within their unit; see people.ts), in `step.department`
 * if given, not claimed by someone else.
 */
function pickTask(c: CaseView, elementId: string, step: ScenarioStep, users: People, label: string): TaskView {
  const open = c.openTasks.filter((t) => t.elementId === elementId);
  if (!open.length) throw new ScenarioFailure(`${label}：没有待办任务「${elementId}」；当前待办：${openList(c)}`);
  const scope = step.as ? users.get(step.as) : undefined;
  const inDepartment = step.department ? open.filter((t) => t.candidateGroups.includes(step.department as string)) : open;
  const mine = scope ? inDepartment.filter((t) => mayActOnTask(scope, t)) : inDepartment;
  if (!mine.length) {
    const groups = open.map((t) => `${t.candidateGroups.join('、') || '（无）'}${t.unit ? `，单位 ${t.unit}` : ''}`).join('；');
    const who = scope ? `${scope.username}（${scope.departments.join('、') || '无部门'}）` : `部门 ${step.department}`;
    const where = scope ? `，也不是认领人或本级本辖区（单位 ${scope.unit ?? '全部单位'}）的任务，服务器会拒绝（403）` : '';
    throw forbidden(step, `${label}：${who}不在任务「${elementId}」的候选组中（${groups}）${where}`);
  }
  const free = mine.filter((t) => !t.assignee || t.assignee === step.as);
  if (!free.length) throw new ScenarioFailure(`${label}：任务「${elementId}」已由 ${mine[0].assignee} 认领`);
  return free[0];
}

function openList(c: CaseView): string {
  return c.openTasks.map((t) => `${t.elementId}[${t.candidateGroups.join(',')}]`).join('、') || '（无）';
}

function checkRouting(c: CaseView, expected: NonNullable<Scenario['routing']>, failures: string[]): void {
  const routing = (c.routing ?? {}) as { decision?: Record<string, unknown>; explanation?: { applied?: string[]; summary?: string } };
  const decision = (c.variables.decision ?? routing.decision ?? {}) as Record<string, unknown>;
  if (expected.decision) diff('分流结果', decision, expected.decision, failures);
  const applied = routing.explanation?.applied ?? [];
  for (const rule of expected.rules ?? []) {
    if (!applied.includes(rule)) failures.push(`分流：期望适用规则「${rule}」，实际适用 ${applied.map((r) => `「${r}」`).join('') || '（无）'}`);
  }
  if (expected.summaryContains && !(routing.explanation?.summary ?? '').includes(expected.summaryContains)) {
    failures.push(`分流说明：期望包含「${expected.summaryContains}」，实际「${routing.explanation?.summary ?? ''}」`);
  }
}

/** What an expectation is checked against besides the case. */
interface CheckContext {
  clock: ManualClock;
  dueOf: DueOf;
  /** Task id → its due date (ISO) when the runner first saw it open. */
  firstDue: Map<string, string | null>;
  /** The case's 延期 requests (read only when the expectation lists them). */
  extensions: { taskId: string; days: number; status: string }[];
}

function checkExpectation(label: string, c: CaseView, e: StepExpectation, ctx: CheckContext, failures: string[]): void {
  if (e.status && c.status !== e.status) failures.push(`${label}：状态期望 ${e.status}，实际 ${c.status}`);
  if (e.suspended !== undefined && (c.suspendedAt !== null) !== e.suspended) {
    failures.push(`${label}：案件应${e.suspended ? '处于中止状态' : '未中止'}，实际${c.suspendedAt ? `自 ${new Date(c.suspendedAt).toISOString()} 中止` : '未中止'}`);
  }
  for (const kind of e.noHistory ?? []) {
    const at = c.history.find((h) => h.kind === kind);
    if (at) failures.push(`${label}：历史中不应有「${kind}」，实际在 ${new Date(at.at).toISOString()} 记录了${at.elementId ? `（${at.elementId}）` : ''}`);
  }
  if (e.extensions) checkExtensions(label, c, e.extensions, ctx.extensions, failures);
  if (e.decision) diff(`${label}：分流结果`, (c.variables.decision ?? {}) as Record<string, unknown>, e.decision, failures);
  if (e.data) diff(`${label}：案件数据`, (c.variables.data ?? {}) as Record<string, unknown>, e.data, failures);
  for (const kind of e.history ?? []) {
    if (!c.history.some((h) => h.kind === kind)) failures.push(`${label}：历史中没有「${kind}」`);
  }
  if (e.openTasks) checkOpenTasks(label, c, e.openTasks, ctx, failures);
}

/** The case's 延期 requests, exactly and in order: the task each is for (by element), its days and status. */
function checkExtensions(label: string, c: CaseView, expected: ExtensionExpectation[], actual: CheckContext['extensions'], failures: string[]): void {
  const elementOf = new Map(c.tasks.map((t) => [t.id, t.elementId]));
  const shown = actual.map((x) => `${elementOf.get(x.taskId) ?? x.taskId} ${x.days} 天 ${x.status}`).join('、') || '（无）';
  const matches = expected.length === actual.length && expected.every((x, i) => {
    const a = actual[i];
    return elementOf.get(a.taskId) === x.task && (x.days === undefined || a.days === x.days) && (x.status === undefined || a.status === x.status);
  });
  if (!matches) {
    const want = expected.map((x) => `${x.task}${x.days !== undefined ? ` ${x.days} 天` : ''}${x.status ? ` ${x.status}` : ''}`).join('、') || '（无）';
    failures.push(`${label}：延期申请期望 ${want}，实际 ${shown}`);
  }
}

/** Turns a scenario's `dueIn` into the due date the engine computes (calendar or working days). */
type DueOf = (createdAt: Date, dueIn: string) => Date | null;

function dueCalculator(bundle: PackBundle): DueOf {
  const d = bundle.manifest.deadlines;
  const calendar = new WorkingCalendar(d?.calendar?.length ? d.calendar : undefined);
  return (createdAt, dueIn) => computeDue(createdAt, dueIn, d?.mode ?? 'calendar-days', calendar);
}

function checkOpenTasks(label: string, c: CaseView, expected: TaskExpectation[], ctx: CheckContext, failures: string[]): void {
  const { clock, dueOf } = ctx;
  const remaining = [...c.openTasks];
  for (const x of expected) {
    const i = remaining.findIndex((t) => t.elementId === x.task && (!x.groups || sameSet(t.candidateGroups, x.groups)));
    if (i < 0) {
      failures.push(`${label}：期望待办 ${x.task}${x.groups ? `[${x.groups.join(',')}]` : ''}，实际待办：${openList(c)}`);
      continue;
    }
    const [t] = remaining.splice(i, 1);
    if (x.dueIn !== undefined) {
      const want = dueOf(new Date(t.createdAt), x.dueIn)?.getTime() ?? NaN;
      if (!t.dueAt || new Date(t.dueAt).getTime() !== want) {
        failures.push(`${label}：任务 ${x.task} 的期限应为受理后 ${x.dueIn}（${new Date(want).toISOString()}），实际 ${t.dueAt ? new Date(t.dueAt).toISOString() : '无期限'}`);
      }
    }
    if (x.dueMovedBy !== undefined) {
      const first = ctx.firstDue.get(t.id);
      const want = first ? dueOf(new Date(first), x.dueMovedBy)?.getTime() ?? NaN : NaN;
      if (!t.dueAt || new Date(t.dueAt).getTime() !== want) {
        failures.push(`${label}：任务 ${x.task} 的期限应比开始办理时的 ${first ?? '无期限'} 顺延 ${x.dueMovedBy}（${Number.isNaN(want) ? '无法计算' : new Date(want).toISOString()}），实际 ${t.dueAt ? new Date(t.dueAt).toISOString() : '无期限'}`);
      }
    }
    if (x.colour && t.colour !== x.colour) failures.push(`${label}：任务 ${x.task} 在 ${clock.now().toISOString()} 应为${x.colour}，实际 ${t.colour ?? '无'}`);
    if (x.assignee !== undefined && t.assignee !== x.assignee) failures.push(`${label}：任务 ${x.task} 的认领人应为 ${x.assignee ?? '无'}，实际 ${t.assignee ?? '无'}`);
  }
  if (remaining.length) failures.push(`${label}：多出的待办：${remaining.map((t) => `${t.elementId}[${t.candidateGroups.join(',')}]`).join('、')}`);
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

/** Every expected field must equal (deeply) the actual one; arrays compare in order. */
function diff(label: string, actual: Record<string, unknown>, expected: Record<string, unknown>, failures: string[]): void {
  for (const [k, v] of Object.entries(expected)) {
    if (JSON.stringify(actual[k]) !== JSON.stringify(v)) failures.push(`${label}.${k}：期望 ${JSON.stringify(v)}，实际 ${JSON.stringify(actual[k])}`);
  }
}
