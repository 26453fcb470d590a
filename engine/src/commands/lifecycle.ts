// The life of a case outside its BPMN steps: 不予受理 (refusal at intake), 中止 / 恢复 (the SLA clock
// stops and resumes: due dates, warning times and timers shift by the suspended time — in working
// days when the pack counts working days), and 延期 (a task's time limit, and the timers on its
// boundary, extended on approval).
// Each runs under the case row lock, changes rows only (no engine step) and is recorded in history.
import { loadSourceContext } from '../bpmn/definition';
import { WorkingCalendar, type DeadlineMode } from '../calendar/working-calendar';
import type { DefinitionRecord } from '../definitions';
import { BadRequestError, CaseNotActiveError, NotFoundError, TaskNotOpenError } from '../errors';
import { appendHistory, HistoryKind } from '../history';
import { isUuid } from '../ids';
import { saneDate } from './deadlines';
import { caseOfTask, lockCaseRow, lockedTask, readTask, transaction, type AuthorizeTask, type Client } from './lock';
import type { CaseCommandRunner } from './runner';

const DAY_MS = 86400_000;
/** The longest extension one request may ask for (days). */
export const MAX_EXTENSION_DAYS = 366;

/** A 延期 request as stored. */
export interface ExtensionView {
  id: number;
  caseId: string;
  taskId: string;
  days: number;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  requestedBy: string | null;
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  note: string | null;
  oldDueAt: Date | null;
  newDueAt: Date | null;
}

/** The case row as a row change reads it under the lock. */
export interface LockedCase {
  id: string;
  definition_id: string;
  status: string;
  suspended_at: Date | null;
  version: number;
}

/** Who approves 延期 for a definition version: the role its pack names (`deadlines.extensionApprover`), default `leader`. */
export function extensionApprover(def: DefinitionRecord): string {
  const cfg = def.meta.deadlines as { extensionApprover?: string } | undefined;
  return cfg?.extensionApprover || 'leader';
}

/**
 * The working days between two instants: the working days whose local date is after `from`'s and
 * not after `to`'s (suspended Monday 10:00, resumed the next Monday 10:00: five).
 */
export function workingDaysBetween(calendar: WorkingCalendar, from: Date, to: Date): number {
  const last = WorkingCalendar.localDate(to);
  let n = 0;
  for (let at = new Date(from.getTime() + DAY_MS), i = 0; WorkingCalendar.localDate(at) <= last && i < 40_000; at = new Date(at.getTime() + DAY_MS), i++) {
    if (calendar.isWorkingDay(at)) n++;
  }
  return n;
}

/** Moves a date by a suspension or an extension: whole working days in working-day mode, else a time. */
function shifted(mode: DeadlineMode, calendar: WorkingCalendar, at: Date, shift: { workingDays: number } | { ms: number }): Date {
  if ('ms' in shift) return new Date(at.getTime() + shift.ms);
  return shift.workingDays > 0 ? calendar.addWorkingDays(at, shift.workingDays) : at;
}

/**
 * A copy of saved engine state with every timer expiry (`expireAt`) moved by `move` — or, given
 * `only`, just the expiries inside the state of those elements (an object whose `id` is one of them:
 * the element's own state and the messages it left in its broker queues).
 */
export function shiftExpiries(state: unknown, move: (at: Date) => Date, only?: ReadonlySet<string>): unknown {
  const walk = (v: unknown, inside: boolean): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, inside));
    if (!v || typeof v !== 'object') return v;
    const obj = v as Record<string, unknown>;
    const here = inside || (typeof obj.id === 'string' && only?.has(obj.id) === true);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(obj)) {
      if (k === 'expireAt' && here && (typeof x === 'string' || typeof x === 'number') && Number.isFinite(new Date(x).getTime())) {
        out[k] = move(new Date(x)).toISOString();
      } else {
        out[k] = walk(x, here);
      }
    }
    return out;
  };
  return walk(state, only === undefined);
}

/**
 * Moves the case's pending timers by `move`: their rows (the sweeper fires from these) and the
 * expiries in the saved engine state (bpmn-engine fires a timer already expired there when the case
 * is recovered). All of them, or only those of the elements in `only`. Returns the rows moved.
 */
async function moveTimers(client: Client, caseId: string, move: (at: Date) => Date, only?: ReadonlySet<string>): Promise<{ elementId: string; from: Date; to: Date }[]> {
  if (only?.size === 0) return [];
  const { rows: timers } = await client.query<{ id: string; element_id: string; due_at: Date }>(
    `select id, element_id, due_at from timers where case_id = $1 and status = 'pending' and ($2::text[] is null or element_id = any($2))`,
    [caseId, only ? [...only] : null]);
  const moved: { elementId: string; from: Date; to: Date }[] = [];
  for (const t of timers) {
    const to = move(t.due_at);
    await client.query('update timers set due_at = $2 where id = $1', [t.id, to]);
    moved.push({ elementId: t.element_id, from: t.due_at, to });
  }
  const { rows: [st] } = await client.query<{ state: unknown }>('select state from cases where id = $1', [caseId]);
  await client.query('update cases set state = $2, version = version + 1 where id = $1', [caseId, JSON.stringify(shiftExpiries(st.state, move, only))]);
  return moved;
}

