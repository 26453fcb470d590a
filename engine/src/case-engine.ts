// The durable case engine. Every command on a case runs in one transaction holding the case row
// lock: load → (recover | reuse the live engine) → act → settle → project tasks / timers / history
// → write state with version+1 → commit. A crash anywhere loses nothing that was acknowledged,
// because nothing is acknowledged before the commit.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { CaseExecution, DEFAULT_BUDGET, type ExecutionBudget, type ExecutionHalt, type ServiceCall, type StoredState } from './bpmn/case-execution';
import { LIMITS } from './bpmn/limits';
import { addDuration, isIsoDuration, systemClock, type Clock } from './clock';
import { computeDue, WorkingCalendar, type CalendarYear, type DeadlineMode } from './calendar/working-calendar';
import { DefinitionRepository, intakeFields, type DefinitionRecord, type DefinitionSummary, type DeployInput } from './definitions';
import { BadRequestError, ConflictError, FormDataInvalidError, NotFoundError, TaskNotOpenError, YizhanError, type ErrorDetail } from './errors';
import { createDefaultFormValidator, type FormValidator } from './form-validation';
import { CaseQueries, type CaseView, type TaskView } from './case-queries';
import { builtinHandlers, type ServiceHandler } from './handlers';
import { appendHistory, historyBatch, HistoryKind, insertHistoryBatchSql, type HistoryEvent, type HistoryRecord } from './history';
import { isUuid } from './ids';

export interface CaseEngineOptions {
  pool: pg.Pool;
  clock?: Clock;
  /** Extra or replacement service handlers by topic (`camunda:topic`); `route` is built in. */
  handlers?: Record<string, ServiceHandler>;
  validateForm?: FormValidator;
  /** How many live case engines to keep in memory (0: recover from the store on every step). */
  cacheSize?: number;
  /**
   * What one command may make the engine do (default 10,000 steps, 500 ms of engine time). A
   * command over budget is rolled back and the case halted with an incident.
   */
  budget?: Partial<ExecutionBudget>;
}

export interface StartCaseInput {
  /** Process key; the latest version unless `version` is given. */
  process: string;
  version?: number;
  data: Record<string, unknown>;
  actor?: string;
  title?: string;
  type?: string;
  channel?: string;
  unit?: string;
}

/** The engine could not advance the case (e.g. no gateway branch matched); nothing was changed. */
export class ProcessError extends YizhanError {
  constructor(message: string, elementId?: string) {
    super('PROCESS_ERROR', `流程无法继续：${message}`, [{ elementId, message }]);
  }
}

/**
 * A command ran away and was rolled back; the case is halted with an incident (kind `halted`)
 * naming the element and the reason. The server stays up; the case waits for an operator.
 */
export class CaseHaltedError extends YizhanError {
  constructor(readonly halt: ExecutionHalt) {
    super('PROCESS_ERROR', `流程无法继续，案件已挂起为异常：${halt.message}`, [{ code: 'CASE_HALTED', elementId: halt.elementId, message: halt.message }]);
  }
}

interface CaseRow {
  id: string;
  definition_id: string;
  status: string;
  version: number;
  unit: string | null;
  /** The task a command is about, read under the same lock (completeTask). */
  task?: TaskRow | null;
}

interface TaskRow {
  id: string;
  case_id: string;
  execution_id: string;
  element_id: string;
  form_key: string | null;
  candidate_groups: string[];
  assignee: string | null;
  unit: string | null;
  status: string;
}

/** A task as it stands under the case lock, given to a command's `authorize` callback. */
export interface LockedTask {
  id: string;
  caseId: string;
  elementId: string;
  candidateGroups: string[];
  assignee: string | null;
  unit: string | null;
  status: string;
}

/**
 * A permission check run inside a task command's transaction, after the row lock, on the fresh
 * task row: it throws to refuse (the transaction rolls back, nothing changes). The caller's check
 * before the command can be stale by then — another user may just have transferred the task.
 */
export type AuthorizeTask = (task: LockedTask) => void | Promise<void>;

const lockedTask = (t: TaskRow): LockedTask => ({
  id: t.id, caseId: t.case_id, elementId: t.element_id, candidateGroups: t.candidate_groups, assignee: t.assignee, unit: t.unit ?? null, status: t.status,
});

