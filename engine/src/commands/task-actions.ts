// Changes to a task row only, no engine step: claim, unclaim, 转办 transfer, 退回 return — each under
// the case lock, on the fresh task row, recorded in history.
import type pg from 'pg';
import type { Clock } from '../clock';
import type { DefinitionRecord, DefinitionRepository } from '../definitions';
import { BadRequestError, NotAssigneeError, TaskClaimedError, TaskNotOpenError } from '../errors';
import { appendHistory, HistoryKind, type HistoryEvent } from '../history';
import { saneDate, type DeadlinePolicy } from './deadlines';
import { ProcessError } from './halt';
import { caseOfTask, lockCaseRow, lockedTask, readTask, transaction, type AuthorizeTask, type Client, type TaskRow } from './lock';

type TaskChange = (client: Client, task: TaskRow, def: DefinitionRecord) => Promise<HistoryEvent | false>;

export class TaskActions {
  constructor(private readonly ctx: { pool: pg.Pool; clock: Clock; definitions: DefinitionRepository; deadlines: DeadlinePolicy }) {}

  /** Takes a task into one's own hands. Someone else's claim is TASK_CLAIMED. */
  claim(taskId: string, user: string, authorize: AuthorizeTask | undefined): Promise<void> {
    return this.run(taskId, user, authorize, async (client, task) => {
      if (task.assignee && task.assignee !== user) throw new TaskClaimedError(task.assignee);
      if (task.assignee === user) return false;
      await client.query('update tasks set assignee = $2 where id = $1', [task.id, user]);
      return { kind: HistoryKind.TaskClaimed, data: null };
    });
  }

  /** Gives a claimed task back to its candidate groups (the assignee, or anyone with `force`). */
  unclaim(taskId: string, user: string, options: { force?: boolean; authorize?: AuthorizeTask }): Promise<void> {
    return this.run(taskId, user, options.authorize, async (client, task) => {
      if (!task.assignee) return false;
      if (task.assignee !== user && !options.force) throw new NotAssigneeError(task.assignee);
      await client.query('update tasks set assignee = null where id = $1', [task.id]);
      return { kind: HistoryKind.TaskUnclaimed, data: { from: task.assignee } };
    });
  }

  /** 转办: hands the task to another department; the claim is released. */
  transfer(taskId: string, input: { department: string; actor: string; reason?: string; authorize?: AuthorizeTask }): Promise<void> {
    return this.run(taskId, input.actor, input.authorize, async (client, task, def) => {
      if (!input.department) throw new BadRequestError('请指定转办部门', [{ field: '/department', message: '必填' }]);
      await this.freshDeadline(client, task, def);
      await client.query('update tasks set candidate_groups = $2, assignee = null where id = $1', [task.id, [input.department]]);
      return { kind: HistoryKind.TaskTransferred, data: { from: task.candidate_groups, to: [input.department], reason: input.reason ?? null } };
    });
  }

  /**
   * 退回: the handling department sends the task back for re-dispatch — to the user task's
   * `returnTo` property (camunda:properties) or else the county centre department of the pack's org.
   */
  return(taskId: string, input: { reason: string; actor: string; authorize?: AuthorizeTask }): Promise<void> {
    return this.run(taskId, input.actor, input.authorize, async (client, task, def) => {
      if (!input.reason?.trim()) throw new BadRequestError('请填写退回理由', [{ field: '/reason', message: '必填' }]);
      const to = returnTarget(def, task.element_id);
      if (!to.length) throw new ProcessError('未配置退回对象（任务属性 returnTo 或组织中的县综治中心）', task.element_id);
      await this.freshDeadline(client, task, def);
      await client.query('update tasks set candidate_groups = $2, assignee = null where id = $1', [task.id, to]);
      return { kind: HistoryKind.TaskReturned, data: { from: task.candidate_groups, to, reason: input.reason } };
    });
  }

  /**
   * A returned or transferred task starts its time limit again: the new department gets the same
   * limit as the element (its `dueDate` as resolved when the task was made, counted from now by the
   * pack's deadline rule — working days or calendar days), not what was left of the old one. A task
   * made before the limit was recorded keeps the length of its old limit, counted from now.
   */
  private async freshDeadline(client: Client, task: TaskRow, def: DefinitionRecord): Promise<void> {
    const now = this.ctx.clock.now();
    const { rows } = await client.query<{ due_date: string | null; due_at: Date | null; warn_at: Date | null; created_at: Date }>(
      `select h.data->>'dueDate' as due_date, t.due_at, t.warn_at, t.created_at
         from tasks t left join history h on h.task_id = t.id and h.kind = $2
        where t.id = $1 order by h.id limit 1`,
      [task.id, HistoryKind.TaskCreated],
    );
    const row = rows[0];
    if (!row?.due_at) return;
    let due: Date | null;
    let warn: Date | null;
    if (row.due_date) {
      ({ due, warn } = this.ctx.deadlines.taskDue(def, now, row.due_date));
    } else {
      const length = row.due_at.getTime() - row.created_at.getTime();
      due = new Date(now.getTime() + length);
      warn = row.warn_at ? new Date(now.getTime() + (row.warn_at.getTime() - row.created_at.getTime())) : null;
    }
    if (!due || !saneDate(now, due)) return;
    await client.query('update tasks set due_at = $2, warn_at = $3 where id = $1', [task.id, due, warn]);
  }

  /** A change to a task row only (no engine step), under the case lock, recorded in history. */
  private async run(taskId: string, actor: string, authorize: AuthorizeTask | undefined, change: TaskChange): Promise<void> {
    const caseId = await caseOfTask(this.ctx.pool, taskId);
    await transaction(this.ctx.pool, async (client) => {
      const caseRow = await lockCaseRow(client, caseId);
      const task = await readTask(client, taskId);
      if (task.status !== 'open') throw new TaskNotOpenError(taskId, task.status);
      await authorize?.(lockedTask(task));
      const def = await this.ctx.definitions.byIdOrThrow(caseRow.definition_id);
      const event = await change(client, task, def);
      if (!event) return;
      await appendHistory(client, caseId, this.ctx.clock.now(), { ...event, actor, elementId: task.element_id, taskId });
      await client.query('update cases set updated_at = $2 where id = $1', [caseId, this.ctx.clock.now()]);
    });
  }
}

function returnTarget(def: DefinitionRecord, elementId: string): string[] {
  const task = def.meta.userTasks?.find((t) => t.id === elementId);
  if (task?.returnTo) return task.returnTo.split(',').map((x) => x.trim()).filter(Boolean);
  const org = def.org as { departments?: { code: string; kind: string }[] } | null;
  return (org?.departments ?? []).filter((d) => d.kind === 'centre').slice(0, 1).map((d) => d.code);
}
