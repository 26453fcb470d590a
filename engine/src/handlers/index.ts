// The registry of built-in service handlers. BPMN service tasks name one with
// camunda:type="external" camunda:topic="<name>"; no JavaScript from a BPMN file ever runs.
import type { ServiceHandler } from './types';
import { routeHandler } from './route';

export const builtinHandlers: Readonly<Record<string, ServiceHandler>> = Object.freeze({
  route: routeHandler,
});

export { routeHandler, routingFacts } from './route';
export type { ServiceHandler, ServiceHandlerContext, ServiceTaskCheck, DeployCheckContext } from './types';