type Client = pg.PoolClient;

export class CaseEngine {
  readonly definitions: DefinitionRepository;
  readonly queries: CaseQueries;
  private readonly pool: pg.Pool;
  private readonly clock: Clock;
  private readonly handlers: Record<string, ServiceHandler>;
  private readonly validateForm: FormValidator;
  private readonly cacheSize: number;
  private readonly budget: ExecutionBudget | undefined;
  private readonly live = new Map<string, { exec: CaseExecution; version: number }>();
  private readonly calendars = new Map<string, { mode: DeadlineMode; calendar: WorkingCalendar; yellowShare: number }>();

  constructor(options: CaseEngineOptions) {
    this.pool = options.pool;
    this.clock = options.clock ?? systemClock;
    this.handlers = { ...builtinHandlers, ...(options.handlers ?? {}) };
    this.validateForm = options.validateForm ?? createDefaultFormValidator();
    this.cacheSize = options.cacheSize ?? 1000;
    this.budget = options.budget ? { ...DEFAULT_BUDGET, ...options.budget } : undefined;
    this.definitions = new DefinitionRepository(this.pool, () => Object.keys(this.handlers));
    this.queries = new CaseQueries(this.pool, this.clock);
  }

  deploy(input: DeployInput): Promise<DefinitionRecord> {
    return this.definitions.deploy(input);
  }

  /**
   * Takes a definition version out of service for new cases without a new deploy (`startCase`
   * then uses the latest version not withdrawn); running cases keep their version.
   */
  withdrawDefinition(definitionId: string, actor?: string): Promise<DefinitionSummary> {
    return this.definitions.setWithdrawn(definitionId, true, actor);
  }

  /** Puts a withdrawn definition version back into service. */
  restoreDefinition(definitionId: string): Promise<DefinitionSummary> {
    return this.definitions.setWithdrawn(definitionId, false);
  }

  async startCase(input: StartCaseInput): Promise<CaseView> {
    const def = await this.definitions.byKey(input.process, input.version);
    this.checkForm(def, def.meta.startFormKey, input.data);
    const caseId = randomUUID();
    const now = this.clock.now();
    const facts = {
      id: caseId,
      type: input.type ?? str(input.data.type),
      channel: input.channel ?? str(input.data.channel),
      unit: input.unit ?? str(input.data.unit),
    };
    const variables = { data: input.data, case: facts };
    const exec = await CaseExecution.start(caseId, this.executionOptions(caseId, def), variables);
    if (!exec.halted && exec.error) throw new ProcessError(exec.error.message);
    const insertCase = async (client: Client) => {
      await client.query(
        `insert into cases (id, definition_id, process_key, status, version, state, variables, title, type, channel, unit, created_by, created_at, updated_at)
         values ($1, $2, $3, 'active', 0, '{}', $10, $4, $5, $6, $7, $8, $9, $9)`,
        [caseId, def.id, def.key, input.title ?? str(input.data.title) ?? def.name, facts.type ?? null, facts.channel ?? null, facts.unit ?? null, input.actor ?? null, now, JSON.stringify(variables)],
      );
      await appendHistory(client, caseId, this.clock.now(), { actor: input.actor ?? null, kind: HistoryKind.CaseStarted, elementId: 'start', taskId: null, data: { process: def.key, version: def.version, data: input.data } });
    };
    let halt = exec.halted;
    if (!halt) {
      try {
        await this.transaction(async (client) => {
          await insertCase(client);
          const version = await this.persist(client, { id: caseId, version: 0, unit: facts.unit ?? null }, def, exec, input.actor);
          this.remember(caseId, exec, version);
        });
      } catch (err) {
        if (!(err instanceof CaseHaltedError)) throw err;
        halt = err.halt;
      }
    }
    if (halt) {
      // The intake is kept (nothing acknowledged is lost): the case exists, not started
      // (state {}), halted with an incident. Retrying its incidents starts it again.
      const h = halt;
      await this.transaction(async (client) => {
        await insertCase(client);
        await this.recordHalt(client, caseId, h);
      });
    }
    return this.queries.getCase(caseId);
  }

