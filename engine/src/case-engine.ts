// The durable case engine: the command façade. Every command on a case runs in one transaction
// holding the case row lock: load → (recover | reuse the live engine) → act → settle → project
// tasks / timers / history → write state with version+1 → commit. A crash anywhere loses nothing
// that was acknowledged, because nothing is acknowledged before the commit. The work is in
// commands/ (one concern a file); this class wires it and keeps the public API.
import { DEFAULT_BUDGET } from './bpmn/budget';
import { systemClock } from './clock';
import { CaseQueries, caseViewSql, type CaseView, type TaskView } from './case-queries';
import { caseViewFromRow, type CaseViewRow } from './case-views';
import { CaseSteps, type StartCaseInput } from './commands/case-steps';
import { rateClosedCase, type ClosedRatingInput } from './commands/closed-rating';
import { DeadlinePolicy } from './commands/deadlines';
import { LifecycleCommands, type ExtensionView } from './commands/lifecycle';
import { SupervisionCommands, type SupervisionListEntry, type SupervisionView, type SuperviseInput } from './commands/supervision';
import { CaseAnalysis } from './case-analysis';
import { LiveExecutions } from './commands/live-executions';
import { CaseMigrations, type MigrationOutcome, type MigrationPlan, type MigrationRequest, type MigrationVersions } from './commands/migration';
import { MessageCommands, type SignalResult, type SignalScope, type WaitingMessage } from './commands/messages';
import type { AuthorizeTask } from './commands/lock';
import { CaseCommandRunner } from './commands/runner';
import { TaskActions } from './commands/task-actions';
import { fireDueTimers, startTimerSweeper } from './commands/timer-sweeper';
import { DefinitionRepository, type DefinitionRecord, type DefinitionSummary, type DeployInput, type DeployOptions } from './definitions';
import { createDefaultFormValidator, type FormValidator } from './form-validation';
import { builtinHandlers } from './handlers';
import { prepareDeployment } from './deployment';
import type { ReadScope } from './read-scope';
import type { CaseEngineOptions } from './case-engine-options';

export { CaseHaltedError, ProcessError } from './commands/halt';
export type { AuthorizeTask, LockedTask } from './commands/lock';
export type { StartCaseInput } from './commands/case-steps';
export type { MigrationOutcome, MigrationPlan, MigrationRequest, MigrationVersions, MigrationRefusal } from './commands/migration';
export type { SignalResult, SignalScope, WaitingMessage } from './commands/messages';
export type { CaseEngineOptions } from './case-engine-options';


export class CaseEngine {
  readonly definitions: DefinitionRepository;
  readonly queries: CaseQueries;
  private readonly live: LiveExecutions;
  private readonly runner: CaseCommandRunner;
  private readonly steps: CaseSteps;
  private readonly tasks: TaskActions;
  private readonly messages: MessageCommands;
  private readonly lifecycle: LifecycleCommands;
  private readonly validateForm: FormValidator;
  private readonly supervisions: SupervisionCommands;
  private readonly migrations: CaseMigrations;
  /** 研判 reads: cases by party, repeats, weekly counts (scoped). */
  readonly analysis: CaseAnalysis;

  constructor(options: CaseEngineOptions) {
    const pool = options.pool;
    const clock = options.clock ?? systemClock;
    const handlers = { ...builtinHandlers, ...(options.handlers ?? {}) };
    this.definitions = new DefinitionRepository(pool, (input) => prepareDeployment(input, handlers));
    const supervisionForms = options.supervisionForms ?? [];
    this.queries = new CaseQueries(pool, clock, supervisionForms);
    this.live = new LiveExecutions(options.cacheSize ?? 1000);
    const deadlines = new DeadlinePolicy();
    this.runner = new CaseCommandRunner({
      pool,
      clock,
      definitions: this.definitions,
      handlers,
      budget: options.budget ? { ...DEFAULT_BUDGET, ...options.budget } : undefined,
      live: this.live,
      deadlines,
      supervisionForms,
    });
    this.validateForm = options.validateForm ?? createDefaultFormValidator();
    this.steps = new CaseSteps(this.runner, this.validateForm, options.parties);
    this.tasks = new TaskActions({ pool, clock, definitions: this.definitions, deadlines });
    this.messages = new MessageCommands(this.runner, options.validateForm ?? createDefaultFormValidator());
    this.lifecycle = new LifecycleCommands(this.runner);
    this.supervisions = new SupervisionCommands(this.runner);
    this.migrations = new CaseMigrations(this.runner);
    this.analysis = new CaseAnalysis(pool, clock);
  }

