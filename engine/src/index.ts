// @yizhan/engine — durable BPMN execution on bpmn-engine with a PostgreSQL store.
export { CaseEngine, ProcessError, type AuthorizeTask, type LockedTask, type CaseEngineOptions, type StartCaseInput } from './case-engine';
export { MIGRATION_REFUSALS, MIGRATION_PLAN_CASES, type MigrationOutcome, type MigrationPlan, type MigrationRequest, type MigrationVersions, type MigrationRefusal, type MigrationNewTimer } from './commands/migration';
export { type SignalResult, type SignalScope, type WaitingMessage } from './commands/messages';
export { type ExtensionView, extensionApprover, workingDaysBetween, MAX_EXTENSION_DAYS } from './commands/lifecycle';
export { type CaseOutcome } from './commands/outcome';
export { type ClosedRatingInput, CLOSED_RATING_ELEMENT } from './commands/closed-rating';
export { type SupervisionView, type SupervisionListEntry, type SuperviseInput, MAX_INSTRUCTION } from './commands/supervision';
export {
  CaseAnalysis, normalizePartyValue, PARTY_KINDS, REPEAT_KINDS, type PartyKind, type PartyKey, type PartyExtractor, type AnalysisCase, type WeeklyCount,
} from './case-analysis';
export {
  CaseQueries, type CaseView, type CaseSummary, type CaseFilter, type TaskView, type HistoryEntry, type IncidentView, type TaskFilter,
  type ScopedTaskFilter, type ScopedTaskView,
} from './case-queries';
export { type ListPage } from './list-cursor';
export { mayActOnTask, type ReadScope } from './read-scope';
export { RoutingHistory, type RoutingRecord, type RoutingHistoryQuery } from './routing-history';
export {
  CaseStatistics, METRICS_GROUP_BY, type StepConventions, type StatisticsFilter, type MetricsGroupBy, type MetricsSelection, type CaseCounts, type CaseMetrics,
  type CountsReader, type StatisticsSnapshot, type PublishedCaseRow,
} from './case-statistics';
export {
  AssessmentFigures, ASSESSMENT_FLAGS, type AssessedUnit, type AssessmentConventions, type AssessmentPeriod, type UnitFigures, type AssessmentFlag, type AssessmentCase,
} from './assessment-figures';
export { type DueColour, dueColour, taskColour } from './due-colour';
export { type DeployInput, type DeployOptions, type DefinitionRecord, type DefinitionSummary, type FormDefinitionLike } from './definitions';
export { type FormValidator, createDefaultFormValidator } from './form-validation';
export { type Clock, ManualClock, systemClock, addDuration, isIsoDuration } from './clock';
export { WorkingCalendar, chinaPublicHolidays, computeDue, type CalendarYear, type DeadlineMode } from './calendar/working-calendar';
export { openDatabase, migrate, type Database, type DatabaseOptions, type MigrationSet } from './store/database';
export { DatabaseOpenError, startEmbeddedPostgres, type EmbeddedServer } from './store/embedded';
export { type ServiceOutcome } from './bpmn/case-execution';
export { expressionReferences, CASE_VARIABLES, type VariableRef } from './bpmn/conditions';
export { HistoryKind, type HistoryData, type HistoryEvent, type HistoryRecord } from './history';
export * from './errors';
export { isUuid } from './ids';
export { unitInProcess } from './process-org';
export { builtinHandlers, routeHandler, routingFacts, type ServiceHandler, type ServiceHandlerContext, type ServiceTaskCheck, type DeployCheckContext } from './handlers';
export {
  readBpmn, observeBpmnPipeline, type BpmnDocument, type ProcessModel, type UserTaskModel, type ServiceTaskModel, type ExpressionUse, type CatchModel, type PipelineStep,
} from './bpmn/read';
export type { ModdleElement } from './bpmn/moddle';
export { decodeBpmn } from './bpmn/encoding';
export { checkDeployment, type DeploymentCheckInput } from './deployment';

import { validateBpmn as validateWithHandlers } from './bpmn/definition';
import { builtinHandlers as handlers } from './handlers';
import type { ErrorDetail } from './errors';
/** Deploy-time BPMN checks without deploying (built-in handlers unless others are named). */
export function validateBpmn(xml: string, handlerNames: string[] = Object.keys(handlers)): Promise<ErrorDetail[]> {
  return validateWithHandlers(xml, handlerNames);
}