  /**
   * Completes an open task with form data (validated against the task's form first). A task
   * claimed by someone else is refused (CONFLICT / TASK_CLAIMED) unless `force` (e.g. an admin).
   */
  async completeTask(taskId: string, data: Record<string, unknown>, actor?: string, options: { force?: boolean; authorize?: AuthorizeTask } = {}): Promise<CaseView> {
    const caseId = await this.caseOfTask(taskId);
    await this.onCase(caseId, async (client, row, def, log) => {
      const task = row.task;
      if (!task) throw new NotFoundError('TASK', taskId);
      if (task.status === 'completed') throw new ConflictError(`任务 ${taskId} 已办结，不能重复提交`);
      if (task.status !== 'open') throw new TaskNotOpenError(taskId, task.status);
      await options.authorize?.(lockedTask(task));
      // checked under the lock: a claim made by someone else just now still wins
      if (task.assignee && actor && task.assignee !== actor && !options.force) throw new ConflictError(`任务已由 ${task.assignee} 认领`, 'TASK_CLAIMED');
      this.checkForm(def, task.form_key ?? undefined, data);
      const exec = await this.execution(client, row, def);
      if (!exec.signal({ elementId: task.element_id, executionId: task.execution_id }, data, actor)) {
        throw new TaskNotOpenError(taskId, 'not-waiting');
      }
      await exec.settle();
      const now = this.clock.now();
      await client.query(`update tasks set status = 'completed', data = $2, completed_at = $3, completed_by = $4 where id = $1`, [taskId, data, now, actor ?? null]);
      log.push({ actor: actor ?? null, kind: HistoryKind.TaskCompleted, elementId: task.element_id, taskId, data: { data } });
      return exec;
    }, { taskId });
    return this.queries.getCase(caseId);
  }

  /** Takes a task into one's own hands. Someone else's claim is a CONFLICT. */
  claimTask(taskId: string, user: string, options: { authorize?: AuthorizeTask } = {}): Promise<TaskView> {
    return this.taskAction(taskId, user, options.authorize, async (client, task) => {
      if (task.assignee && task.assignee !== user) throw new ConflictError(`任务已由 ${task.assignee} 认领`, 'TASK_CLAIMED');
      if (task.assignee === user) return false;
      await client.query('update tasks set assignee = $2 where id = $1', [task.id, user]);
      return { kind: HistoryKind.TaskClaimed, data: null };
    });
  }

  /** Gives a claimed task back to its candidate groups (the assignee, or anyone with `force`). */
  unclaimTask(taskId: string, user: string, options: { force?: boolean; authorize?: AuthorizeTask } = {}): Promise<TaskView> {
    return this.taskAction(taskId, user, options.authorize, async (client, task) => {
      if (!task.assignee) return false;
      if (task.assignee !== user && !options.force) throw new ConflictError(`任务由 ${task.assignee} 认领，只有认领人可以释放`, 'NOT_ASSIGNEE');
      await client.query('update tasks set assignee = null where id = $1', [task.id]);
      return { kind: HistoryKind.TaskUnclaimed, data: { from: task.assignee } };
    });
  }

  /** 转办: hands the task to another department; the claim is released. */
  transferTask(taskId: string, input: { department: string; actor: string; reason?: string; authorize?: AuthorizeTask }): Promise<TaskView> {
    return this.taskAction(taskId, input.actor, input.authorize, async (client, task) => {
      if (!input.department) throw new BadRequestError('请指定转办部门', [{ field: '/department', message: '必填' }]);
      await client.query('update tasks set candidate_groups = $2, assignee = null where id = $1', [task.id, [input.department]]);
      return { kind: HistoryKind.TaskTransferred, data: { from: task.candidate_groups, to: [input.department], reason: input.reason ?? null } };
    });
  }

  /**
   * 退回: the handling department sends the task back for re-dispatch — to the user task's
   * `returnTo` property (camunda:properties) or else the county centre department of the pack's org.
   */
  returnTask(taskId: string, input: { reason: string; actor: string; authorize?: AuthorizeTask }): Promise<TaskView> {
    return this.taskAction(taskId, input.actor, input.authorize, async (client, task, def) => {
      if (!input.reason?.trim()) throw new BadRequestError('请填写退回理由', [{ field: '/reason', message: '必填' }]);
      const to = returnTarget(def, task.element_id);
      if (!to.length) throw new ProcessError('未配置退回对象（任务属性 returnTo 或组织中的县综治中心）', task.element_id);
      await client.query('update tasks set candidate_groups = $2, assignee = null where id = $1', [task.id, to]);
      return { kind: HistoryKind.TaskReturned, data: { from: task.candidate_groups, to, reason: input.reason } };
    });
  }

