// The projection of a settled engine onto the tables: open tasks, pending timers, incidents,
// history and the case row (state, variables, version + 1, status, routing) — in a handful of
// statements whatever the number of tasks (one read, batched writes).
import type { CaseExecution } from '../bpmn/case-execution';
import type { Clock } from '../clock';
import type { DefinitionRecord } from '../definitions';
import { historyBatch, HistoryKind, insertHistoryBatchSql, type HistoryRecord } from '../history';
import { saneDate, timerDue, type DeadlinePolicy } from './deadlines';
import { CaseHaltedError, outOfRange } from './halt';
import type { CaseRow, Client } from './lock';
import { endingOf } from './outcome';

/**
 * Writes what the engine did since the last drain, plus the command's own history entries
 * (`log`), and returns the case's new version. A due date out of range halts the case.
 */
export async function projectCase(
  client: Client,
  ctx: { clock: Clock; deadlines: DeadlinePolicy },
  row: Pick<CaseRow, 'id' | 'version' | 'unit'>,
  def: DefinitionRecord,
  exec: CaseExecution,
  actor: string | undefined,
  log: HistoryRecord[] = [],
): Promise<number> {
  const now = ctx.clock.now();
  ctx.deadlines.of(def); // the version's calendar, built before anything is written
  const caseId = row.id;
  const { incidents, events } = exec.drain();
  const { rows: known } = await client.query<{ kind: 'task' | 'timer' | 'incident'; id: string; execution_id: string; element_id: string }>(
    `select 'task' as kind, id::text, execution_id, element_id from tasks where case_id = $1 and status = 'open'
     union all select 'timer', id::text, execution_id, element_id from timers where case_id = $1 and status = 'pending'
     union all select 'incident', id::text, '', element_id from incidents where case_id = $1 and status = 'open'`,
    [caseId],
  );
  const of = (kind: string) => known.filter((k) => k.kind === kind);

  // Tasks: one row per waiting execution id (re-emitted waits after recover change nothing).
  const waiting = exec.waitingTasks();
  const waitingIds = new Set(waiting.map((w) => w.executionId));
  const gone = of('task').filter((t) => !waitingIds.has(t.execution_id));
  if (gone.length) {
    await client.query(`update tasks set status = 'cancelled', completed_at = $2 where id = any($1::uuid[])`, [gone.map((t) => t.id), now]);
    for (const t of gone) log.push({ actor: 'system', kind: HistoryKind.TaskCancelled, elementId: t.element_id, taskId: t.id, data: null });
  }
  const openIds = new Set(of('task').map((t) => t.execution_id));
  const fresh = waiting.filter((w) => !openIds.has(w.executionId)).map((w) => {
    const { due, warn } = ctx.deadlines.taskDue(def, now, w.dueDate);
    if (due && !saneDate(now, due)) throw new CaseHaltedError(outOfRange(w.elementId, `办理时限「${w.dueDate}」`));
    return {
      execution_id: w.executionId, element_id: w.elementId, name: w.name ?? null, form_key: w.formKey ?? null,
      candidate_groups: w.candidateGroups, assignee: w.assignee ?? null, iteration: w.index ?? null,
      item: w.item === undefined ? null : w.item, due_at: due, warn_at: warn, priority: w.priority ?? null, due_date: w.dueDate ?? null,
    };
  });
  if (fresh.length) {
    const { rows: created } = await client.query<{ id: string; execution_id: string; element_id: string; name: string | null; candidate_groups: string[]; due_at: Date | null }>(
      `insert into tasks (case_id, execution_id, element_id, name, form_key, candidate_groups, assignee, unit, iteration, item, due_at, warn_at, priority, created_at)
       select $1, x.execution_id, x.element_id, x.name, x.form_key, x.candidate_groups, x.assignee, $3, x.iteration, x.item, x.due_at, x.warn_at, x.priority, $4
         from jsonb_to_recordset($2::jsonb) as x(execution_id text, element_id text, name text, form_key text, candidate_groups text[],
              assignee text, iteration int, item jsonb, due_at timestamptz, warn_at timestamptz, priority int)
       on conflict (case_id, execution_id) do nothing
       returning id, execution_id, element_id, name, candidate_groups, due_at`,
      [caseId, JSON.stringify(fresh), row.unit, now],
    );
    const limits = new Map(fresh.map((f) => [f.element_id + f.execution_id, f.due_date]));
    for (const t of created) {
      const dueDate = limits.get(t.element_id + t.execution_id) ?? null;
      log.push({ actor: 'system', kind: HistoryKind.TaskCreated, elementId: t.element_id, taskId: t.id, data: { name: t.name, candidateGroups: t.candidate_groups, dueAt: t.due_at?.toISOString() ?? null, dueDate } });
    }
  }

  // Timers: recorded with their due time by our clock; the sweeper fires them from here.
  const pending = exec.pendingTimers();
  const pendingIds = new Set(pending.map((p) => p.executionId));
  const stale = of('timer').filter((t) => !pendingIds.has(t.execution_id));
  if (stale.length) await client.query(`update timers set status = 'cancelled' where id = any($1::bigint[])`, [stale.map((t) => t.id)]);
  const knownTimers = new Set(of('timer').map((t) => t.execution_id));
  const newTimers = pending.filter((p) => !knownTimers.has(p.executionId)).map((p) => {
    const due = timerDue(now, p.expression, p.delayMs);
    if (!saneDate(now, due)) throw new CaseHaltedError(outOfRange(p.elementId, `定时器「${p.expression ?? `${p.delayMs} ms`}」`));
    return { execution_id: p.executionId, element_id: p.elementId, expression: p.expression ?? null, due_at: due };
  });
  if (newTimers.length) {
    await client.query(
      `insert into timers (case_id, execution_id, element_id, expression, due_at, created_at)
       select $1, x.execution_id, x.element_id, x.expression, x.due_at, $3
         from jsonb_to_recordset($2::jsonb) as x(execution_id text, element_id text, expression text, due_at timestamptz)
       on conflict (case_id, execution_id) do nothing`,
      [caseId, JSON.stringify(newTimers), now],
    );
  }

  // Services: completions resolve earlier incidents; failures open new ones.
  let routing: unknown;
  const openIncidents = new Set(of('incident').map((i) => i.element_id));
  for (const e of events) {
    if (e.kind === 'service.completed') {
      if (openIncidents.delete(e.elementId)) {
        await client.query(`update incidents set status = 'resolved', resolved_at = $3 where case_id = $1 and element_id = $2 and status = 'open'`, [caseId, e.elementId, now]);
      }
      if (e.annotations?.routing) routing = e.annotations.routing;
      log.push({ actor: 'system', kind: HistoryKind.ServiceCompleted, elementId: e.elementId, taskId: null, data: { name: e.name ?? null, ...(e.annotations ?? {}) } });
    } else if (e.elementType.endsWith('Event') || e.elementType.endsWith('Gateway')) {
      log.push({ actor: 'system', kind: HistoryKind.ElementPassed, elementId: e.elementId, taskId: null, data: { type: e.elementType, name: e.name } });
    }
  }
  for (const i of incidents) {
    if (openIncidents.has(i.elementId)) {
      await client.query(`update incidents set message = $3 where case_id = $1 and element_id = $2 and status = 'open'`, [caseId, i.elementId, i.message]);
    } else {
      await client.query(`insert into incidents (case_id, element_id, message, created_at) values ($1, $2, $3, $4)`, [caseId, i.elementId, i.message, now]);
      openIncidents.add(i.elementId);
    }
    log.push({ actor: 'system', kind: HistoryKind.Incident, elementId: i.elementId, taskId: null, data: { message: i.message } });
  }
  // an end event may say the case ended otherwise than 办结 (e.g. 撤回: outcome=withdrawn)
  const ending = exec.completed ? endingOf(def, events, exec.variables()) : undefined;
  const status = exec.completed ? ending?.outcome ?? 'completed' : openIncidents.size ? 'incident' : 'active';
  if (ending?.outcome === 'withdrawn') {
    log.push({ actor: actor ?? lastActor(log), kind: HistoryKind.CaseWithdrawn, elementId: ending.endEvent, taskId: null, data: { endEvent: ending.endEvent, reason: ending.reason } });
  } else if (ending?.outcome === 'refused') {
    log.push({ actor: actor ?? lastActor(log), kind: HistoryKind.CaseRefused, elementId: ending.endEvent, taskId: null, data: { reason: ending.reason ?? '', notice: null } });
  } else if (exec.completed) {
    log.push({ actor: actor ?? 'system', kind: HistoryKind.CaseCompleted, elementId: null, taskId: null, data: null });
  }
  const version = row.version + 1;
  // the history batch and the case row in one statement (one round trip)
  await client.query(
    `with logged as (
       ${insertHistoryBatchSql('$1', '$6', '$8')}
       returning 1)
     update cases set state = $2, variables = $3, version = $4, status = $5, updated_at = $6,
       completed_at = case when $5 in ('completed', 'withdrawn', 'refused') then $6 else completed_at end,
       routing = coalesce($7, routing)
     where id = $1`,
    [caseId, JSON.stringify(exec.getState()), JSON.stringify(exec.variables()), version, status, now,
      routing === undefined ? null : JSON.stringify(routing), historyBatch(log)],
  );
  return version;
}

/** Who acted in this command (e.g. who delivered the 撤回 message), else the system. */
function lastActor(log: readonly HistoryRecord[]): string {
  for (let i = log.length - 1; i >= 0; i--) if (log[i].actor && log[i].actor !== 'system') return log[i].actor as string;
  return 'system';
}
