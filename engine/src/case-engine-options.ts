// What a CaseEngine is built with (case-engine.ts): its pool and clock, service handlers, form
// check, live-engine cache, execution budget, party extractor and supervision steps.
import type pg from 'pg';
import type { ExecutionBudget } from './bpmn/budget';
import type { PartyExtractor } from './case-analysis';
import type { Clock } from './clock';
import type { FormValidator } from './form-validation';
import type { ServiceHandler } from './handlers';

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
  /**
   * Finds the party keys (ID numbers, phones, names, addresses) in intake data, for 研判's party
   * index (written with the case). Without it no case is indexed.
   */
  parties?: PartyExtractor;
  /**
   * Form keys of the process's own supervision steps (挂牌督办 reached by a timer or a flow): a case
   * that reaches one is marked supervised (`cases.supervised_at`) like one a leader puts under
   * supervision, and while one is open the case's tasks read `supervised`. Without it only the
   * on-demand 督办 marks a case.
   */
  supervisionForms?: readonly string[];
}
