// The pack format as TypeScript: pack.json (manifest), the loaded bundle, scenarios and problems.
// The JSON Schemas in processes/schema/ describe the same files for editors and integrators.
import type { FormDefinition } from '@yizhan/forms';
import type { OrgModel } from '@yizhan/rules';
import type { Role } from './people';

/** A BPMN file of the pack that is deployed as a process (default: every *.bpmn file). */
export interface PackProcess {
  /** File name of the BPMN file, e.g. `dispute.bpmn`. */
  bpmn: string;
  title?: string;
  description?: string;
}

/**
 * A user of the pack: the actor of scenarios, and an account to create on a server
 * (`yizhan user import`, or a demo account with `yizhan serve --demo`). `yizhan pack test` lets
 * them act exactly as the server would (see people.ts).
 */
export interface PackUser {
  username: string;
  /** Display name (显示名). */
  name: string;
  /** Department codes of the org model the user works in (their candidate groups). */
  departments: string[];
  /** The user's role on the server; default `staff` (办理人员). Only staff and admin act on tasks. */
  role?: Role;
  /** Org unit code; default: the unit of the first department. */
  unit?: string;
  /** Duties for readers (`clerk`, `mediator`, `judge` …); no rights follow from them. */
  roles?: string[];
}

/** 公示: which closed cases are published and which intake fields are shown / masked. */
export interface PackPublic {
  enabled: boolean;
  /** Intake data fields shown in the public list. */
  fields?: string[];
  /** Fields shown masked (names, ID numbers, phone numbers). */
  mask?: string[];
}

/** A year of the working-day calendar: days off and make-up workdays (调休上班), YYYY-MM-DD. */
export interface PackCalendarYear {
  year: number;
  holidays: string[];
  workdays: string[];
  source?: string;
}

/** How `camunda:dueDate` durations count: calendar days (default) or working days. */
export interface PackDeadlines {
  mode: 'calendar-days' | 'working-days';
  /** The county's own calendar years; default: China's public holidays as the engine ships them. */
  calendar?: PackCalendarYear[];
  /** Who approves 延期 (a task's time limit extended): `leader` (default) or `admin`. */
  extensionApprover?: 'leader' | 'admin';
}

/** pack.json */
export interface PackManifest {
  $schema?: string;
  /** Lower-case id, the first segment of every process key (`<id>/<process id>`). */
  id: string;
  name: string;
  version: string;
  /** Code of the county unit in `org.units` this pack models. */
  county: string;
  description?: string;
  /** Where the model comes from (articles, regulations). */
  sources?: string[];
  org: OrgModel;
  processes?: PackProcess[];
  users?: PackUser[];
  public?: PackPublic;
  deadlines?: PackDeadlines;
  /** The assessment scheme's file name in the pack folder (`assessment.json`); see assessment.ts. */
  assessment?: string;
  /** Who supervises (挂牌督办 on demand, 领导包案): `by` a role, default `leader`. */
  supervision?: PackSupervision;
  /** 研判 settings: repeat window and spike threshold. */
  analysis?: PackAnalysisSettings;
}

/** pack.json `supervision`. */
export interface PackSupervision {
  /** The role that puts cases under supervision and closes it (admin always may): `leader` (default) or `admin`. */
  by?: 'leader' | 'admin';
}

/** pack.json `analysis` (研判); every field has a default (see settings.ts). */
export interface PackAnalysisSettings {
  /** Cases sharing an ID number, phone or address within this many days are repeats (default 30). */
  repeatDays?: number;
  /** A township's or type's last 7 days at or above this multiple of its trailing 8-week weekly mean is a spike (default 3). */
  spikeFactor?: number;
  /** …and at least this many cases in those 7 days (default 5). */
  spikeMinimum?: number;
}

/** A loaded pack: every file parsed, keyed by file name (BPMN) or base name (forms, rules, scenarios). */
export interface PackBundle {
  /** The folder it was loaded from, if any. */
  dir?: string;
  manifest: PackManifest;
  /** BPMN XML by file name (`dispute.bpmn`). */
  bpmn: Record<string, string>;
  /** Form definitions by form key (`forms/<key>.json`). */
  forms: Record<string, FormDefinition>;
  /** Rule sets by name (`rules/<name>.json`), as JSON; validated by @yizhan/rules. */
  rules: Record<string, unknown>;
  /** Scenarios by base name (`scenarios/<name>.json`). */
  scenarios: Record<string, Scenario>;
  /** The assessment scheme (the file pack.json `assessment` names), as JSON; checked by checkAssessment. */
  assessment?: unknown;
  /** Files that could not be parsed (JSON syntax), reported by validatePack. */
  parseErrors?: PackProblem[];
}

/** One problem found in a pack, located by file and element id or JSON pointer. */
export interface PackProblem {
  /** Path relative to the pack folder: `pack.json`, `dispute.bpmn`, `forms/intake.json`. */
  file: string;
  elementId?: string;
  pointer?: string;
  code: string;
  /** What is wrong, in Chinese. */
  message: string;
  /** Only with `validatePack(bundle, { warnings: true })`: non-blocking findings. */
  severity?: 'warning';
}

// --- scenarios -------------------------------------------------------------------------------

