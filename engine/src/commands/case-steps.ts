// The commands that step a case's engine: start a case, complete a task, retry incidents.
import { randomUUID } from 'node:crypto';
import type { QueryResultRow } from 'pg';
import { CaseExecution } from '../bpmn/case-execution';
import { NotFoundError, TaskAlreadyCompletedError, TaskClaimedError, TaskNotOpenError } from '../errors';
import { checkForm, type FormValidator } from '../form-validation';
import { appendHistory, HistoryKind, type HistoryRecord } from '../history';
import { checkUnitInProcess } from '../process-org';
import { writeCaseParties, type PartyExtractor } from '../case-analysis';
import { CaseHaltedError, ProcessError, recordHalt } from './halt';
import { lockedTask, transaction, type AuthorizeTask, type Client } from './lock';
import type { CaseCommandRunner } from './runner';

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

export class CaseSteps {
  constructor(private readonly runner: CaseCommandRunner, private readonly validateForm: FormValidator, private readonly parties?: PartyExtractor) {}

  /** Starts a case and returns its id. A start that runs away keeps the intake, halted. */
  async start(input: StartCaseInput): Promise<string> {
    const { ctx } = this.runner;
    const def = await ctx.definitions.byKey(input.process, input.version);
    checkForm(this.validateForm, def, def.meta.startFormKey, input.data);
    const caseId = randomUUID();
    const now = ctx.clock.now();
    const facts = {
      id: caseId,
      type: input.type ?? str(input.data.type),
      channel: input.channel ?? str(input.data.channel),
      unit: input.unit ?? str(input.data.unit),
    };
    checkUnitInProcess(def, facts.unit);
    const variables = { data: input.data, case: facts };
    const exec = await CaseExecution.start(caseId, this.runner.executionOptions(caseId, def), variables);
    if (!exec.halted && exec.error) throw new ProcessError(exec.error.message);
    const started: HistoryRecord = { actor: input.actor ?? null, kind: HistoryKind.CaseStarted, elementId: 'start', taskId: null, data: { process: def.key, version: def.version, data: input.data } };
    // the case row and its case.started entry in one statement
    const insertCase = async (client: Client) => {
      await client.query({
        name: 'yizhan.insert-case',
        text: `with inserted as (
                 insert into cases (id, definition_id, process_key, status, version, state, variables, title, type, channel, unit, created_by, created_at, updated_at)
                 values ($1, $2, $3, 'active', 0, '{}', $10, $4, $5, $6, $7, $8, $9, $9) returning id)
               insert into history (case_id, at, actor, kind, element_id, task_id, data)
               select id, $9, $11, $12, $13, null, $14 from inserted`,
        values: [caseId, def.id, def.key, input.title ?? str(input.data.title) ?? def.name, facts.type ?? null, facts.channel ?? null, facts.unit ?? null, input.actor ?? null, now, JSON.stringify(variables),
          started.actor, started.kind, started.elementId, JSON.stringify(started.data)],
      });
      // the parties' keys (ID number, phone …) for 研判 search and repeat detection, in the same transaction
      if (this.parties) {
        const startForm = def.meta.startFormKey ? def.forms[def.meta.startFormKey] : undefined;
        await writeCaseParties(client, caseId, now, this.parties(input.data, startForm));
      }
    };
    let halt = exec.halted;
    if (!halt) {
      try {
        await transaction(ctx.pool, async (client) => {
          await insertCase(client);
          // a new case has no open rows yet: the projection need not read them
          await this.runner.persist(client, { id: caseId, version: 0, unit: facts.unit ?? null, open: [] }, def, exec, input.actor);
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
      await transaction(ctx.pool, async (client) => {
        await insertCase(client);
        await recordHalt(client, ctx.clock, caseId, h);
      });
    }
    return caseId;
  }

  /**
   * Completes an open task with form data (validated first); returns the case as `readSql` reads
   * it, in the commit's round trip.
   */
  async complete<R extends QueryResultRow>(
    taskId: string, data: Record<string, unknown>, actor: string | undefined, options: { force?: boolean; authorize?: AuthorizeTask }, readSql: (caseId: string) => string,
  ): Promise<R> {
    // the task's row and its case's are locked together (the task names the case)
    const read = await this.runner.onCaseThenRead<R>({ taskId }, async (client, row, def, log, writes) => {
      const task = row.task;
      if (!task) throw new NotFoundError('TASK', taskId);
      if (task.status === 'completed') throw new TaskAlreadyCompletedError(taskId);
      if (task.status !== 'open') throw new TaskNotOpenError(taskId, task.status);
      await options.authorize?.(lockedTask(task));
      // checked under the lock: a claim made by someone else just now still wins
      if (task.assignee && actor && task.assignee !== actor && !options.force) throw new TaskClaimedError(task.assignee);
      checkForm(this.validateForm, def, task.form_key ?? undefined, data);
      const exec = await this.runner.execution(client, row, def);
      if (!exec.signal({ elementId: task.element_id, executionId: task.execution_id }, data, actor)) {
        throw new TaskNotOpenError(taskId, 'not-waiting');
      }
      await exec.settle();
      writes.completedTask = { id: taskId, data, actor: actor ?? null }; // written with the projection
      log.push({ actor: actor ?? null, kind: HistoryKind.TaskCompleted, elementId: task.element_id, taskId, data: { data } });
      return exec;
    }, readSql);
    if (!read) throw new NotFoundError('TASK', taskId); // act always steps the engine or throws
    return read;
  }

  /** Runs the services of a case again after an incident (recovering its engine from the store). */
  async retryIncidents(caseId: string, actor: string | undefined): Promise<void> {
    const { ctx } = this.runner;
    ctx.live.forget(caseId);
    await this.runner.onCase(caseId, async (client, row, def, _log, writes) => {
      writes.rowsChanged = true;
      await client.query(`update incidents set attempts = attempts + 1 where case_id = $1 and status = 'open'`, [caseId]);
      // a halted case runs again from its last committed state; if it runs away again, the
      // rollback keeps this incident open (with one more attempt)
      await client.query(`update incidents set status = 'resolved', resolved_at = $2 where case_id = $1 and status = 'open' and kind = 'halted'`, [caseId, ctx.clock.now()]);
      await appendHistory(client, caseId, ctx.clock.now(), { actor: actor ?? null, kind: HistoryKind.IncidentRetried, elementId: null, taskId: null, data: null });
      return this.runner.execution(client, row, def);
    });
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}
