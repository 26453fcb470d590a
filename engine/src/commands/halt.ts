// When a command cannot go on: the engine could not advance the case (ProcessError, nothing
// changed), or a command ran away (budget exceeded, bpmn-engine threw, a value out of range) — it
// is rolled back and the case halted with an incident, so the server stays up and the case waits
// for an operator.
import type { ExecutionHalt } from '../bpmn/budget';
import type { Clock } from '../clock';
import { YizhanError } from '../errors';
import { appendHistory, HistoryKind } from '../history';
import type { Client } from './lock';

/** The engine could not advance the case (e.g. no gateway branch matched); nothing was changed. */
export class ProcessError extends YizhanError {
  constructor(message: string, elementId?: string) {
    super('PROCESS_ERROR', `流程无法继续：${message}`, [{ elementId, message }]);
  }
}

/**
 * A command ran away and was rolled back; the case is halted with an incident (kind `halted`)
 * naming the element and the reason. The server stays up; the case waits for an operator.
 */
export class CaseHaltedError extends YizhanError {
  constructor(readonly halt: ExecutionHalt) {
    super('PROCESS_ERROR', `流程无法继续，案件已挂起为异常：${halt.message}`, [{ code: 'CASE_HALTED', elementId: halt.elementId, message: halt.message }]);
  }
}

/** Opens (or counts one more attempt on) the case's `halted` incident; the case shows status `incident`. */
export async function recordHalt(client: Client, clock: Clock, caseId: string, halt: ExecutionHalt): Promise<void> {
  const now = clock.now();
  await client.query('select 1 from cases where id = $1 for update', [caseId]);
  const { rowCount } = await client.query(
    `update incidents set attempts = attempts + 1, message = $3 where case_id = $1 and element_id = $2 and status = 'open' and kind = 'halted'`,
    [caseId, halt.elementId, halt.message],
  );
  if (!rowCount) {
    await client.query(`insert into incidents (case_id, element_id, message, created_at, kind) values ($1, $2, $3, $4, 'halted')`, [caseId, halt.elementId, halt.message, now]);
  }
  await client.query(`update cases set status = 'incident', updated_at = $2 where id = $1`, [caseId, now]);
  await appendHistory(client, caseId, clock.now(), { actor: 'system', kind: HistoryKind.Incident, elementId: halt.elementId || null, taskId: null, data: { message: halt.message, halted: true, reason: halt.reason, steps: halt.steps, ms: halt.ms } });
}

/** The halt for a time limit or timer beyond what the engine stores (~100 years). */
export function outOfRange(elementId: string, what: string): ExecutionHalt {
  return { reason: 'engine', elementId, message: `${elementId}：${what}超出允许范围（最长约 100 年）；请改用实际的时限，如 P30D`, steps: 0, ms: 0 };
}
