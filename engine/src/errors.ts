// Domain errors of the engine. Each has a stable `code` (the API contract) and `details` as data;
// the server maps codes to HTTP status in one place.

export interface ErrorDetail {
  /** JSON pointer of a form field (`/employer`), when the problem is in data. */
  field?: string;
  /** BPMN element id, when the problem is in a process definition. */
  elementId?: string;
  /** JSON pointer into a file, when the problem is in a pack file. */
  pointer?: string;
  code?: string;
  message: string;
  [key: string]: unknown;
}

export class YizhanError extends Error {
  readonly code: string;
  readonly details: ErrorDetail[];
  constructor(code: string, message: string, details: ErrorDetail[] = []) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

export class NotFoundError extends YizhanError {
  constructor(what: 'CASE' | 'TASK' | 'DEFINITION' | 'FORM' | 'INCIDENT', id: string) {
    const names = { CASE: '案件', TASK: '任务', DEFINITION: '流程定义', FORM: '表单', INCIDENT: '异常' } as const;
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
export class ConflictError extends YizhanError {
  constructor(message: string, reason = 'TASK_ALREADY_COMPLETED') {
    super('CONFLICT', message, [{ code: reason, message }]);
  }
}

/** Form data failed validation against the form's JSON Schema; nothing was changed. */
export class FormDataInvalidError extends YizhanError {
  constructor(formKey: string, details: ErrorDetail[]) {
    super('FORM_INVALID', `表单「${formKey}」填写有误，共 ${details.length} 处`, details);
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
