// One command on one case: lock the row → reuse the live engine if its version matches, else
// recover it from the store → act → settle → project → write version + 1 → commit. A command that
// runs away is rolled back and the halt recorded on its own; nothing is acknowledged before commit.
import type pg from 'pg';
import type { ExecutionBudget } from '../bpmn/budget';
import { CaseExecution, type ExecutionOptions, type ServiceCall, type StoredState } from '../bpmn/case-execution';
import type { Clock } from '../clock';
import { CaseNotActiveError } from '../errors';
import { isUuid } from '../ids';
import { intakeFields, type DefinitionRecord, type DefinitionRepository } from '../definitions';
import type { ServiceHandler } from '../handlers';
import type { HistoryRecord } from '../history';
import type { DeadlinePolicy } from './deadlines';
import { CaseHaltedError, ProcessError, recordHalt } from './halt';
import type { LiveExecutions } from './live-executions';
import { beginLocked, transaction, type CaseRow, type Client } from './lock';
import { projectCase, type StepWrites } from './projection';

/** What the commands share: the store, the clock, the definitions, the handlers passed in, the caches. */
export interface CommandContext {
  pool: pg.Pool;
  clock: Clock;
  definitions: DefinitionRepository;
  handlers: Readonly<Record<string, ServiceHandler>>;
  budget: ExecutionBudget | undefined;
  live: LiveExecutions;
  deadlines: DeadlinePolicy;
  /** Form keys of the process's supervision steps: a new task of one marks the case supervised. */
  supervisionForms: readonly string[];
}

/** A command's work under the lock: the engine to persist, or undefined when there was nothing to do. */
export type CaseAct = (client: Client, row: CaseRow, def: DefinitionRecord, log: HistoryRecord[], writes: StepWrites) => Promise<CaseExecution | undefined>;

export class CaseCommandRunner {
  constructor(readonly ctx: CommandContext) {}

  /** How a case's engine runs: its definition version, intake fields, budget and the service handlers. */
  executionOptions(caseId: string, def: DefinitionRecord): ExecutionOptions {
    return {
      definitionKey: def.contextHash,
      sourceContext: def.sourceContext,
      intakeFields: intakeFields(def),
      budget: this.ctx.budget,
      ...(this.ctx.deadlines.of(def).mode === 'working-days' ? { timerDuration: (d: string) => this.workingDuration(def, d) } : {}),
      invoke: (call: ServiceCall) => {
        const handler = this.ctx.handlers[call.topic];
        if (!handler) return Promise.reject(new Error(`未知的内置处理器「${call.topic}」`));
        return handler({ ...call, caseId, definition: def, clock: this.ctx.clock });
      },
    };
  }

  /** A timer's ISO duration in working days as the elapsed duration from now to its due time. */
  private workingDuration(def: DefinitionRecord, duration: string): string {
    const now = this.ctx.clock.now();
    const { due } = this.ctx.deadlines.taskDue(def, now, duration);
    return due ? `PT${Math.max(0, Math.round((due.getTime() - now.getTime()) / 1000))}S` : duration;
  }

  /** The live engine when its version matches the stored one, else recovered from the store. */
  async execution(client: Client, row: CaseRow, def: DefinitionRecord): Promise<CaseExecution> {
    const live = this.ctx.live.take(row.id, row.version);
    if (live) return live;
    const { rows } = await client.query<{ state: Partial<StoredState>; variables: Record<string, unknown> }>('select state, variables from cases where id = $1', [row.id]);
    const state = rows[0].state;
    // a case halted at its start has no engine state yet: it starts again from its intake
    if (!isStoredState(state)) return CaseExecution.start(row.id, this.executionOptions(row.id, def), rows[0].variables);
    return CaseExecution.recover(row.id, this.executionOptions(row.id, def), state);
  }

  /** Projects the settled engine and keeps it live at the new version (once committed, it matches the store). */
  async persist(
    client: Client, row: Pick<CaseRow, 'id' | 'version' | 'unit' | 'open'>, def: DefinitionRecord, exec: CaseExecution, actor: string | undefined,
    log?: HistoryRecord[], writes?: StepWrites,
  ): Promise<void> {
    const version = await projectCase(client, this.ctx, row, def, exec, actor, log, writes);
    this.ctx.live.remember(row.id, exec, version);
  }

  /**
   * One command on one case (by id, or the case of a task, whose row is locked too): lock the
   * row, run `act`, persist what the engine did, commit — three round trips when the live engine
   * matches: begin + lock + open rows, the projection's statement, commit. Returns false when
   * `act` decided there was nothing to do (or the case was busy and skipLocked).
   */
  async onCase(target: string | { taskId: string }, act: CaseAct, options: { skipLocked?: boolean } = {}): Promise<boolean> {
    return (await this.run(target, act, options)).outcome;
  }

  /**
   * `onCase`, and then the case read by `readSql` (given the case id as a checked literal) in the
   * commit's own round trip — a command that answers with the case saves one. Undefined when
   * `act` decided there was nothing to do.
   */
  async onCaseThenRead<R extends pg.QueryResultRow>(target: string | { taskId: string }, act: CaseAct, readSql: (caseId: string) => string): Promise<R | undefined> {
    const { outcome, read } = await this.run(target, act, {}, readSql);
    return outcome ? (read as R | undefined) : undefined;
  }

  private async run(target: string | { taskId: string }, act: CaseAct, options: { skipLocked?: boolean }, readSql?: (caseId: string) => string): Promise<{ outcome: boolean; read?: pg.QueryResultRow }> {
    let outcome = false;
    let read: pg.QueryResultRow | undefined;
    let caseId = typeof target === 'string' ? target : undefined;
    const client = await this.ctx.pool.connect();
    try {
      try {
        const row = await beginLocked(client, typeof target === 'string' ? { caseId: target } : target, options);
        if (row) {
          caseId = row.id;
          // 撤回 / 不予受理 end a case for good (a refused one still has the engine state it had)
          if (row.status === 'withdrawn' || row.status === 'refused') throw new CaseNotActiveError(row.id, row.status, '继续办理');
          const def = await this.ctx.definitions.byIdOrThrow(row.definition_id);
          const log: HistoryRecord[] = [];
          const writes: StepWrites = {};
          const exec = await act(client, row, def, log, writes);
          if (exec) {
            if (exec.halted) throw new CaseHaltedError(exec.halted);
            if (exec.error) throw new ProcessError(exec.error.message);
            await this.persist(client, writes.rowsChanged ? { ...row, open: undefined } : row, def, exec, undefined, log, writes);
            outcome = true;
          }
        }
        if (outcome && readSql && caseId && isUuid(caseId)) {
          // a multi-statement query: the read runs only once the commit has succeeded
          const results = await client.query(`commit; ${readSql(`'${caseId}'::uuid`)}`) as unknown as pg.QueryResult[];
          read = results[1].rows[0];
        } else {
          await client.query('commit');
        }
      } catch (err) {
        if (caseId) this.ctx.live.forget(caseId);
        await client.query('rollback').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    } catch (err) {
      // rolled back; the halt itself is recorded on its own (incident, history, status)
      if (err instanceof CaseHaltedError && caseId) {
        const halted = caseId;
        await transaction(this.ctx.pool, (c) => recordHalt(c, this.ctx.clock, halted, err.halt));
      }
      throw err;
    }
    return { outcome, read };
  }
}

function isStoredState(state: Partial<StoredState>): state is StoredState {
  return Array.isArray(state.definitions);
}