  /** Runs the services of a case again after an incident (recovering its engine from the store). */
  async retryIncidents(caseId: string, actor?: string): Promise<CaseView> {
    this.live.delete(caseId);
    await this.onCase(caseId, async (client, row, def) => {
      await client.query(`update incidents set attempts = attempts + 1 where case_id = $1 and status = 'open'`, [caseId]);
      // a halted case runs again from its last committed state; if it runs away again, the
      // rollback keeps this incident open (with one more attempt)
      await client.query(`update incidents set status = 'resolved', resolved_at = $2 where case_id = $1 and status = 'open' and kind = 'halted'`, [caseId, this.clock.now()]);
      await appendHistory(client, caseId, this.clock.now(), { actor: actor ?? null, kind: HistoryKind.IncidentRetried, elementId: null, taskId: null, data: null });
      return this.execution(client, row, def);
    });
    return this.queries.getCase(caseId);
  }

  /**
   * Fires timers that are due by the engine's clock. Safe with many processes: a timer is fired
   * under its case's row lock and only while still pending, so each fires exactly once.
   */
  async fireDueTimers(limit = 100): Promise<number> {
    const now = this.clock.now();
    const { rows } = await this.pool.query<{ id: string; case_id: string; execution_id: string; element_id: string }>(
      // a halted case's timers wait until its incident is resolved (else each sweep would re-trigger it)
      `select t.id, t.case_id, t.execution_id, t.element_id from timers t
        where t.status = 'pending' and t.due_at <= $1
          and not exists (select 1 from incidents i where i.case_id = t.case_id and i.status = 'open' and i.kind = 'halted')
        order by t.due_at limit $2`,
      [now, limit],
    );
    let fired = 0;
    for (const timer of rows) {
      try {
        const done = await this.onCase(timer.case_id, async (client, row, def) => {
          const still = await client.query(`select 1 from timers where id = $1 and status = 'pending'`, [timer.id]);
          if (!still.rowCount) return undefined;
          const exec = await this.execution(client, row, def);
          // Recovered (another process or a restart) after the due time, the timer already ran on
          // resume: that is its firing, and the progress must be kept, not dropped.
          if (!exec.fireTimer(timer.execution_id) && !exec.elementEnded(timer.element_id)) {
            await client.query(`update timers set status = 'cancelled' where id = $1`, [timer.id]);
            return undefined;
          }
          await exec.settle();
          await client.query(`update timers set status = 'fired', fired_at = $2 where id = $1`, [timer.id, this.clock.now()]);
          await appendHistory(client, timer.case_id, this.clock.now(), { actor: 'system', kind: HistoryKind.TimerFired, elementId: timer.element_id, taskId: null, data: null });
          return exec;
        }, { skipLocked: true });
        if (done) fired++;
      } catch (err) {
        if (err instanceof NotFoundError || err instanceof CaseHaltedError) continue;
        throw err;
      }
    }
    return fired;
  }

