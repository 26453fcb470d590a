// A rating given after the case has ended (一事一评价 by the applicant, e.g. a case sent to
// litigation that skipped its evaluation step): recorded under the case lock as a completed task
// of the rating form — so statistics count it exactly like a rating entered at the evaluation step
// (the caller's StepConventions read the last completed task of that form) — and as a `case.rated`
// history entry. An ended case is not reopened (its process is over); a rating while the case waits
// at its evaluation step is a task completion instead (completeTask), which follows the pack's
// reopen rule. One rating per ended case: a case that already has a completed task of the rating
// form is refused (CASE_ALREADY_RATED) and nothing changes.
import type pg from 'pg';
import type { Clock } from '../clock';
import type { DefinitionRepository } from '../definitions';
import { CaseAlreadyRatedError, CaseNotActiveError, NotFoundError } from '../errors';
import { checkForm, type FormValidator } from '../form-validation';
import { appendHistory, HistoryKind } from '../history';
import { isUuid } from '../ids';
import type { LiveExecutions } from './live-executions';
import { transaction } from './lock';

/** The element id of the task row a rating of an ended case is kept as. */
export const CLOSED_RATING_ELEMENT = 'closed-case-rating';

export interface ClosedRatingInput {
  /** The rating form's key (the packs': `evaluation`); the data is validated against it. */
  formKey: string;
  /** The form data: the rating field and the comment. */
  data: Record<string, unknown>;
  /** The task's name, e.g. 当事人评价. */
  name: string;
  actor: string;
}

export async function rateClosedCase(
  ctx: { pool: pg.Pool; clock: Clock; definitions: DefinitionRepository; live: LiveExecutions; validateForm: FormValidator },
  caseId: string,
  input: ClosedRatingInput,
): Promise<void> {
  if (!isUuid(caseId)) throw new NotFoundError('CASE', caseId);
  await transaction(ctx.pool, async (client) => {
    const { rows } = await client.query<{ definition_id: string; status: string }>('select definition_id, status from cases where id = $1 for update', [caseId]);
    if (!rows[0]) throw new NotFoundError('CASE', caseId);
    if (rows[0].status !== 'completed') throw new CaseNotActiveError(caseId, rows[0].status, '在办结后评价（案件未办结）');
    const def = await ctx.definitions.byIdOrThrow(rows[0].definition_id);
    checkForm(ctx.validateForm, def, def.forms[input.formKey] ? input.formKey : undefined, input.data);
    const rated = await client.query(`select 1 from tasks where case_id = $1 and status = 'completed' and form_key = $2 limit 1`, [caseId, input.formKey]);
    if (rated.rowCount) throw new CaseAlreadyRatedError(caseId);
    const now = ctx.clock.now();
    const { rows: [task] } = await client.query<{ id: string }>(
      `insert into tasks (case_id, execution_id, element_id, name, form_key, status, data, created_at, completed_at, completed_by)
       values ($1, $2, $3, $4, $5, 'completed', $6, $7, $7, $8) returning id`,
      [caseId, `${CLOSED_RATING_ELEMENT}:${now.getTime()}`, CLOSED_RATING_ELEMENT, input.name, input.formKey, JSON.stringify(input.data), now, input.actor]);
    await appendHistory(client, caseId, now, { actor: input.actor, kind: HistoryKind.CaseRated, elementId: CLOSED_RATING_ELEMENT, taskId: task.id, data: { data: input.data } });
    await client.query('update cases set updated_at = $2, version = version + 1 where id = $1', [caseId, now]);
  });
  ctx.live.forget(caseId);
}
