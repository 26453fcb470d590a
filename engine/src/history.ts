// The history of a case: append-only rows (a trigger refuses updates), each an event of one kind
// with the data that kind carries. This module is the one place the kinds are spelled out; the
// code writing history names them as `HistoryKind.TaskCompleted` etc., and readers get the union.
import type pg from 'pg';

export const HistoryKind = {
  CaseStarted: 'case.started',
  CaseCompleted: 'case.completed',
  TaskCreated: 'task.created',
  TaskClaimed: 'task.claimed',
  TaskUnclaimed: 'task.unclaimed',
  TaskTransferred: 'task.transferred',
  TaskReturned: 'task.returned',
  TaskCompleted: 'task.completed',
  TaskCancelled: 'task.cancelled',
  TimerFired: 'timer.fired',
  ServiceCompleted: 'service.completed',
  ElementPassed: 'element.passed',
  Incident: 'incident',
  IncidentRetried: 'incident.retried',
  MessageReceived: 'message.received',
  SignalReceived: 'signal.received',
  CaseWithdrawn: 'case.withdrawn',
  CaseRefused: 'case.refused',
  CaseSuspended: 'case.suspended',
  CaseResumed: 'case.resumed',
  ExtensionRequested: 'deadline.extension.requested',
  ExtensionApproved: 'deadline.extension.approved',
  ExtensionRejected: 'deadline.extension.rejected',
  CaseRated: 'case.rated',
  CaseSupervised: 'case.supervised',
  SupervisionClosed: 'case.supervision.closed',
  LeaderAssigned: 'case.leader.assigned',
  CaseMigrated: 'migrated',
} as const;

/** The kind of a history entry: 'case.started', 'task.completed', 'incident', … */
export type HistoryKind = (typeof HistoryKind)[keyof typeof HistoryKind];

/** The data each kind of entry carries (as stored: JSON, so dates are ISO strings). */
export interface HistoryData {
  'case.started': { process: string; version: number; data: Record<string, unknown> };
  'case.completed': null;
  /** `dueDate`: the element's time limit as resolved when the task was made (ISO duration or date). */
  'task.created': { name: string | null; candidateGroups: string[]; dueAt: string | null; dueDate?: string | null };
  'task.claimed': null;
  /** `from`: the assignee who held the task. */
  'task.unclaimed': { from: string };
  /** 转办: candidate groups before and after. */
  'task.transferred': { from: string[]; to: string[]; reason: string | null };
  /** 退回: candidate groups before and after (the `returnTo` property, or the county centre). */
  'task.returned': { from: string[]; to: string[]; reason: string };
  /** The form data submitted. */
  'task.completed': { data: Record<string, unknown> };
  /** The engine no longer waits there (a boundary timer fired, a branch ended, …). */
  'task.cancelled': null;
  'timer.fired': null;
  /** A built-in service finished; its annotations beside the name (e.g. `routing`). */
  'service.completed': { name: string | null; [annotation: string]: unknown };
  /** An event or gateway the case passed. */
  'element.passed': { type: string; name?: string };
  /** A service failed, or (`halted`) a command ran away, was rolled back and halted the case. */
  incident: { message: string } | { message: string; halted: true; reason: 'budget' | 'engine'; steps: number; ms: number };
  'incident.retried': null;
  /** A BPMN message delivered from outside (correlateMessage): its name and payload. */
  'message.received': { name: string; payload: Record<string, unknown> };
  /** A BPMN signal delivered from outside (broadcastSignal): its name and payload. */
  'signal.received': { name: string; payload: Record<string, unknown> };
  /** 撤回: the case ended through an end event marked `outcome=withdrawn`; why (the form field the event names). */
  'case.withdrawn': { endEvent: string; reason: string | null };
  /** 不予受理: refused at intake, with the reason and the notice given to the applicant. */
  'case.refused': { reason: string; notice: string | null };
  /** 中止: the SLA clock stopped. */
  'case.suspended': { reason: string };
  /** 恢复: the SLA clock runs again; due dates moved by the suspended time (`days`: working days, else `ms`). */
  'case.resumed': { suspendedAt: string; shift: { workingDays: number } | { ms: number } };
  /** 延期 requested for a task: how many days (in the pack's deadline mode) and why. */
  'deadline.extension.requested': { extensionId: number; days: number; reason: string };
  /** 延期 approved: the task's new due date, and the timers on its boundary moved with it (each from → to). */
  'deadline.extension.approved': {
    extensionId: number; from: string | null; to: string; note: string | null;
    timers?: { elementId: string; from: string; to: string }[];
  };
  'deadline.extension.rejected': { extensionId: number; note: string | null };
  /** 一事一评价 given after the case ended (rateClosedCase): the rating form's data. */
  'case.rated': { data: Record<string, unknown> };
  /** 挂牌督办 on demand: the leader's 批示, its deadline and the 包案领导 named with it. */
  'case.supervised': { supervisionId: number; instruction: string; deadline: string | null; leaderInCharge: string | null };
  /** 督办销号. */
  'case.supervision.closed': { supervisionId: number; note: string | null };
  /** 领导包案: the 包案领导 before and after. */
  'case.leader.assigned': { from: string | null; to: string | null };
  /** 流程版本迁移: the case moved from one version of its process to a later one (the run, the mapping of the elements it waited at, by whom). */
  migrated: { migrationId: string; fromVersion: number; toVersion: number; mapping: Record<string, string>; by: string };
}

/** One history event: its kind and the data of that kind. */
export type HistoryEvent = { [K in HistoryKind]: { kind: K; data: HistoryData[K] } }[HistoryKind];

/** An event as written: who did it and what element / task it was about. */
export type HistoryRecord = HistoryEvent & { actor: string | null; elementId: string | null; taskId: string | null };

/** Appends one entry. */
export async function appendHistory(client: pg.ClientBase, caseId: string, at: Date, entry: HistoryRecord): Promise<void> {
  await client.query(
    'insert into history (case_id, at, actor, kind, element_id, task_id, data) values ($1, $2, $3, $4, $5, $6, $7)',
    [caseId, at, entry.actor, entry.kind, entry.elementId, entry.taskId, entry.data === null || entry.data === undefined ? null : JSON.stringify(entry.data)],
  );
}

/**
 * SQL inserting a batch of entries given as `historyBatch()` JSON in parameter `$json` (case id in
 * `$caseId`, time in `$at`), in order — to put in a `with` clause beside another statement.
 */
export function insertHistoryBatchSql(caseId: string, at: string, json: string): string {
  return `insert into history (case_id, at, actor, kind, element_id, task_id, data)
         select ${caseId}, ${at}, x.actor, x.kind, x.element_id, x.task_id, x.data
           from jsonb_to_recordset(${json}::jsonb) as x(n int, actor text, kind text, element_id text, task_id uuid, data jsonb)
          order by x.n`;
}

/** The JSON parameter of `insertHistoryBatchSql`. */
export function historyBatch(entries: readonly HistoryRecord[]): string {
  return JSON.stringify(entries.map((e, n) => ({ n, actor: e.actor, kind: e.kind, element_id: e.elementId, task_id: e.taskId, data: e.data })));
}