/** An expected open task. */
export interface TaskExpectation {
  /** BPMN element id of the user task. */
  task: string;
  /** Candidate groups, exactly (order-insensitive). */
  groups?: string[];
  /** Time limit: due date minus the task's creation time, as an ISO-8601 duration. */
  dueIn?: string;
  /** 红黄绿 at the current clock. */
  colour?: 'green' | 'yellow' | 'red';
  /** Who claimed it (null: nobody). */
  assignee?: string | null;
  /**
   * How far its due date has moved since the task opened (延期 approved, 恢复 after 中止), as an
   * ISO-8601 duration counted the pack's way (working days in working-day mode); `P0D`: not moved.
   */
  dueMovedBy?: string;
}

/** An expected 延期 request of the case. */
export interface ExtensionExpectation {
  /** BPMN element id of the task it is for. */
  task: string;
  days?: number;
  status?: 'pending' | 'approved' | 'rejected';
}

/** What must hold after a step (or after the start). Every field is optional. */
export interface StepExpectation {
  status?: 'active' | 'completed' | 'incident' | 'withdrawn' | 'refused';
  /** The open tasks, exactly (order-insensitive, multi-instance tasks once per iteration). */
  openTasks?: TaskExpectation[];
  /** A subset of the routing decision (`variables.decision`). */
  decision?: Record<string, unknown>;
  /** A subset of the case data (`variables.data`, intake data merged with task outputs). */
  data?: Record<string, unknown>;
  /** History entry kinds that must have been recorded (`task.returned`, `timer.fired`, …). */
  history?: string[];
  /** History entry kinds that must not have been recorded (yet): `timer.fired` while suspended. */
  noHistory?: string[];
  /** Whether the case is suspended (中止: its SLA clock stopped). */
  suspended?: boolean;
  /** The case's 延期 requests, exactly, oldest first. */
  extensions?: ExtensionExpectation[];
}

interface StepBase {
  /** Acting user (username); a user of pack.json's `users` also selects by their departments. */
  as?: string;
  /** The acting user's department: selects among open tasks of the element (joint mediation). */
  department?: string;
  /** The command must fail with this error code (e.g. `FORM_INVALID`), changing nothing. */
  expectError?: string;
  expect?: StepExpectation;
  /** A note for readers. */
  note?: string;
}

export interface CompleteStep extends StepBase { complete: string; data?: Record<string, unknown> }
export interface ClaimStep extends StepBase { claim: string }
/** 退回 */
export interface ReturnStep extends StepBase { return: string; reason: string }
/** 转办 */
export interface TransferStep extends StepBase { transfer: string; to: string; reason?: string }
/** Moves the scenario clock by an ISO-8601 duration, then fires the timers that fell due. */
export interface AdvanceStep extends StepBase { advance: string }
export interface ExpectStep extends StepBase { expect: StepExpectation }
/** Delivers a BPMN message (e.g. 撤回) to the case, which must wait for it; `payload` is its content. */
export interface MessageStep extends StepBase { message: string; payload?: Record<string, unknown> }
/** Broadcasts a BPMN signal; the case must be among the cases it reaches. */
export interface SignalStep extends StepBase { signal: string; payload?: Record<string, unknown> }

/** 中止: stops the case's SLA clock (timers wait; due dates move on 恢复). */
export interface SuspendStep extends StepBase { suspend: true; reason: string }
/** 恢复: the SLA clock runs again; open tasks' due dates and pending timers move by the suspended time. */
export interface ResumeStep extends StepBase { resume: true }
/** 不予受理 at intake (before any task was completed), with the notice given to the applicant. */
export interface RefuseStep extends StepBase { refuse: true; reason: string; notice?: string }
/** 延期 requested for the open task: `days` more (the pack's way), with a reason. */
export interface ExtendStep extends StepBase { extend: string; days: number; reason: string }
/** Approves the pending 延期 request of the task (by the pack's `deadlines.extensionApprover`). */
export interface ApproveExtensionStep extends StepBase { approveExtension: string }
/** Rejects the pending 延期 request of the task; its due date stays. */
export interface RejectExtensionStep extends StepBase { rejectExtension: string }

export type ScenarioStep = CompleteStep | ClaimStep | ReturnStep | TransferStep | AdvanceStep | MessageStep | SignalStep
  | SuspendStep | ResumeStep | RefuseStep | ExtendStep | ApproveExtensionStep | RejectExtensionStep | ExpectStep;

export interface RoutingExpectation {
  /** A subset of the decision: `{ "joint": true, "departments": [...] }`. */
  decision?: Record<string, unknown>;
  /** Names of the rules that must have been applied. */
  rules?: string[];
  /** Text the explanation sentence must contain. */
  summaryContains?: string;
}

/** scenarios/<name>.json */
export interface Scenario {
  $schema?: string;
  name: string;
  description?: string;
  /** BPMN process id; default: the pack's first process. */
  process?: string;
  start: { as?: string; data: Record<string, unknown>; expectError?: string; expect?: StepExpectation };
  routing?: RoutingExpectation;
  steps?: ScenarioStep[];
  /** The completed user tasks, in completion order (element ids). */
  path?: string[];
  /** Final case status. */
  status?: 'active' | 'completed' | 'incident' | 'withdrawn' | 'refused';
}

export interface ScenarioResult {
  name: string;
  /** Scenario file base name. */
  file?: string;
  passed: boolean;
  failures: string[];
  durationMs: number;
}
