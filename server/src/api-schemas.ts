// Schemas of the API's resources, published under `components.schemas` of the OpenAPI document.
// Request body schemas live with their routes (the validator and the document share them).
import type { JsonSchema } from './registry';

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
const str = (description?: string): JsonSchema => ({ type: 'string', ...(description ? { description } : {}) });
const nullable = (type: string, extra: JsonSchema = {}): JsonSchema => ({ type: [type, 'null'], ...extra });
const dateTime = (description?: string): JsonSchema => ({ type: 'string', format: 'date-time', ...(description ? { description } : {}) });
const nullableDateTime = (description?: string): JsonSchema => ({ type: ['string', 'null'], format: 'date-time', ...(description ? { description } : {}) });
const colour: JsonSchema = { type: ['string', 'null'], enum: ['green', 'yellow', 'red', null], description: '红黄绿：超期为红，已用时限三分之二为黄' };
const obj = (properties: Record<string, JsonSchema>, required = Object.keys(properties)): JsonSchema => ({ type: 'object', properties, required });
const count = (description: string): JsonSchema => ({ type: 'integer', description });
const rate = (description: string): JsonSchema => ({ type: ['number', 'null'], description });
const statsFigures: Record<string, JsonSchema> = {
  total: count('受理数'), closed: count('办结数'), withdrawn: count('撤回数（不计入办结）'), refused: count('不予受理数（不计入办结）'), onTime: count('按时办结数'), overdue: count('超期未办结数'),
  mediated: count('有调处结果的案件数'), succeeded: count('调处成功数'), rated: count('已评价案件数'),
  satisfied: count('满意'), basic: count('基本满意'), dissatisfied: count('不满意'),
  closureRate: rate('办结率 = 办结 /（受理 − 撤回 − 不予受理）'), onTimeRate: rate('按时办结率 = 按时办结 / 办结'),
  successRate: rate('调处成功率 = 调处成功 / 有调处结果'), satisfactionRate: rate('满意率 =（满意 + 基本满意）/ 已评价'),
};

const draftProperties: Record<string, JsonSchema> = {
  id: { type: 'string', format: 'uuid' },
  packId: str(),
  title: str('草稿说明'),
  baseVersion: nullable('string', { description: '草稿所依据的已部署版本；null：新流程包' }),
  revision: { type: 'integer', description: '版次：每保存一次加一' },
  fileCount: { type: 'integer' },
  createdBy: str(), createdAt: dateTime(),
  updatedBy: str('最后保存人'), updatedAt: dateTime('最后保存时间'),
};

const taskProperties: Record<string, JsonSchema> = {
  id: { type: 'string', format: 'uuid' },
  caseId: { type: 'string', format: 'uuid' },
  executionId: str(),
  elementId: str('BPMN 元素 id'),
  name: nullable('string'),
  formKey: nullable('string'),
  candidateGroups: { type: 'array', items: str(), description: '候选部门 / 层级' },
  assignee: nullable('string', { description: '认领人' }),
  unit: nullable('string', { description: '案件所属单位编码' }),
  iteration: nullable('integer'),
  item: { description: '多实例元素（如联合调解中的部门）' },
  dueAt: nullableDateTime('办理时限'),
  warnAt: nullableDateTime('转黄时间（时限的一定比例，按流程包设置）'),
  priority: nullable('integer'),
  status: { type: 'string', enum: ['open', 'completed', 'cancelled'] },
  colour,
  data: { description: '办理时提交的表单数据' },
  createdAt: dateTime(),
  completedAt: nullableDateTime(),
  completedBy: nullable('string'),
};