/** The boundary events attached to an activity (by element id) in a definition version. */
function boundaryEventsOf(def: DefinitionRecord, activityId: string): Set<string> {
  const ctx = loadSourceContext(def.contextHash, def.sourceContext) as {
    getActivities?: () => { id: string; behaviour?: { attachedTo?: { id?: string } } }[];
  };
  return new Set((ctx.getActivities?.() ?? []).filter((a) => a.behaviour?.attachedTo?.id === activityId).map((a) => a.id));
}

export class LifecycleCommands {
  constructor(private readonly runner: CaseCommandRunner) {}

  /**
   * 不予受理: refuses a case at intake — before any task of it was completed — with a reason and
   * the notice given to the applicant. Its open tasks and timers are cancelled; it ends `refused`.
   */
  async refuse(caseId: string, input: { reason: string; notice?: string; actor: string }): Promise<void> {
    const reason = input.reason?.trim();
    if (!reason) throw new BadRequestError('请填写不予受理的理由', [{ field: '/reason', message: '必填' }]);
    await this.onCase(caseId, async (client, c, now) => {
      if (c.status !== 'active' && c.status !== 'incident') throw new CaseNotActiveError(caseId, c.status, '不予受理');
      const { rowCount } = await client.query(`select 1 from tasks where case_id = $1 and status = 'completed' limit 1`, [caseId]);
      if (rowCount) throw new CaseNotActiveError(caseId, 'handling', '不予受理（已开始办理，只能在受理阶段作出）');
      const { rows: tasks } = await client.query<{ id: string; element_id: string }>(
        `update tasks set status = 'cancelled', completed_at = $2 where case_id = $1 and status = 'open' returning id, element_id`, [caseId, now]);
      await client.query(`update timers set status = 'cancelled' where case_id = $1 and status = 'pending'`, [caseId]);
      await client.query(`update incidents set status = 'resolved', resolved_at = $2 where case_id = $1 and status = 'open'`, [caseId, now]);
      for (const t of tasks) {
        await appendHistory(client, caseId, now, { actor: 'system', kind: HistoryKind.TaskCancelled, elementId: t.element_id, taskId: t.id, data: null });
      }
      await appendHistory(client, caseId, now, { actor: input.actor, kind: HistoryKind.CaseRefused, elementId: null, taskId: null, data: { reason, notice: input.notice?.trim() || null } });
      await client.query(`update cases set status = 'refused', completed_at = $2, updated_at = $2, suspended_at = null, version = version + 1 where id = $1`, [caseId, now]);
    });
  }

  /** 中止: stops the case's SLA clock (its timers wait; due dates move on 恢复). */
  async suspend(caseId: string, input: { reason: string; actor: string }): Promise<void> {
    const reason = input.reason?.trim();
    if (!reason) throw new BadRequestError('请填写中止的理由', [{ field: '/reason', message: '必填' }]);
    await this.onCase(caseId, async (client, c, now) => {
      if (c.status !== 'active' && c.status !== 'incident') throw new CaseNotActiveError(caseId, c.status, '中止');
      if (c.suspended_at) throw new CaseNotActiveError(caseId, 'suspended', '再次中止');
      await client.query('update cases set suspended_at = $2, updated_at = $2 where id = $1', [caseId, now]);
      await appendHistory(client, caseId, now, { actor: input.actor, kind: HistoryKind.CaseSuspended, elementId: null, taskId: null, data: { reason } });
    });
  }

