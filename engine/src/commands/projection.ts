// The projection of a settled engine onto the tables: open tasks, pending timers, incidents,
// history and the case row (state, variables, version + 1, status, routing). Compared with the
// case's open rows as read under the lock (or read here), everything is written in one statement
// whatever the number of tasks — the completed task, cancelled and new tasks, cancelled and new
// timers, the history batch (a new task's entry takes its id from the insert) and the case row —
// a named prepared statement, parsed and planned once per connection. Incidents (rare) have their
// own statements.
import type { CaseExecution } from '../bpmn/case-execution';
import type { Clock } from '../clock';
import type { DefinitionRecord } from '../definitions';
import { HistoryKind, type HistoryRecord } from '../history';
import { saneDate, timerDue, type DeadlinePolicy } from './deadlines';
import { CaseHaltedError, outOfRange } from './halt';
import { openRowsSql, type CaseRow, type Client, type OpenRow } from './lock';
import { endingOf } from './outcome';

/**
 * What a command writes besides the engine's projection, in the projection's one statement. A
 * command that changes task, timer or incident rows itself sets `rowsChanged`, so the projection
 * reads the open ones again instead of using those read with the lock.
 */
export interface StepWrites {
  /** The task this command completed (its form data and who completed it). */
  completedTask?: { id: string; data: Record<string, unknown>; actor: string | null };
  rowsChanged?: boolean;
}

/**
 * Writes what the engine did since the last drain, plus the command's own history entries
 * (`log`), and returns the case's new version. A due date out of range halts the case.
 */
export async function projectCase(
  client: Client,
  ctx: { clock: Clock; deadlines: DeadlinePolicy; supervisionForms?: readonly string[] },
  row: Pick<CaseRow, 'id' | 'version' | 'unit' | 'open'>,
  def: DefinitionRecord,
  exec: CaseExecution,
  actor: string | undefined,
  log: HistoryRecord[] = [],
  writes: StepWrites = {},
): Promise<number> {
  const now = ctx.clock.now();
  ctx.deadlines.of(def); // the version's calendar, built before anything is written
  const caseId = row.id;
  const { incidents, events } = exec.drain();
  const completed = writes.completedTask;
  const known = (row.open ?? (await client.query<OpenRow>(openRowsSql('$1'), [caseId])).rows)
    .filter((k) => !(k.kind === 'task' && k.id === completed?.id)); // completed in this statement
  const of = (kind: string) => known.filter((k) => k.kind === kind);

  // Tasks: one row per waiting execution id (re-emitted waits after recover change nothing).
  const waiting = exec.waitingTasks();
  const waitingIds = new Set(waiting.map((w) => w.executionId));
  const gone = of('task').filter((t) => !waitingIds.has(t.execution_id));
  for (const t of gone) log.push({ actor: 'system', kind: HistoryKind.TaskCancelled, elementId: t.element_id, taskId: t.id, data: null });
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
  // Services: completions resolve earlier incidents; failures open new ones. Logged before the
  // tasks they lead to, so the history reads in the order things happened (routing, then the task).
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
  // each new task's history entry, in its place in the log; its id comes from the insert (a task
  // already there by its execution id is not inserted, and gets no entry)
  const created = new Map<number, string>(); // log position → execution id
  for (const f of fresh) {
    created.set(log.length, f.execution_id);
    log.push({ actor: 'system', kind: HistoryKind.TaskCreated, elementId: f.element_id, taskId: null, data: { name: f.name, candidateGroups: f.candidate_groups, dueAt: f.due_at?.toISOString() ?? null, dueDate: f.due_date } });
  }

  // Timers: recorded with their due time by our clock; the sweeper fires them from here.
  const pending = exec.pendingTimers();
  const pendingIds = new Set(pending.map((p) => p.executionId));
  const stale = of('timer').filter((t) => !pendingIds.has(t.execution_id));
  const knownTimers = new Set(of('timer').map((t) => t.execution_id));
  const newTimers = pending.filter((p) => !knownTimers.has(p.executionId)).map((p) => {
    const due = timerDue(now, p.expression, p.delayMs);
    if (!saneDate(now, due)) throw new CaseHaltedError(outOfRange(p.elementId, `定时器「${p.expression ?? `${p.delayMs} ms`}」`));
    return { execution_id: p.executionId, element_id: p.elementId, expression: p.expression ?? null, due_at: due };
  });

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
  await client.query({
    name: 'yizhan.project-case',
    text: PROJECT_SQL,
    values: [
      caseId, JSON.stringify(exec.getState()), JSON.stringify(exec.variables()), version, status, now,
      routing === undefined ? null : JSON.stringify(routing),
      JSON.stringify(log.map((e, n) => ({ n, actor: e.actor, kind: e.kind, element_id: e.elementId, task_id: e.taskId, data: e.data, creates: created.get(n) ?? null }))),
      completed?.id ?? null, completed ? JSON.stringify(completed.data) : null, completed?.actor ?? null,
      gone.map((t) => t.id), JSON.stringify(fresh), row.unit,
      stale.map((t) => t.id), JSON.stringify(newTimers),
      // a supervision step of the process (挂牌督办 by a timer) marks the case like an on-demand 督办
      fresh.some((f) => f.form_key !== null && (ctx.supervisionForms ?? []).includes(f.form_key)),
      ...audienceAdded(fresh, row.unit, completed?.actor ?? null),
    ],
  });
  return version;
}