export const componentSchemas: Record<string, JsonSchema> = {
  ErrorDetail: {
    type: 'object',
    properties: {
      field: { type: 'string', description: '表单字段的 JSON Pointer（如 /applicant）' },
      elementId: { type: 'string', description: 'BPMN 元素 id' },
      pointer: { type: 'string', description: '文件内的 JSON Pointer' },
      file: { type: 'string', description: '流程包内的文件' },
      code: { type: 'string' },
      message: { type: 'string' },
    },
    required: ['message'],
  },
  Error: obj({
    error: obj({
      code: { type: 'string', description: '稳定的错误码，如 FORM_INVALID、TASK_ALREADY_COMPLETED' },
      message: { type: 'string', description: '中文说明' },
      details: { type: 'array', items: ref('ErrorDetail') },
    }),
  }),
  User: obj({
    username: str(),
    displayName: str(),
    role: { type: 'string', enum: ['admin', 'integrator', 'staff', 'leader', 'auditor'] },
    unit: nullable('string', { description: '所属单位编码；null 表示全部单位' }),
    unitName: nullable('string'),
    departments: { type: 'array', items: str() },
    demo: { type: 'boolean' },
    disabled: { type: 'boolean', description: '已停用：不能登录' },
  }),
  Session: obj({ token: str('Bearer 令牌'), expiresAt: dateTime(), user: ref('User') }),
  Task: obj(taskProperties, Object.keys(taskProperties)),
  InboxTask: {
    allOf: [ref('Task'), obj({
      caseNumber: { type: 'integer' },
      caseTitle: nullable('string'),
      caseType: nullable('string'),
      processKey: str(),
      actionable: { type: 'boolean', description: '当前用户能否认领 / 办理' },
    })],
  },
  HistoryEntry: obj({
    id: { type: 'integer' }, at: dateTime(), actor: nullable('string'), kind: str('如 case.started、task.completed、task.returned、message.received'),
    elementId: nullable('string'), taskId: nullable('string'), data: {},
  }),
  Incident: obj({
    id: { type: 'integer' },
    kind: { type: 'string', enum: ['service', 'halted'], description: 'service：内置服务失败；halted：一次操作失控（无等待的循环、引擎异常）已回滚，案件挂起' },
    elementId: str(), message: str(), status: { type: 'string', enum: ['open', 'resolved'] },
    attempts: { type: 'integer' }, createdAt: dateTime(), resolvedAt: nullableDateTime(),
  }),
  Case: obj({
    id: { type: 'string', format: 'uuid' },
    number: { type: 'integer', description: '案件编号' },
    processKey: str(),
    definitionId: str(),
    version: { type: 'integer' },
    status: { type: 'string', enum: ['active', 'completed', 'incident', 'failed', 'withdrawn', 'refused'] },
    title: nullable('string'),
    type: nullable('string'),
    channel: nullable('string'),
    unit: nullable('string'),
    unitName: nullable('string'),
    variables: { type: 'object', description: '流程变量，含受理数据 data 与分流决定 decision' },
    routing: { description: '最近一次分流决定及其解释（命中的规则、条件与事实）' },
    createdBy: nullable('string'),
    createdAt: dateTime(),
    updatedAt: dateTime(),
    completedAt: nullableDateTime('办结、撤回或不予受理的时间'),
    suspendedAt: nullableDateTime('中止（时限停止计算）的起始时间；null 为正常计时'),
    openTasks: { type: 'array', items: ref('Task') },
    tasks: { type: 'array', items: ref('Task') },
    incidents: { type: 'array', items: ref('Incident') },
    history: { type: 'array', items: ref('HistoryEntry'), description: '办理过程时间线' },
  }),
  CaseSummary: obj({
    id: { type: 'string', format: 'uuid' }, number: { type: 'integer' }, processKey: str(),
    status: { type: 'string', enum: ['active', 'completed', 'incident', 'failed', 'withdrawn', 'refused'] },
    title: nullable('string'), type: nullable('string'), channel: nullable('string'), unit: nullable('string'), unitName: nullable('string'),
    createdBy: nullable('string'), createdAt: dateTime(), updatedAt: dateTime(), completedAt: nullableDateTime(),
    openTaskCount: { type: 'integer' }, nextDueAt: nullableDateTime(), colour,
  }),
  FormDefinition: obj({ key: str(), process: str('所属流程'), version: { type: 'integer' }, schema: { type: 'object' }, uiSchema: { type: 'object' } }),
  Definition: obj({
    id: str(), key: str(), version: { type: 'integer' }, name: nullable('string'), processId: str(),
    deployedBy: nullable('string'), createdAt: dateTime(),
    withdrawnAt: nullableDateTime('撤回时间（不再用于新案件）；null 为可用'),
  }),
  PackDeployment: obj({
    packId: str(), version: str(), name: nullable('string'), county: nullable('string'), description: nullable('string'),
    processes: { type: 'array', items: obj({ key: str(), definitionId: str(), version: { type: 'integer' } }) },
    deployedBy: nullable('string'), deployedAt: dateTime(),
  }),
  PackDraftSummary: obj(draftProperties),
  PackDraft: obj({ ...draftProperties, files: { type: 'object', additionalProperties: { type: 'string' }, description: '包内路径 → 文件内容' } }),
  Attachment: obj({
    id: { type: 'string', format: 'uuid' },
    caseId: { type: ['string', 'null'], format: 'uuid', description: '所属案件；null：已上传、待随表单提交' },
    name: str('文件名（仅用于显示）'),
    contentType: str('按文件内容识别的类型'),
    size: { type: 'integer', description: '字节数' },
    sha256: str('内容的 SHA-256（存证）'),
    uploadedBy: str(), uploadedAt: dateTime(),
  }),
  OrgUnit: {
    type: 'object',
    properties: {
      code: str(), name: str(), level: { type: 'string', enum: ['county', 'township', 'village', 'grid'] },
      children: { type: 'array', items: ref('OrgUnit') },
    },
    required: ['code', 'name', 'level'],
  },
  OrgModel: obj({
    units: { type: 'array', items: ref('OrgUnit') },
    departments: {
      type: 'array',
      items: {
        type: 'object',
        properties: { code: str(), name: str(), unit: str(), kind: str(), domains: { type: 'array', items: str() } },
        required: ['code', 'name', 'unit', 'kind'],
      },
    },
  }),
  StatsRow: obj({ key: nullable('string', { description: '分组值（类型、单位编码、层级、部门编码、YYYY-MM）' }), label: nullable('string'), ...statsFigures }),
  Stats: obj({
    from: nullable('string'), to: nullable('string'), groupBy: { type: 'string', enum: ['type', 'unit', 'level', 'department', 'month'] },
    counting: { type: 'string', enum: ['cases'], description: '计的是案件数（按部门统计时一案可计入多个部门，合计仍按案件计一次）' },
    totals: obj(statsFigures), rows: { type: 'array', items: ref('StatsRow') },
  }),
  StatsCase: obj({
    id: { type: 'string', format: 'uuid' }, number: { type: 'integer' }, processKey: str(), title: nullable('string'), type: nullable('string'),
    unit: nullable('string'), unitName: nullable('string'), status: { type: 'string', enum: ['active', 'completed', 'incident', 'failed', 'withdrawn', 'refused'] },
    createdAt: dateTime(), completedAt: nullableDateTime(), month: str('受理月份 YYYY-MM（北京时间）'),
    onTime: { type: 'boolean', description: '已办结且没有任务超时完成' }, overdue: { type: 'boolean', description: '未办结且有任务已超期' },
    result: { type: ['string', 'null'], enum: ['success', 'failed', null], description: '最后一次调处结果' },
    satisfaction: { type: ['string', 'null'], enum: ['satisfied', 'basic', 'dissatisfied', null], description: '最后一次评价' },
  }),
  PublicCase: obj({
    number: { type: 'integer' }, type: nullable('string'), unitName: nullable('string'),
    party: nullable('string', { description: '当事人（脱敏，如 张*）' }),
    status: { type: 'string', enum: ['completed'] }, result: str('办理结果摘要'),
    createdAt: dateTime(), completedAt: nullableDateTime(),
    fields: { type: 'array', description: '流程包 public 配置的公示字段（脱敏字段已遮盖）', items: obj({ field: str(), title: str(), value: str() }) },
  }),
  Extension: obj({
    id: { type: 'integer' }, caseId: { type: 'string', format: 'uuid' }, taskId: { type: 'string', format: 'uuid' },
    days: { type: 'integer', description: '申请延长的天数（按流程包的时限口径：工作日或自然日）' }, reason: str('延期理由'),
    status: { type: 'string', enum: ['pending', 'approved', 'rejected'], description: '待审批、已批准、已驳回' },
    requestedBy: nullable('string'), requestedAt: dateTime(), decidedBy: nullable('string'), decidedAt: nullableDateTime(),
    note: nullable('string', { description: '审批意见' }), oldDueAt: nullableDateTime('原办理时限'), newDueAt: nullableDateTime('批准后的办理时限'),
  }),
  WaitingMessage: obj({
    name: str('消息名（BPMN message 的 name），如 撤回'), elementId: str('等待该消息的 BPMN 元素 id'), label: str('显示名（元素名，缺省为消息名）'),
    formKey: str('消息内容须符合的表单（元素的 camunda 属性 formKey）'),
  }, ['name', 'elementId', 'label']),
  SignalResult: obj({
    reached: { type: 'array', items: { type: 'string', format: 'uuid' }, description: '已送达的案件 id' },
    failed: { type: 'array', description: '未能送达的案件（如内容不符合表单、案件被挂起）', items: obj({ caseId: { type: 'string', format: 'uuid' }, code: str(), message: str() }) },
  }),
  ScenarioResult: obj({ name: str(), passed: { type: 'boolean' }, failures: { type: 'array', items: str() }, durationMs: { type: 'number' } }),
};
