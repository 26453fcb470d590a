// What a built-in service handler is: the engine calls one per service task (by `camunda:topic`)
// with the call and its case; handlers are passed to the engine (`CaseEngineOptions.handlers`).
import type { ServiceCall, ServiceOutcome } from '../bpmn/case-execution';
import type { Clock } from '../clock';
import type { DefinitionRecord } from '../definitions';

export interface ServiceHandlerContext extends ServiceCall {
  caseId: string;
  definition: DefinitionRecord;
  clock: Clock;
}

/** A built-in service handler (no JavaScript from BPMN ever runs). Must be idempotent. */
export type ServiceHandler = (ctx: ServiceHandlerContext) => Promise<ServiceOutcome>;