  /** Polls for due timers until stopped. */
  startTimerSweeper(intervalMs = 1000, onError: (err: unknown) => void = () => {}): () => Promise<void> {
    let stopped = false;
    let wake: (() => void) | undefined;
    const loop = (async () => {
      while (!stopped) {
        try {
          while (!stopped && (await this.fireDueTimers()) > 0);
        } catch (err) {
          onError(err);
        }
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, intervalMs).unref();
        });
      }
    })();
    return async () => {
      stopped = true;
      wake?.();
      await loop;
    };
  }

  getCase(caseId: string): Promise<CaseView> {
    return this.queries.getCase(caseId);
  }

  /** Drops every live engine (e.g. to test recovery, or after an operator changed the store). */
  forgetLiveEngines(): void {
    this.live.clear();
  }

  // ---------------------------------------------------------------------------------------------

  /** A change to a task row only (no engine step), under the case lock, recorded in history. */
  private async taskAction(
    taskId: string,
    actor: string,
    authorize: AuthorizeTask | undefined,
    act: (client: Client, task: TaskRow, def: DefinitionRecord) => Promise<HistoryEvent | false>,
  ): Promise<TaskView> {
    const caseId = await this.caseOfTask(taskId);
    await this.transaction(async (client) => {
      const { rows } = await client.query<CaseRow>('select id, definition_id from cases where id = $1 for update', [caseId]);
      if (!rows[0]) throw new NotFoundError('CASE', caseId);
      const task = await this.lockedTask(client, taskId);
      if (task.status !== 'open') throw new TaskNotOpenError(taskId, task.status);
      await authorize?.(lockedTask(task));
      const def = await this.definitions.byIdOrThrow(rows[0].definition_id);
      const change = await act(client, task, def);
      if (!change) return;
      await appendHistory(client, caseId, this.clock.now(), { ...change, actor, elementId: task.element_id, taskId });
      await client.query('update cases set updated_at = $2 where id = $1', [caseId, this.clock.now()]);
    });
    return this.queries.getTask(taskId);
  }

  /** The pack's deadline rule: calendar days, or working days on its (or China's) holiday calendar. */
  private deadlines(def: DefinitionRecord): { mode: DeadlineMode; calendar: WorkingCalendar; yellowShare: number } {
    let d = this.calendars.get(def.contextHash + def.id);
    if (!d) {
      const cfg = def.meta.deadlines as { mode?: DeadlineMode; calendar?: CalendarYear[]; yellowShare?: number } | undefined;
      d = {
        mode: cfg?.mode ?? 'calendar-days',
        calendar: new WorkingCalendar(cfg?.calendar?.length ? cfg.calendar : undefined),
        yellowShare: cfg?.yellowShare ?? 2 / 3,
      };
      this.calendars.set(def.contextHash + def.id, d);
    }
    return d;
  }

  private checkForm(def: DefinitionRecord, formKey: string | undefined, data: unknown): void {
    if (!formKey) return;
    const form = def.forms[formKey];
    if (!form) return; // deploy guarantees literal form keys exist
    const errors: ErrorDetail[] = this.validateForm(form, data, formKey);
    if (errors.length) throw new FormDataInvalidError(formKey, errors);
  }

  private executionOptions(caseId: string, def: DefinitionRecord) {
    return {
      definitionKey: def.contextHash,
      sourceContext: def.sourceContext,
      intakeFields: intakeFields(def),
      budget: this.budget,
      invoke: (call: ServiceCall) => {
        const handler = this.handlers[call.topic];
        if (!handler) return Promise.reject(new Error(`未知的内置处理器「${call.topic}」`));
        return handler({ ...call, caseId, definition: def, clock: this.clock });
      },
    };
  }

  /** The live engine when its version matches the stored one, else recovered from the store. */
  private async execution(client: Client, row: CaseRow, def: DefinitionRecord): Promise<CaseExecution> {
    const live = this.live.get(row.id);
    if (live && live.version === row.version) {
      this.live.delete(row.id);
      return live.exec;
    }
    const { rows } = await client.query<{ state: Partial<StoredState>; variables: Record<string, unknown> }>('select state, variables from cases where id = $1', [row.id]);
    const state = rows[0].state;
    // a case halted at its start has no engine state yet: it starts again from its intake
    if (!isStoredState(state)) return CaseExecution.start(row.id, this.executionOptions(row.id, def), rows[0].variables);
    return CaseExecution.recover(row.id, this.executionOptions(row.id, def), state);
  }

  private remember(caseId: string, exec: CaseExecution, version: number): void {
    if (this.cacheSize <= 0 || exec.completed) return;
    this.live.delete(caseId);
    this.live.set(caseId, { exec, version });
    while (this.live.size > this.cacheSize) this.live.delete(this.live.keys().next().value as string);
  }

  private async caseOfTask(taskId: string): Promise<string> {
    if (!isUuid(taskId)) throw new NotFoundError('TASK', taskId);
    const { rows } = await this.pool.query<{ case_id: string }>('select case_id from tasks where id = $1', [taskId]);
    if (!rows[0]) throw new NotFoundError('TASK', taskId);
    return rows[0].case_id;
  }

  private async lockedTask(client: Client, taskId: string): Promise<TaskRow> {
    const { rows } = await client.query<TaskRow>('select * from tasks where id = $1', [taskId]);
    if (!rows[0]) throw new NotFoundError('TASK', taskId);
    return rows[0];
  }

  /**
   * One command on one case: lock the row, run `act`, persist what the engine did, commit.
   * Returns false when `act` decided there was nothing to do (or the case was busy and skipLocked).
   */
  private async onCase(
    caseId: string,
    act: (client: Client, row: CaseRow, def: DefinitionRecord, log: HistoryRecord[]) => Promise<CaseExecution | undefined>,
    options: { skipLocked?: boolean; taskId?: string } = {},
  ): Promise<boolean> {
    let outcome = false;
    try {
      await this.transaction(async (client) => {
      // The state is not read here: the live engine usually matches the version (see execution()).
      const { rows } = await client.query<CaseRow>(
        // With a task, its row is locked too, so a concurrent completion is seen once the lock is ours.
        `select c.id, c.definition_id, c.status, c.version, c.unit${options.taskId ? ', row_to_json(t) as task' : ''}
           from cases c${options.taskId ? ' join tasks t on t.id = $2 and t.case_id = c.id' : ''}
          where c.id = $1 for update of c${options.taskId ? ', t' : ''}${options.skipLocked ? ' skip locked' : ''}`,
        options.taskId ? [caseId, options.taskId] : [caseId],
      );
      const row = rows[0];
      if (!row) {
        if (options.skipLocked) return;
        if (options.taskId) throw new NotFoundError('TASK', options.taskId);
        throw new NotFoundError('CASE', caseId);
      }
      const def = await this.definitions.byIdOrThrow(row.definition_id);
      const log: HistoryRecord[] = [];
      const exec = await act(client, row, def, log);
      if (!exec) return;
      if (exec.halted) throw new CaseHaltedError(exec.halted);
      if (exec.error) throw new ProcessError(exec.error.message);
      const version = await this.persist(client, row, def, exec, undefined, log);
      this.remember(caseId, exec, version);
      outcome = true;
      }, () => this.live.delete(caseId));
    } catch (err) {
      // rolled back; the halt itself is recorded on its own (incident, history, status)
      if (err instanceof CaseHaltedError) await this.transaction((client) => this.recordHalt(client, caseId, err.halt));
      throw err;
    }
    return outcome;
  }

  /** Opens (or counts one more attempt on) the case's `halted` incident; the case shows status `incident`. */
  private async recordHalt(client: Client, caseId: string, halt: ExecutionHalt): Promise<void> {
    const now = this.clock.now();
    await client.query('select 1 from cases where id = $1 for update', [caseId]);
    const { rowCount } = await client.query(
      `update incidents set attempts = attempts + 1, message = $3 where case_id = $1 and element_id = $2 and status = 'open' and kind = 'halted'`,
      [caseId, halt.elementId, halt.message],
    );
    if (!rowCount) {
      await client.query(`insert into incidents (case_id, element_id, message, created_at, kind) values ($1, $2, $3, $4, 'halted')`, [caseId, halt.elementId, halt.message, now]);
    }
    await client.query(`update cases set status = 'incident', updated_at = $2 where id = $1`, [caseId, now]);
    await appendHistory(client, caseId, this.clock.now(), { actor: 'system', kind: HistoryKind.Incident, elementId: halt.elementId || null, taskId: null, data: { message: halt.message, halted: true, reason: halt.reason, steps: halt.steps, ms: halt.ms } });
  }

  /**
   * Projects the settled engine onto tasks, timers, incidents and history, and writes the case —
   * in a handful of statements whatever the number of tasks (one read, batched writes).
   */
  private async persist(client: Client, row: Pick<CaseRow, 'id' | 'version' | 'unit'>, def: DefinitionRecord, exec: CaseExecution, actor: string | undefined, log: HistoryRecord[] = []): Promise<number> {
    const now = this.clock.now();
    const deadlines = this.deadlines(def);
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
      const due = computeDue(now, w.dueDate, deadlines.mode, deadlines.calendar);
      if (due && !saneDate(now, due)) throw new CaseHaltedError(outOfRange(w.elementId, `办理时限「${w.dueDate}」`));
      const warn = due ? new Date(now.getTime() + (due.getTime() - now.getTime()) * deadlines.yellowShare) : null;
      return {
        execution_id: w.executionId, element_id: w.elementId, name: w.name ?? null, form_key: w.formKey ?? null,
        candidate_groups: w.candidateGroups, assignee: w.assignee ?? null, iteration: w.index ?? null,
        item: w.item === undefined ? null : w.item, due_at: due, warn_at: warn, priority: w.priority ?? null,
      };
    });
    if (fresh.length) {
      const { rows: created } = await client.query<{ id: string; element_id: string; name: string | null; candidate_groups: string[]; due_at: Date | null }>(
        `insert into tasks (case_id, execution_id, element_id, name, form_key, candidate_groups, assignee, unit, iteration, item, due_at, warn_at, priority, created_at)
         select $1, x.execution_id, x.element_id, x.name, x.form_key, x.candidate_groups, x.assignee, $3, x.iteration, x.item, x.due_at, x.warn_at, x.priority, $4
           from jsonb_to_recordset($2::jsonb) as x(execution_id text, element_id text, name text, form_key text, candidate_groups text[],
                assignee text, iteration int, item jsonb, due_at timestamptz, warn_at timestamptz, priority int)
         on conflict (case_id, execution_id) do nothing
         returning id, element_id, name, candidate_groups, due_at`,
        [caseId, JSON.stringify(fresh), row.unit, now],
      );
      for (const t of created) {
        log.push({ actor: 'system', kind: HistoryKind.TaskCreated, elementId: t.element_id, taskId: t.id, data: { name: t.name, candidateGroups: t.candidate_groups, dueAt: t.due_at?.toISOString() ?? null } });
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
    const status = exec.completed ? 'completed' : openIncidents.size ? 'incident' : 'active';
    if (exec.completed) log.push({ actor: actor ?? 'system', kind: HistoryKind.CaseCompleted, elementId: null, taskId: null, data: null });
    const version = row.version + 1;
    // the history batch and the case row in one statement (one round trip)
    await client.query(
      `with logged as (
         ${insertHistoryBatchSql('$1', '$6', '$8')}
         returning 1)
       update cases set state = $2, variables = $3, version = $4, status = $5, updated_at = $6,
         completed_at = case when $5 = 'completed' then $6 else completed_at end,
         routing = coalesce($7, routing)
       where id = $1`,
      [caseId, JSON.stringify(exec.getState()), JSON.stringify(exec.variables()), version, status, now,
        routing === undefined ? null : JSON.stringify(routing), historyBatch(log)],
    );
    return version;
  }

  private async transaction(work: (client: Client) => Promise<void>, onRollback?: () => void): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      await work(client);
      await client.query('commit');
    } catch (err) {
      onRollback?.();
      await client.query('rollback').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }
}