  /**
   * 恢复: the SLA clock runs again. Open tasks' due dates and warning times and pending timers move
   * by the suspended time: whole working days (on the pack's calendar) in working-day mode, else
   * the elapsed time.
   */
  async resume(caseId: string, input: { actor: string }): Promise<void> {
    await this.onCase(caseId, async (client, c, now, def) => {
      if (!c.suspended_at) throw new CaseNotActiveError(caseId, c.status, '恢复（案件未中止）');
      const { mode, calendar } = this.runner.ctx.deadlines.of(def);
      const shift = mode === 'working-days'
        ? { workingDays: workingDaysBetween(calendar, c.suspended_at, now) }
        : { ms: Math.max(0, now.getTime() - c.suspended_at.getTime()) };
      const { rows: tasks } = await client.query<{ id: string; due_at: Date | null; warn_at: Date | null }>(
        `select id, due_at, warn_at from tasks where case_id = $1 and status = 'open' and due_at is not null`, [caseId]);
      for (const t of tasks) {
        const due = shifted(mode, calendar, t.due_at as Date, shift);
        const warn = t.warn_at ? shifted(mode, calendar, t.warn_at, shift) : null;
        if (!saneDate(now, due)) throw new BadRequestError('顺延后的办理时限超出允许范围');
        await client.query('update tasks set due_at = $2, warn_at = $3 where id = $1', [t.id, due, warn]);
      }
      // bpmn-engine keeps each timer's expiry in the saved state and fires one already expired at
      // once when the case is recovered: those move with the rows, or a resumed case's escalation
      // would fire on its next step
      await moveTimers(client, caseId, (at) => shifted(mode, calendar, at, shift));
      await client.query('update cases set suspended_at = null, updated_at = $2 where id = $1', [caseId, now]);
      await appendHistory(client, caseId, now, {
        actor: input.actor, kind: HistoryKind.CaseResumed, elementId: null, taskId: null, data: { suspendedAt: c.suspended_at.toISOString(), shift },
      });
    });
  }

  /** 延期 requested for an open task: `days` more (in the pack's deadline mode), with a reason; one pending request a task. */
  async requestExtension(taskId: string, input: { days: number; reason: string; actor: string; authorize?: AuthorizeTask }): Promise<ExtensionView> {
    const reason = input.reason?.trim();
    if (!reason) throw new BadRequestError('请填写延期理由', [{ field: '/reason', message: '必填' }]);
    if (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_EXTENSION_DAYS) {
      throw new BadRequestError(`延期天数须为 1 到 ${MAX_EXTENSION_DAYS} 的整数`, [{ field: '/days', message: '超出范围' }]);
    }
    const caseId = await caseOfTask(this.runner.ctx.pool, taskId);
    let id = 0;
    await this.onCase(caseId, async (client, c, now) => {
      if (c.status !== 'active' && c.status !== 'incident') throw new CaseNotActiveError(caseId, c.status, '申请延期');
      const task = await readTask(client, taskId);
      if (task.status !== 'open') throw new TaskNotOpenError(taskId, task.status);
      await input.authorize?.(lockedTask(task));
      const pending = await client.query(`select 1 from deadline_extensions where task_id = $1 and status = 'pending'`, [taskId]);
      if (pending.rowCount) throw new BadRequestError('该任务已有待审批的延期申请', [{ field: '/taskId', message: '已有待审批的申请' }]);
      const { rows } = await client.query<{ id: string; due_at: Date | null }>(
        `insert into deadline_extensions (case_id, task_id, days, reason, requested_by, requested_at, old_due_at)
         select $1, $2, $3, $4, $5, $6, due_at from tasks where id = $2 returning id`,
        [caseId, taskId, input.days, reason, input.actor, now]);
      id = Number(rows[0].id);
      await appendHistory(client, caseId, now, { actor: input.actor, kind: HistoryKind.ExtensionRequested, elementId: task.element_id, taskId, data: { extensionId: id, days: input.days, reason } });
    });
    return this.extension(id);
  }

