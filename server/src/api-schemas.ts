// Schemas of the API's resources, published under `components.schemas` of the OpenAPI document.
// Request body schemas live with their routes (the validator and the document share them).
import type { JsonSchema } from './registry';
import { STATS_GROUP_BY } from './reports';

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
  satisfied: count('满意'), basic: count('基本满意'), dissatisfied: count('不满意'), supervised: count('挂牌督办的案件数'),
  closureRate: rate('办结率 = 办结 /（受理 − 撤回 − 不予受理）'), onTimeRate: rate('按时办结率 = 按时办结 / 办结'),
  successRate: rate('调处成功率 = 调处成功 / 有调处结果'), satisfactionRate: rate('满意率 =（满意 + 基本满意）/ 已评价'),
  firstResolved: count('初访化解数：办结、最后调处结果为成功，且从未退回、转办，也未因不满意重新办理'),
  backlog: count('积案数：受理时标记为久拖不决，或受理后 90 天仍未办结（撤回、不予受理的不计）'),
  backlogResolved: count('积案化解数：积案中已办结且调处成功的'),
  firstResolveRate: rate('初访化解率 = 初访化解 / 办结'), backlogResolveRate: rate('积案化解率 = 积案化解 / 积案'),
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
      supervision: { oneOf: [ref('TaskSupervision'), { type: 'null' }], description: '案件正在进行的督办（领导批示），无督办为 null' },
      supervised: { type: 'boolean', description: '案件正在督办中：有未销号的领导批示，或流程的挂牌督办环节（如超时督办）尚未办结' },
    })],
  },
  TaskSupervision: obj({
    id: { type: 'integer' }, instruction: str('领导批示'), deadline: nullableDateTime('督办期限'),
    leaderInCharge: nullable('string', { description: '包案领导（用户名）' }), by: str('批示人'), at: dateTime(),
  }),
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
    supervisedAt: nullableDateTime('挂牌督办的时间；null 为未督办'),
    leaderInCharge: nullable('string', { description: '包案领导（用户名）' }),
    openTasks: { type: 'array', items: ref('Task') },
    tasks: { type: 'array', items: ref('Task') },
    incidents: { type: 'array', items: ref('Incident') },
    history: { type: 'array', items: ref('HistoryEntry'), description: '办理过程时间线' },
  }),
  CaseDetail: {
    allOf: [ref('Case'), obj({
      people: { type: 'object', additionalProperties: { type: 'string' }, description: '时间线、任务和包案领导中出现的用户名 → 姓名' },
    })],
  },
  CaseSummary: obj({
    id: { type: 'string', format: 'uuid' }, number: { type: 'integer' }, processKey: str(),
    status: { type: 'string', enum: ['active', 'completed', 'incident', 'failed', 'withdrawn', 'refused'] },
    title: nullable('string'), type: nullable('string'), channel: nullable('string'), unit: nullable('string'), unitName: nullable('string'),
    createdBy: nullable('string'), createdAt: dateTime(), updatedAt: dateTime(), completedAt: nullableDateTime(),
    supervised: { type: 'boolean', description: '挂牌督办' },
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
  WhatIfDecision: obj({
    departments: { type: 'array', items: str(), description: '办理部门编码（联合调解时牵头在前）' },
    level: nullable('string', { description: '办理层级' }), joint: { type: 'boolean', description: '联合调解' },
    leadUnit: nullable('string', { description: '牵头单位' }), caseClass: nullable('string', { description: '案件等级' }),
    dueIn: nullable('string', { description: '办理时限（ISO 8601 时长）' }),
  }),
  WhatIfReport: obj({
    packId: str(), from: dateTime('受理时间起（含）'), to: dateTime('受理时间止（不含）'),
    processes: { type: 'array', items: str(), description: '试算的流程（拟部署包的流程键）' },
    cases: count('试算的案件数'), decisions: count('试算的分流决定数（一案可多次分流）'),
    changedCases: count('分流结果会改变的案件数'),
    changed: obj({
      departments: count('办理部门会改变'), level: count('办理层级会改变'), joint: count('是否联合调解会改变'),
      leadUnit: count('牵头单位会改变'), caseClass: count('案件等级会改变'), dueIn: count('办理时限会改变'),
    }),
    transitions: { type: 'array', description: '原分流 → 新分流（部门与层级），按数量从多到少', items: obj({ from: str(), to: str(), count: { type: 'integer' } }) },
    rules: { type: 'array', description: '命中数会改变的规则', items: obj({ ruleSet: str(), rule: str(), before: { type: 'integer' }, after: { type: 'integer' } }) },
    conflicts: count('新规则无法决定（命中策略冲突）的分流数'),
    missingRuleSets: { type: 'array', description: '原分流用过、拟部署包中已没有的规则集', items: obj({ ruleSet: str(), decisions: { type: 'integer' } }) },
    changes: {
      type: 'array', description: '会改变的分流（按受理先后；最多 500 条）',
      items: obj({
        caseId: { type: 'string', format: 'uuid' }, number: { type: 'integer' }, title: nullable('string'), processKey: str(),
        elementId: nullable('string', { description: '分流任务' }), ruleSet: str(),
        before: ref('WhatIfDecision'), after: { oneOf: [ref('WhatIfDecision'), { type: 'null' }] },
        changed: { type: 'array', items: { type: 'string', enum: ['departments', 'level', 'joint', 'leadUnit', 'caseClass', 'dueIn'] } },
        rulesBefore: { type: 'array', items: str() }, rulesAfter: { type: 'array', items: str() },
        problem: str('没有新决定的原因'),
      }, ['caseId', 'number', 'title', 'processKey', 'elementId', 'ruleSet', 'before', 'after', 'changed', 'rulesBefore', 'rulesAfter']),
    },
    changesTruncated: { type: 'boolean', description: '会改变的分流多于列出的' },
    truncated: { type: 'boolean', description: '时间段内案件多于一次试算的上限，只试算了最早的部分' },
    maxCases: count('一次试算的案件上限'),
  }),
  MigrationVersions: obj({
    processKey: str('流程键'), name: str('流程名称'), latestVersion: count('最新版本'),
    versions: { type: 'array', description: '有在办案件的旧版本', items: obj({ version: count('版本'), runningCases: count('在办案件数') }) },
  }),
  MigrationPlan: obj({
    processKey: str(), fromVersion: { type: 'integer' }, toVersion: { type: 'integer' },
    mapping: { type: 'object', additionalProperties: { type: 'string' }, description: '生效的元素映射：自动建议（目标版本中 id 与类型相同）加请求中给出的' },
    elements: {
      type: 'array', description: '在办案件的等待位置',
      items: obj({
        elementId: str(), name: str(), type: str('BPMN 类型，如 bpmn:UserTask'), caseCount: count('在此等待的案件数'),
        mappedTo: nullable('string', { description: '映射到的目标元素；null：没有映射' }), proposed: { type: 'boolean', description: '映射是自动建议的' },
        problem: obj({ code: str(), message: str() }),
        newTimers: {
          type: 'array', description: '目标版本在此步骤上新增的定时边界事件：迁移时开始计时（已有的定时器保留原到期时间）',
          items: obj({
            elementId: str(), name: str(), duration: nullable('string', { description: 'ISO 8601 时长，如 P1D' }),
            interrupting: { type: 'boolean', description: '到期时中断该步骤（false：步骤保留）' },
          }),
        },
      }, ['elementId', 'name', 'type', 'caseCount', 'mappedTo', 'proposed']),
    },
    targetElements: { type: 'array', description: '目标版本中可作为映射目标的元素', items: obj({ elementId: str(), name: str(), type: str() }) },
    cases: {
      type: 'array', description: '逐案（最多 500 条）',
      items: obj({
        caseId: { type: 'string', format: 'uuid' }, caseNo: str('案件编号'), title: str(), waitingAt: { type: 'array', items: str() },
        migratable: { type: 'boolean' }, code: str('不能迁移的原因代码'), reason: str('不能迁移的原因'),
      }, ['caseId', 'caseNo', 'title', 'waitingAt', 'migratable']),
    },
    caseCount: count('案件数'), migratableCount: count('可迁移的案件数'), ok: { type: 'boolean', description: '全部案件都可迁移' },
  }),
  MigrationResult: obj({
    migrationId: str('迁移记录 id'), migrated: count('已迁移'), refused: count('未迁移'),
    results: {
      type: 'array',
      items: obj({
        caseId: str(), caseNo: str(), status: { type: 'string', enum: ['migrated', 'refused'] }, code: str('未迁移的原因代码'), reason: str('未迁移的原因'),
      }, ['caseId', 'caseNo', 'status']),
    },
  }),
  PackDiff: obj({
    from: str('旧版本'), to: str('新版本'),
    bpmn: { type: 'array', items: obj({
      file: str(), status: { type: 'string', enum: ['added', 'removed', 'changed', 'unchanged'] },
      added: { type: 'array', items: ref('ElementChange') }, removed: { type: 'array', items: ref('ElementChange') },
      changed: { type: 'array', items: ref('ElementChange') }, layoutChanged: { type: 'array', items: str(), description: '只调整了图中位置的元素' },
    }) },
    rules: { type: 'array', items: obj({
      name: str(), status: { type: 'string', enum: ['added', 'removed', 'changed'] },
      rulesAdded: { type: 'array', items: str() }, rulesRemoved: { type: 'array', items: str() }, rulesChanged: { type: 'array', items: str() },
      settingsChanged: { type: 'array', items: str(), description: 'hitPolicy、defaults、timeLimits、groups、conditions' },
    }) },
    forms: { type: 'array', items: obj({
      key: str(), status: { type: 'string', enum: ['added', 'removed', 'changed'] },
      fieldsAdded: { type: 'array', items: str() }, fieldsRemoved: { type: 'array', items: str() },
      nowRequired: { type: 'array', items: str() }, noLongerRequired: { type: 'array', items: str() }, fieldsChanged: { type: 'array', items: str() },
    }) },
    org: obj({
      unitsAdded: { type: 'array', items: str() }, unitsRemoved: { type: 'array', items: str() },
      unitsRenamed: { type: 'array', items: obj({ code: str(), from: str(), to: str() }) },
      departmentsAdded: { type: 'array', items: str() }, departmentsRemoved: { type: 'array', items: str() }, departmentsChanged: { type: 'array', items: str() },
    }),
    manifestChanged: { type: 'array', items: str(), description: 'pack.json 中改动的设置' },
    summary: { type: 'array', items: str(), description: '中文摘要，一行一处改动' },
  }),
  ElementChange: obj({
    id: str(), type: str('BPMN 类型'), name: nullable('string'), attrs: { type: 'array', items: str(), description: '改动的属性' },
    ends: { type: 'array', items: str(), description: '顺序流两端的元素 id（改动的顺序流含改动前的两端）' },
  }, ['id', 'type', 'name']),
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
  StatsRow: obj({ key: nullable('string', { description: '分组值（类型、单位编码、层级、乡镇编码、部门编码、YYYY-MM、来源渠道、纠纷等级 general/larger/major、办理层级）' }), label: nullable('string'), ...statsFigures }),
  Stats: obj({
    from: nullable('string'), to: nullable('string'), groupBy: { type: 'string', enum: [...STATS_GROUP_BY] },
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
    supervised: { type: 'boolean', description: '挂牌督办' },
  }),
  UnitFigures: obj({
    unit: str('考核对象编码'), cases: count('本期受理、本单位承办的案件数（不含撤回、不予受理）'),
    tasks: count('本单位已完成的有时限任务数'), tasksOnTime: count('其中按时完成的'), overdueTasks: count('本单位超时完成或已超期未完成的任务数'),
    mediated: count('本单位记录了调处结果的案件数'), succeeded: count('其中本单位最后一次调处成功的'),
    rated: count('已评价案件数'), satisfied: count('其中满意或基本满意的'), returns: count('本单位退回任务的次数'),
    supervised: count('被督办的案件数'), firstContact: count('初访化解的案件数'), backlog: count('本期内的积案数'), backlogResolved: count('本期化解的积案数'),
  }),
  AssessmentReport: obj({
    packId: str(), packName: nullable('string'),
    scheme: obj({ name: str('方案名称'), total: { type: 'number', description: '满分' }, redLine: { type: ['number', 'null'], description: '红榜线' }, backlogDays: { type: 'integer', description: '积案天数' } }),
    period: obj({ key: str('2026-03、2026-Q1 或 2026'), kind: { type: 'string', enum: ['month', 'quarter', 'year'] }, label: str('如 2026年3月'), from: dateTime(), to: dateTime() }),
    group: obj({ key: str(), label: str() }),
    groups: { type: 'array', items: obj({ key: str(), label: str() }) },
    indicators: {
      type: 'array',
      items: obj({ key: str(), label: str(), figure: str(), figureLabel: str(), kind: { type: 'string', enum: ['rate', 'count'] }, weight: { type: 'number' } }),
    },
    units: {
      type: 'array', description: '按总分从高到低',
      items: obj({
        unit: str(), name: str(), total: { type: 'number' }, rank: { type: 'integer' }, red: { type: 'boolean', description: '低于红榜线' },
        indicators: {
          type: 'array',
          items: obj({
            key: str(), label: str(), figure: str(), value: { type: ['number', 'null'], description: '比率（0–1）或次数；无可计算的案件为 null' },
            basis: str('计算依据，如 18/20'), weight: { type: 'number' }, points: { type: 'number' }, lost: { type: 'number', description: '失分' },
          }),
        },
        figures: ref('UnitFigures'),
      }),
    },
  }),
  AssessmentCase: obj({
    id: { type: 'string', format: 'uuid' }, number: { type: 'integer' }, processKey: str(), title: nullable('string'), type: nullable('string'),
    unit: nullable('string'), status: str(), createdAt: dateTime(), completedAt: nullableDateTime(),
    tasks: count('本单位已完成的有时限任务数'), tasksOnTime: count('其中按时完成的'), overdueTasks: count('本单位超期任务数'),
    result: { type: ['string', 'null'], description: '本单位最后一次调处结果' }, satisfaction: { type: ['string', 'null'], description: '评价' },
    returns: count('本单位退回次数'), supervised: { type: 'boolean' }, firstContact: { type: 'boolean', description: '初访化解' },
    backlog: { type: 'boolean', description: '积案' }, backlogResolved: { type: 'boolean', description: '积案本期化解' },
  }),
  PublicCase: obj({
    number: { type: 'integer' }, type: nullable('string'), unitName: nullable('string'),
    party: nullable('string', { description: '当事人（脱敏，如 张*）' }),
    status: { type: 'string', enum: ['completed'] }, result: str('办理结果摘要'),
    createdAt: dateTime(), completedAt: nullableDateTime(),
    fields: { type: 'array', description: '流程包 public 配置的公示字段：类型等代码字段与脱敏字段（受理时的原始文字从不公示）', items: obj({ field: str(), title: str(), value: str() }) },
    summary: nullable('string', { description: '工作人员撰写的公示摘要（已脱敏）；流程包无公示摘要或本案未经公示环节时为 null' }),
  }),
  PublicCasePage: obj({
    items: { type: 'array', items: ref('PublicCase') }, total: count('公示案件总数'), limit: { type: 'integer' }, offset: { type: 'integer' },
  }),
  RatingLink: obj({
    token: str('评价链接的令牌（256 位随机数，base64url），只返回这一次'), code: str('评价码（10 位，如 7K2QF-9XM3D），只返回这一次'),
    path: str('评价页面的路径（/rate/{token}），前面加上本系统的地址即为链接'), expiresAt: dateTime('有效期至'),
    stage: { type: 'string', enum: ['evaluation', 'closed'], description: 'evaluation：案件在评价环节；closed：已办结（如转诉讼）尚无评价' },
  }),
  RatingLinkView: obj({
    caseNumber: { type: 'integer', description: '案件编号' }, title: nullable('string', { description: '案件标题（脱敏，过长截断）' }),
    unitName: nullable('string', { description: '办理单位' }), expiresAt: dateTime('链接有效期至'), rated: { type: 'boolean', description: '该案件是否已由当事人评价' },
  }),
  RatingResult: obj({
    caseNumber: { type: 'integer' }, satisfaction: { type: 'string', enum: ['satisfied', 'basic', 'dissatisfied'] }, ratedAt: dateTime(),
  }),
  Extension: obj({
    id: { type: 'integer' }, caseId: { type: 'string', format: 'uuid' }, taskId: { type: 'string', format: 'uuid' },
    days: { type: 'integer', description: '申请延长的天数（按流程包的时限口径：工作日或自然日）' }, reason: str('延期理由'),
    status: { type: 'string', enum: ['pending', 'approved', 'rejected'], description: '待审批、已批准、已驳回' },
    requestedBy: nullable('string'), requestedAt: dateTime(), decidedBy: nullable('string'), decidedAt: nullableDateTime(),
    note: nullable('string', { description: '审批意见' }), oldDueAt: nullableDateTime('原办理时限'), newDueAt: nullableDateTime('批准后的办理时限'),
  }),
  Supervision: obj({
    id: { type: 'integer' }, caseId: { type: 'string', format: 'uuid' }, instruction: str('领导批示'), deadline: nullableDateTime('督办期限'),
    leaderInCharge: nullable('string', { description: '随督办指定的包案领导' }), status: { type: 'string', enum: ['active', 'closed'], description: '督办中、已销号' },
    createdBy: str('批示人'), createdAt: dateTime(), closedBy: nullable('string'), closedAt: nullableDateTime(), closingNote: nullable('string', { description: '销号意见' }),
  }),
  SupervisionEntry: {
    allOf: [ref('Supervision'), obj({
      caseNumber: { type: 'integer' }, caseTitle: nullable('string'), caseType: nullable('string'), caseUnit: nullable('string'), caseUnitName: nullable('string'),
      caseStatus: str(), processKey: str(), overdue: { type: 'boolean', description: '督办中且已过督办期限' },
      createdByName: nullable('string', { description: '批示领导的姓名（无此用户为 null）' }), leaderInChargeName: nullable('string', { description: '包案领导的姓名（未指定或无此用户为 null）' }),
    })],
  },
  AnalysisCase: obj({
    id: { type: 'string', format: 'uuid' }, number: { type: 'integer' }, processKey: str(), title: nullable('string'), type: nullable('string'),
    channel: nullable('string'), unit: nullable('string'), unitName: nullable('string'), status: str(), createdAt: dateTime(),
    supervised: { type: 'boolean', description: '挂牌督办' },
    parties: obj({
      names: { type: 'array', items: str() }, idNumbers: { type: 'array', items: str() }, phones: { type: 'array', items: str() }, addresses: { type: 'array', items: str() },
    }),
    masked: { type: 'boolean', description: '个人信息是否已脱敏（无 pii:read 权限的角色看到脱敏结果）' },
    matched: { type: 'array', items: { type: 'string', enum: ['id', 'phone', 'name', 'address'] }, description: '匹配上的当事人信息种类' },
  }),
  Repeats: obj({
    days: { type: 'integer', description: '判定重复的天数（流程包 analysis.repeatDays）' },
    cases: { type: 'array', items: ref('AnalysisCase'), description: '同一身份证号、电话或地址在该天数内的其他案件' },
  }),
  SearchAudit: obj({
    id: { type: 'integer' }, at: dateTime(), username: str(), role: str(), kind: { type: 'string', enum: ['id', 'phone', 'name', 'address'] },
    value: str('查询的值（已脱敏）'), valueHash: str('规范化后查询值的 SHA-256（核对用）'), results: { type: 'integer', description: '返回的案件数' },
  }),
  SpikeAlert: obj({
    dimension: { type: 'string', enum: ['township', 'type'], description: '乡镇或事项类型' },
    pack: str(), key: nullable('string'), label: nullable('string'),
    current: { type: 'integer', description: '最近 7 天的受理数' }, baseline: { type: 'number', description: '此前 8 周的周均受理数' },
    ratio: { type: ['number', 'null'], description: '最近 7 天 / 周均；周均为 0 时为 null' },
    factor: { type: 'number', description: '流程包设置的倍数阈值' }, minimum: { type: 'integer', description: '流程包设置的最少案件数' },
  }),
  AnalysisRecord: obj({
    id: { type: 'integer' }, month: str('研判月份 YYYY-MM'), unit: nullable('string'), unitName: nullable('string'), title: str(), analysis: str('研判内容'),
    caseIds: { type: 'array', items: { type: 'string', format: 'uuid' }, description: '关联案件' },
    cases: { type: 'array', items: obj({ id: { type: 'string', format: 'uuid' }, number: { type: 'integer' }, title: nullable('string') }), description: '关联案件（当前用户可见的）' },
    status: { type: 'string', enum: ['draft', 'signed'], description: '草稿、已签批' },
    createdBy: str(), createdAt: dateTime(), signedBy: nullable('string'), signedAt: nullableDateTime(), signOffNote: nullable('string', { description: '签批意见' }),
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
