// The registry of built-in service handlers. BPMN service tasks name one with
// camunda:type="external" camunda:topic="<name>"; no JavaScript from a BPMN file ever runs.
import type { ServiceHandler } from '../case-engine';
import { routeHandler } from './route';

export const builtinHandlers: Readonly<Record<string, ServiceHandler>> = Object.freeze({
  route: routeHandler,
});

export { routeHandler, routingFacts } from './route';
