// Domain errors of the engine: one class per condition, each extending the one root YizhanError
// (@yizhan/errors) with a stable `code` from its ErrorCode union and `details` as data; the server
// maps codes to HTTP status in one place. A form that fails validation is @yizhan/forms'
// FormInvalidError.
import { YizhanError, type ErrorDetail } from '@yizhan/errors';

export { YizhanError, type ErrorCode, type ErrorDetail } from '@yizhan/errors';

export class NotFoundError extends YizhanError {
  constructor(what: 'CASE' | 'TASK' | 'DEFINITION' | 'FORM' | 'INCIDENT' | 'EXTENSION' | 'SUPERVISION', id: string) {
    const names = { CASE: '案件', TASK: '任务', DEFINITION: '流程定义', FORM: '表单', INCIDENT: '异常', EXTENSION: '延期申请', SUPERVISION: '督办' } as const;
    super(`${what}_NOT_FOUND`, `${names[what]}不存在：${id}`);
  }
}

/** The task exists but cannot be acted on (cancelled, or its case has moved on). */
export class TaskNotOpenError extends YizhanError {
  constructor(taskId: string, status: string) {
    super('TASK_NOT_OPEN', `任务 ${taskId} 当前状态为「${status}」，不能办理`, [{ message: `status: ${status}` }]);
  }
}

/** Someone else got there first: the task was completed by a concurrent or earlier request. */
export class TaskAlreadyCompletedError extends YizhanError {
  declare readonly code: 'TASK_ALREADY_COMPLETED';
  constructor(taskId: string) {
    const message = `任务 ${taskId} 已办结，不能重复提交`;
    super('TASK_ALREADY_COMPLETED', message, [{ code: 'TASK_ALREADY_COMPLETED', message }]);
  }
}

/** The task is claimed by someone else: only its assignee may complete it (or claim it). */
export class TaskClaimedError extends YizhanError {
  declare readonly code: 'TASK_CLAIMED';
  constructor(assignee: string) {
    const message = `任务已由 ${assignee} 认领`;
    super('TASK_CLAIMED', message, [{ code: 'TASK_CLAIMED', message }]);
  }
}

/** Only the assignee may give a claimed task back. */
export class NotAssigneeError extends YizhanError {
  declare readonly code: 'NOT_ASSIGNEE';
  constructor(assignee: string) {
    const message = `任务由 ${assignee} 认领，只有认领人可以释放`;
    super('NOT_ASSIGNEE', message, [{ code: 'NOT_ASSIGNEE', message }]);
  }
}

/** A message (or signal) was sent to a case that is not waiting for it: nothing was changed. */
export class NotWaitingError extends YizhanError {
  declare readonly code: 'NOT_WAITING';
  constructor(kind: 'message' | 'signal', name: string, caseId: string) {
    const message = `案件 ${caseId} 当前没有在等待${kind === 'message' ? '消息' : '信号'}「${name}」`;
    super('NOT_WAITING', message, [{ code: 'NOT_WAITING', message }]);
  }
}

/** A BPMN definition was rejected at deploy: every problem with its element id. */
export class BpmnInvalidError extends YizhanError {
  constructor(details: ErrorDetail[]) {
    super('BPMN_INVALID', `流程定义未通过校验，共 ${details.length} 个问题：${details.map((d) => d.message).join('；')}`, details);
  }
}

export class BadRequestError extends YizhanError {
  constructor(message: string, details: ErrorDetail[] = []) {
    super('BAD_REQUEST', message, details);
  }
}

/** The definition version is withdrawn from new cases (or every version of the key is). */
export class DefinitionWithdrawnError extends YizhanError {
  constructor(key: string, version?: number) {
    super(
      'DEFINITION_WITHDRAWN',
      version === undefined
        ? `流程「${key}」的所有版本均已撤回，不能新建案件；请恢复某个版本或部署新版本`
        : `流程「${key}」第 ${version} 版已撤回，不能用它新建案件；请使用最新的可用版本`,
      [{ code: 'DEFINITION_WITHDRAWN', message: `${key}${version === undefined ? '' : `@${version}`}` }],
    );
  }
}

/**
 * A case may only start at a unit of its process's own org model (its pack, its county): a case of
 * one county's unit on another county's process would be routed to that county's departments.
 */
export class UnitOutsideProcessError extends YizhanError {
  declare readonly code: 'UNIT_OUTSIDE_PROCESS';
  constructor(unit: string, process: string) {
    const message = `单位「${unit}」不属于流程「${process}」所在县的组织架构，不能用该流程受理；请选择本县的流程`;
    super('UNIT_OUTSIDE_PROCESS', message, [{ field: '/data/unit', code: 'UNIT_OUTSIDE_PROCESS', message }]);
  }
}

/** The case has ended (办结, 撤回, 不予受理) or is suspended (中止), so it cannot take this command. */
export class CaseNotActiveError extends YizhanError {
  declare readonly code: 'CASE_NOT_ACTIVE';
  constructor(caseId: string, readonly status: string, what: string) {
    const message = `案件${STATUS_WORDS[status] ?? `状态为 ${status}`}，不能${what}`;
    super('CASE_NOT_ACTIVE', message, [{ code: status.toUpperCase(), message: `${caseId}: ${message}` }]);
  }
}

/** 一事一评价: the case already has its rating (one rating per case); nothing was changed. */
export class CaseAlreadyRatedError extends YizhanError {
  declare readonly code: 'CASE_ALREADY_RATED';
  constructor(caseId: string) {
    const message = '该案件已评价，每个案件只能评价一次';
    super('CASE_ALREADY_RATED', message, [{ code: 'CASE_ALREADY_RATED', message: `${caseId}: ${message}` }]);
  }
}

const STATUS_WORDS: Record<string, string> = {
  completed: '已办结', withdrawn: '已撤回', refused: '已不予受理', suspended: '已中止', active: '正在办理', incident: '有异常',
};

/**
 * A migration of running cases asked for something that cannot be (流程版本迁移): a target version
 * not after the source, a mapping from or to an element that does not exist or cannot wait, or to
 * an element of another kind. Every problem with its element id; nothing was changed.
 */
export class MigrationInvalidError extends YizhanError {
  declare readonly code: 'MIGRATION_INVALID';
  constructor(message: string, details: ErrorDetail[] = []) {
    super('MIGRATION_INVALID', message, details);
  }
}