/**
 * What this step's task rows add to the case's `task_audience` and `offered_groups` (migration
 * 009: who and which groups may see the case), so that the case row takes them in the
 * projection's own update. The tasks' triggers keep both columns for every writer; after this
 * statement they find nothing to change, instead of writing the case row once or twice more.
 */
function audienceAdded(fresh: { candidate_groups: string[]; assignee: string | null }[], unit: string | null, completedBy: string | null): [string[], string[]] {
  const audience = new Set<string>();
  const groups = new Set<string>();
  if (completedBy) audience.add(`c:${completedBy}`);
  for (const f of fresh) {
    if (f.assignee) audience.add(`u:${f.assignee}`);
    for (const g of f.candidate_groups) {
      groups.add(g);
      if (unit !== null) audience.add(`l:${g}@${unit}`);
    }
  }
  return [[...audience], [...groups]];
}

/**
 * The projection's one statement. $1 case id, $2 state, $3 variables, $4 version, $5 status,
 * $6 now, $7 routing, $8 history entries (`creates`: the execution id of the new task the entry is
 * about), $9–$11 the task completed by this command (id, data, actor), $12 tasks no longer waited
 * for, $13 new tasks, $14 the case's unit, $15 timers no longer pending, $16 new timers, $17 whether a
 * new task is a supervision step (the case is then marked supervised, once), $18 and $19 what the
 * task rows add to the case's audience and offered groups (audienceAdded). The parts
 * touch different rows, so their order inside the statement does not matter; each new task's
 * history entry is joined to the task the insert made.
 */
const PROJECT_SQL = `
  with completed as (
    update tasks set status = 'completed', data = $10::jsonb, completed_at = $6, completed_by = $11 where id = $9::uuid
  ), cancelled as (
    update tasks set status = 'cancelled', completed_at = $6 where id = any($12::uuid[])
  ), created as (
    insert into tasks (case_id, execution_id, element_id, name, form_key, candidate_groups, assignee, unit, iteration, item, due_at, warn_at, priority, created_at)
    select $1, x.execution_id, x.element_id, x.name, x.form_key, x.candidate_groups, x.assignee, $14, x.iteration, x.item, x.due_at, x.warn_at, x.priority, $6
      from jsonb_to_recordset($13::jsonb) as x(execution_id text, element_id text, name text, form_key text, candidate_groups text[],
           assignee text, iteration int, item jsonb, due_at timestamptz, warn_at timestamptz, priority int)
    on conflict (case_id, execution_id) do nothing
    returning id, execution_id
  ), stale as (
    update timers set status = 'cancelled' where id = any($15::bigint[])
  ), armed as (
    insert into timers (case_id, execution_id, element_id, expression, due_at, created_at)
    select $1, x.execution_id, x.element_id, x.expression, x.due_at, $6
      from jsonb_to_recordset($16::jsonb) as x(execution_id text, element_id text, expression text, due_at timestamptz)
    on conflict (case_id, execution_id) do nothing
  ), logged as (
    insert into history (case_id, at, actor, kind, element_id, task_id, data)
    select $1, $6, x.actor, x.kind, x.element_id, coalesce(x.task_id, c.id), x.data
      from jsonb_to_recordset($8::jsonb) as x(n int, actor text, kind text, element_id text, task_id uuid, data jsonb, creates text)
      left join created c on c.execution_id = x.creates
     where x.creates is null or c.id is not null
     order by x.n
  )
  update cases set state = $2, variables = $3, version = $4, status = $5, updated_at = $6,
    completed_at = case when $5 in ('completed', 'withdrawn', 'refused') then $6 else completed_at end,
    routing = coalesce($7, routing),
    supervised_at = case when $17::boolean then coalesce(supervised_at, $6) else supervised_at end,
    task_audience = case when cardinality($18::text[]) = 0 or task_audience @> $18::text[] then task_audience
      else array(select distinct k from unnest(task_audience || $18::text[]) k order by k) end,
    offered_groups = case when cardinality($19::text[]) = 0 or offered_groups @> $19::text[] then offered_groups
      else array(select distinct g from unnest(offered_groups || $19::text[]) g order by g) end
  where id = $1`;

/** Who acted in this command (e.g. who delivered the 撤回 message), else the system. */
function lastActor(log: readonly HistoryRecord[]): string {
  for (let i = log.length - 1; i >= 0; i--) if (log[i].actor && log[i].actor !== 'system') return log[i].actor as string;
  return 'system';
}