  /**
   * Decides a pending 延期 request. Approved, the task's due date moves `days` on from its current
   * one (working days in working-day mode), its warning time is recomputed by the pack's share, and
   * the pending timers of the boundary events attached to the task (its escalation) move by the same
   * days — rows and saved engine state, so the sweeper and a recovery agree. Rejected, nothing moves.
   */
  async decideExtension(extensionId: number, input: { approve: boolean; note?: string; actor: string; authorize?: (def: DefinitionRecord) => void }): Promise<ExtensionView> {
    const ext = await this.extension(extensionId);
    await this.onCase(ext.caseId, async (client, c, now, def) => {
      input.authorize?.(def);
      const { rows } = await client.query<{ status: string; days: number; task_id: string }>('select status, days, task_id from deadline_extensions where id = $1', [extensionId]);
      if (rows[0].status !== 'pending') throw new BadRequestError('该延期申请已审批', [{ field: '/extensionId', message: rows[0].status }]);
      const task = await readTask(client, ext.taskId);
      const note = input.note?.trim() || null;
      if (!input.approve) {
        await client.query(`update deadline_extensions set status = 'rejected', decided_by = $2, decided_at = $3, note = $4 where id = $1`, [extensionId, input.actor, now, note]);
        await appendHistory(client, c.id, now, { actor: input.actor, kind: HistoryKind.ExtensionRejected, elementId: task.element_id, taskId: task.id, data: { extensionId, note } });
        return;
      }
      if (task.status !== 'open') throw new TaskNotOpenError(task.id, task.status);
      const { rows: [t] } = await client.query<{ due_at: Date | null; created_at: Date }>('select due_at, created_at from tasks where id = $1', [task.id]);
      const { mode, calendar, yellowShare } = this.runner.ctx.deadlines.of(def);
      const shift = mode === 'working-days' ? { workingDays: rows[0].days } : { ms: rows[0].days * DAY_MS };
      const due = shifted(mode, calendar, t.due_at ?? now, shift);
      const warn = new Date(t.created_at.getTime() + (due.getTime() - t.created_at.getTime()) * yellowShare);
      await client.query('update tasks set due_at = $2, warn_at = $3 where id = $1', [task.id, due, warn]);
      // the task's own boundary timers (its escalation, 挂牌督办) move by the same days; a timer
      // elsewhere in the process (another task's, a process-level or intermediate one) keeps its time
      const timers = await moveTimers(client, c.id, (at) => shifted(mode, calendar, at, shift), boundaryEventsOf(def, task.element_id));
      await client.query(
        `update deadline_extensions set status = 'approved', decided_by = $2, decided_at = $3, note = $4, old_due_at = $5, new_due_at = $6 where id = $1`,
        [extensionId, input.actor, now, note, t.due_at, due]);
      await appendHistory(client, c.id, now, {
        actor: input.actor, kind: HistoryKind.ExtensionApproved, elementId: task.element_id, taskId: task.id,
        data: {
          extensionId, from: t.due_at?.toISOString() ?? null, to: due.toISOString(), note,
          timers: timers.map((m) => ({ elementId: m.elementId, from: m.from.toISOString(), to: m.to.toISOString() })),
        },
      });
    });
    return this.extension(extensionId);
  }

  /** One 延期 request. */
  async extension(extensionId: number): Promise<ExtensionView> {
    const list = await this.extensions({ id: extensionId });
    if (!list[0]) throw new NotFoundError('EXTENSION', String(extensionId));
    return list[0];
  }

  /** The 延期 requests of a case (or one by id), oldest first. */
  async extensions(filter: { caseId?: string; id?: number }): Promise<ExtensionView[]> {
    if (filter.caseId !== undefined && !isUuid(filter.caseId)) return [];
    const { rows } = await this.runner.ctx.pool.query<Record<string, unknown>>(
      `select * from deadline_extensions where ($1::uuid is null or case_id = $1) and ($2::bigint is null or id = $2) order by id`,
      [filter.caseId ?? null, Number.isSafeInteger(filter.id) ? filter.id : filter.id === undefined ? null : -1]);
    return rows.map((r) => ({
      id: Number(r.id), caseId: r.case_id as string, taskId: r.task_id as string, days: r.days as number, reason: r.reason as string,
      status: r.status as ExtensionView['status'], requestedBy: r.requested_by as string | null, requestedAt: r.requested_at as Date,
      decidedBy: r.decided_by as string | null, decidedAt: r.decided_at as Date | null, note: r.note as string | null,
      oldDueAt: r.old_due_at as Date | null, newDueAt: r.new_due_at as Date | null,
    }));
  }

  /** Whether the case's SLA clock is stopped (中止), and since when. */
  async suspendedAt(caseId: string): Promise<Date | null> {
    if (!isUuid(caseId)) throw new NotFoundError('CASE', caseId);
    const { rows } = await this.runner.ctx.pool.query<{ suspended_at: Date | null }>('select suspended_at from cases where id = $1', [caseId]);
    if (!rows[0]) throw new NotFoundError('CASE', caseId);
    return rows[0].suspended_at;
  }

  private onCase(caseId: string, work: (client: Client, c: LockedCase, now: Date, def: DefinitionRecord) => Promise<void>): Promise<void> {
    return onCaseRows(this.runner, caseId, work);
  }
}

/**
 * A row change under the case lock (no engine step): the case row read under the lock, its
 * definition, the time; `updated_at` set; the case's live engine dropped (its row moved on).
 */
export async function onCaseRows(runner: CaseCommandRunner, caseId: string, work: (client: Client, c: LockedCase, now: Date, def: DefinitionRecord) => Promise<void>): Promise<void> {
  if (!isUuid(caseId)) throw new NotFoundError('CASE', caseId);
  const { pool, clock, definitions, live } = runner.ctx;
  await transaction(pool, async (client) => {
    await lockCaseRow(client, caseId);
    const { rows } = await client.query<LockedCase>('select id, definition_id, status, suspended_at, version from cases where id = $1', [caseId]);
    const def = await definitions.byIdOrThrow(rows[0].definition_id);
    const now = clock.now();
    await work(client, rows[0], now, def);
    await client.query('update cases set updated_at = $2 where id = $1', [caseId, now]);
  });
  live.forget(caseId);
}
