// What a built-in service handler is: the engine calls one per service task (by `camunda:topic`)
// with the call and its case; handlers are passed to the engine (`CaseEngineOptions.handlers`).
// A handler may declare its own deploy-time check (`check`): what a service task naming it must
// carry (the route handler: a rule set of the deploy that loads). The deploy pipeline asks each
// handler about its tasks; no central code knows every handler.
import type { ServiceCall, ServiceOutcome } from '../bpmn/case-execution';
import type { ServiceTaskModel } from '../bpmn/read';
import type { Clock } from '../clock';
import type { DefinitionRecord } from '../definitions';
import type { ErrorDetail } from '../errors';

export interface ServiceHandlerContext extends ServiceCall {
  caseId: string;
  definition: DefinitionRecord;
  clock: Clock;
}

/** What a deploy carries beside the BPMN, as a handler's deploy check sees it. */
export interface DeployCheckContext {
  forms: Readonly<Record<string, unknown>>;
  ruleSets: Readonly<Record<string, unknown>>;
  org: unknown;
}

/** A handler's deploy check of one service task naming it: its problems (elementId = the task's id). */
export type ServiceTaskCheck = (task: ServiceTaskModel, deploy: DeployCheckContext) => ErrorDetail[];

/** A built-in service handler (no JavaScript from BPMN ever runs). Must be idempotent. */
export type ServiceHandler = ((ctx: ServiceHandlerContext) => Promise<ServiceOutcome>) & {
  /** Deploy-time check of a service task naming this handler. */
  check?: ServiceTaskCheck;
};