  /** Deploys version n+1 of the key; with `client`, inside the caller's open transaction (see DeployOptions). */
  deploy(input: DeployInput, options: DeployOptions = {}): Promise<DefinitionRecord> {
    return this.definitions.deploy(input, options);
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

  /** Starts a case (intake validated against the start form first). A start that runs away is kept, halted. */
  async startCase(input: StartCaseInput): Promise<CaseView> {
    return this.queries.getCase(await this.steps.start(input));
  }

  /**
   * Completes an open task with form data (validated against the task's form first). A task
   * claimed by someone else is refused (TASK_CLAIMED) unless `force` (e.g. an admin).
   */
  async completeTask(taskId: string, data: Record<string, unknown>, actor?: string, options: { force?: boolean; authorize?: AuthorizeTask } = {}): Promise<CaseView> {
    return caseViewFromRow(await this.steps.complete<CaseViewRow>(taskId, data, actor, options, caseViewSql), this.runner.ctx.clock.now());
  }

  /** Takes a task into one's own hands. Someone else's claim is TASK_CLAIMED. */
  async claimTask(taskId: string, user: string, options: { authorize?: AuthorizeTask } = {}): Promise<TaskView> {
    await this.tasks.claim(taskId, user, options.authorize);
    return this.queries.getTask(taskId);
  }

  /** Gives a claimed task back to its candidate groups (the assignee, or anyone with `force`). */
  async unclaimTask(taskId: string, user: string, options: { force?: boolean; authorize?: AuthorizeTask } = {}): Promise<TaskView> {
    await this.tasks.unclaim(taskId, user, options);
    return this.queries.getTask(taskId);
  }

  /** 转办: hands the task to another department; the claim is released. */
  async transferTask(taskId: string, input: { department: string; actor: string; reason?: string; authorize?: AuthorizeTask }): Promise<TaskView> {
    await this.tasks.transfer(taskId, input);
    return this.queries.getTask(taskId);
  }

  /**
   * 退回: the handling department sends the task back for re-dispatch — to the user task's
   * `returnTo` property (camunda:properties) or else the county centre department of the pack's org.
   */
  async returnTask(taskId: string, input: { reason: string; actor: string; authorize?: AuthorizeTask }): Promise<TaskView> {
    await this.tasks.return(taskId, input);
    return this.queries.getTask(taskId);
  }

  /**
   * Delivers the BPMN message `name` to a case waiting for it (intermediate catch / boundary
   * event, receive task, event-based gateway branch). The payload is validated against the
   * catching element's form (camunda property `formKey`), kept in `outputs[elementId]` and merged
   * into `data` like a task's form data, and recorded in history with the actor. A case not
   * waiting for it is NOT_WAITING, and nothing changes.
   */
  async correlateMessage(caseId: string, name: string, payload: Record<string, unknown>, actor?: string): Promise<CaseView> {
    await this.messages.correlate(caseId, name, payload, actor);
    return this.queries.getCase(caseId);
  }

  /** Delivers the BPMN signal `name` to every case (in scope) waiting for it, each in its own transaction. */
  broadcastSignal(name: string, payload: Record<string, unknown>, actor?: string, scope?: SignalScope): Promise<SignalResult> {
    return this.messages.broadcast(name, payload, actor, scope);
  }

  /** The BPMN messages a case waits for now (what `correlateMessage` may deliver). */
  waitingMessages(caseId: string): Promise<WaitingMessage[]> {
    return this.messages.waiting(caseId);
  }

  /**
   * 不予受理: refuses a case at intake (before any of its tasks was completed) with a reason and
   * the notice given to the applicant; its open tasks and timers are cancelled, it ends `refused`.
   */
  async refuseCase(caseId: string, input: { reason: string; notice?: string; actor: string }): Promise<CaseView> {
    await this.lifecycle.refuse(caseId, input);
    return this.queries.getCase(caseId);
  }

  /** 中止: stops the case's SLA clock; its timers wait and its due dates move on `resumeCase`. */
  async suspendCase(caseId: string, input: { reason: string; actor: string }): Promise<CaseView> {
    await this.lifecycle.suspend(caseId, input);
    return this.queries.getCase(caseId);
  }

  /**
   * 恢复: the SLA clock runs again; open tasks' due dates and warning times and pending timers move
   * by the suspended time (whole working days when the pack counts working days).
   */
  async resumeCase(caseId: string, input: { actor: string }): Promise<CaseView> {
    await this.lifecycle.resume(caseId, input);
    return this.queries.getCase(caseId);
  }

  /**
   * 一事一评价 given after the case ended (a case that skipped its evaluation step, e.g. sent to
   * litigation): kept as a completed task of the rating form, so statistics count it like any
   * rating, with a `case.rated` history entry. The case stays ended; a second rating is
   * CASE_ALREADY_RATED, a case not ended (办结) is CASE_NOT_ACTIVE.
   */
  async rateClosedCase(caseId: string, input: ClosedRatingInput): Promise<CaseView> {
    const { pool, clock } = this.runner.ctx;
    await rateClosedCase({ pool, clock, definitions: this.definitions, live: this.live, validateForm: this.validateForm }, caseId, input);
    return this.queries.getCase(caseId);
  }

  /** 延期 requested for an open task: `days` more with a reason, for the pack's approver to decide. */
  requestExtension(taskId: string, input: { days: number; reason: string; actor: string; authorize?: AuthorizeTask }): Promise<ExtensionView> {
    return this.lifecycle.requestExtension(taskId, input);
  }

  /** Decides a pending 延期 request; approved, the task's due date and warning time move. */
  decideExtension(extensionId: number, input: { approve: boolean; note?: string; actor: string; authorize?: (def: DefinitionRecord) => void }): Promise<ExtensionView> {
    return this.lifecycle.decideExtension(extensionId, input);
  }

  /** The 延期 requests of a case, oldest first. */
  extensions(caseId: string): Promise<ExtensionView[]> {
    return this.lifecycle.extensions({ caseId });
  }

  /** One 延期 request (NOT_FOUND when unknown). */
  extension(extensionId: number): Promise<ExtensionView> {
    return this.lifecycle.extension(extensionId);
  }

  /** 挂牌督办: a leader's 批示 with an optional deadline and 包案领导 on an open case (recorded in history). */
  supervise(caseId: string, input: SuperviseInput): Promise<SupervisionView> {
    return this.supervisions.supervise(caseId, input);
  }

  /** 领导包案: names (null: clears) the case's 包案领导. */
  async assignLeader(caseId: string, input: { leader: string | null; actor: string; authorize?: (def: DefinitionRecord) => void }): Promise<CaseView> {
    await this.supervisions.assignLeader(caseId, input);
    return this.queries.getCase(caseId);
  }

  /** 督办销号: closes an active 督办. */
  closeSupervision(supervisionId: number, input: { note?: string; actor: string; authorize?: (def: DefinitionRecord) => void }): Promise<SupervisionView> {
    return this.supervisions.close(supervisionId, input);
  }

  /** One 督办 (SUPERVISION_NOT_FOUND when unknown). */
  supervision(supervisionId: number): Promise<SupervisionView> {
    return this.supervisions.supervision(supervisionId);
  }

  /** The 督办 of a case, oldest first. */
  caseSupervisions(caseId: string): Promise<SupervisionView[]> {
    return this.supervisions.ofCase(caseId);
  }

  /** 督办 list within a reader's scope (active first). */
  listSupervisions(scope: ReadScope, filter: { status: 'active' | 'closed' | 'all'; limit: number; offset: number }): Promise<SupervisionListEntry[]> {
    return this.supervisions.list(scope, filter);
  }

  /** 流程版本迁移: processes with running cases (in scope) on a version older than their latest. */
  migrationVersions(scope?: ReadScope): Promise<MigrationVersions[]> {
    return this.migrations.versions(scope);
  }

  /**
   * Plans moving running cases of a process from one version to a later one (read-only): where
   * they wait, the element mapping (same ids proposed, `mapping` overrides) and per case whether it
   * can move. A bad request is MIGRATION_INVALID; an unknown version DEFINITION_NOT_FOUND.
   */
  planMigration(request: MigrationRequest): Promise<MigrationPlan> {
    return this.migrations.plan(request);
  }

  /**
   * Migrates the cases of the plan, each in its own transaction under its case lock (checked again
   * there): migrated, with a `migrated` history entry, or refused with a stable code and a reason
   * (then untouched, running on its version). The run is recorded (case_migrations).
   */
  migrateCases(request: MigrationRequest & { actor: string }): Promise<MigrationOutcome> {
    return this.migrations.execute(request);
  }

  /** Runs the services of a case again after an incident (recovering its engine from the store). */
  async retryIncidents(caseId: string, actor?: string): Promise<CaseView> {
    await this.steps.retryIncidents(caseId, actor);
    return this.queries.getCase(caseId);
  }

  /**
   * Fires timers that are due by the engine's clock. Safe with many processes: a timer is fired
   * under its case's row lock and only while still pending, so each fires exactly once.
   */
  fireDueTimers(limit = 100): Promise<number> {
    return fireDueTimers(this.runner, limit);
  }

  /** Polls for due timers until stopped; each round also folds the statistics' pending deltas. */
  startTimerSweeper(intervalMs = 1000, onError: (err: unknown) => void = () => {}): () => Promise<void> {
    return startTimerSweeper(async () => {
      const fired = await this.fireDueTimers();
      await this.foldStatistics();
      return fired;
    }, intervalMs, onError);
  }

  /**
   * Moves the statistics' pending deltas into the rollups, and the rows of past due days onto one
   * (migration 022); the figures read the same before and after. How many deltas it moved.
   */
  async foldStatistics(): Promise<number> {
    const { rows } = await this.runner.ctx.pool.query<{ moved: number }>(
      `select case_stats_fold(($1::timestamptz at time zone 'Asia/Shanghai')::date) as moved`, [this.runner.ctx.clock.now()],
    );
    return rows[0].moved;
  }

  getCase(caseId: string): Promise<CaseView> {
    return this.queries.getCase(caseId);
  }

  /** Drops every live engine (e.g. to test recovery, or after an operator changed the store). */
  forgetLiveEngines(): void {
    this.live.clear();
  }
}
