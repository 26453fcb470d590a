// @yizhan/packs — process packs: a county's model (BPMN + rules + forms + org + scenarios) as a
// folder, and the loader, validator, deployer and scenario runner behind `yizhan pack …`.
export type {
  PackManifest, PackBundle, PackProcess, PackUser, PackPublic, PackDeadlines, PackCalendarYear, PackProblem, PackSupervision, PackAnalysisSettings,
  Scenario, ScenarioStep, CompleteStep, ClaimStep, ReturnStep, TransferStep, AdvanceStep, ExpectStep, MessageStep, SignalStep,
  SuspendStep, ResumeStep, RefuseStep, ExtendStep, ApproveExtensionStep, RejectExtensionStep,
  StepExpectation, TaskExpectation, ExtensionExpectation, RoutingExpectation, ScenarioResult,
} from './types';
export { PackFileError, PackInvalidError, formatProblem } from './errors';
export { loadPackDir, readPackFiles, packFromFiles, packToFiles, listPackDirs, PACKS_ROOT } from './load';
export { validatePack, checkPack, type ValidatePackOptions, type CheckedPack } from './validate';
export { createPackEngine, packFormValidator, type PackEngineOptions } from './engine';
export { deployPack, processFiles, type DeployPackOptions, type DeployedPack } from './deploy';
export { runScenarios, formatScenarioLine, formatSummary, SCENARIO_EPOCH, type RunScenariosOptions } from './scenario-runner';
export { packHandlers, evaluationHandler, stepOf, STEP_FORMS, STATS_CONVENTIONS, EVALUATION_FORM, SATISFACTION_FIELD, RESULT_FIELD, BACKLOG_FIELD, BACKLOG_DAYS, SATISFACTION, SATISFACTION_LABELS, RESULTS, RESULT_LABELS, EVALUATION_TOPIC, type Step, type Satisfaction } from './steps';
export { formFields } from './form-fields';
export { DECISION_VALUE_LABEL } from './wording';
export {
  ROLES, ROLE_LABELS, PERMISSIONS, can, isRole, actorScope, mayActOnTask, readScopeOf, unitSubtree, packUserAccount, SUPERVISION_FORMS, actsOnFormsOf,
  type Role, type Permission, type Person, type ActorScope, type TaskOffer,
} from './people';
export { whatIfProcessKeys, replayRouting, type WhatIfReport, type WhatIfChange, type DecisionDigest, type DecisionAspect, type ReplayOptions } from './whatif';
export { diffPacks, type PackDiff, type BpmnFileDiff, type ElementChange, type RuleSetDiff, type FormDiff, type OrgDiff } from './pack-diff';
export {
  checkAssessment, assessedUnits, scoreUnits, scoreIndicator, ASSESSMENT_FIGURES, ASSESSMENT_CONVENTIONS, DEFAULT_BACKLOG_DAYS,
  type AssessmentScheme, type AssessmentGroup, type AssessmentIndicator, type AssessmentFigure, type AssessedUnitInfo, type IndicatorScore, type UnitScore,
} from './assessment';
export { personalKind, partyKeys, type PersonalKind, type FieldLike, type PartyKeyFound } from './personal-fields';
export { packSupervisor, packAnalysis, DEFAULT_ANALYSIS, type PackAnalysis } from './settings';