function returnTarget(def: DefinitionRecord, elementId: string): string[] {
  const task = def.meta.userTasks?.find((t) => t.id === elementId);
  if (task?.returnTo) return task.returnTo.split(',').map((x) => x.trim()).filter(Boolean);
  const org = def.org as { departments?: { code: string; kind: string }[] } | null;
  return (org?.departments ?? []).filter((d) => d.kind === 'centre').slice(0, 1).map((d) => d.code);
}

function isStoredState(state: Partial<StoredState>): state is StoredState {
  return Array.isArray(state.definitions);
}

/** A due date the database can store and a person can mean: within ~100 years of now. */
function saneDate(now: Date, at: Date): boolean {
  const t = at.getTime();
  return Number.isFinite(t) && Math.abs(t - now.getTime()) <= LIMITS.maxTimerHorizonMs;
}

function outOfRange(elementId: string, what: string): ExecutionHalt {
  return { reason: 'engine', elementId, message: `${elementId}：${what}超出允许范围（最长约 100 年）；请改用实际的时限，如 P30D`, steps: 0, ms: 0 };
}

/** A duration timer is due exactly its ISO duration after now by our clock; others after the engine's delay. */
function timerDue(now: Date, expression: string | undefined, delayMs: number): Date {
  return expression && isIsoDuration(expression) ? addDuration(now, expression) : new Date(now.getTime() + delayMs);
}


function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}
