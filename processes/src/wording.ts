// The Chinese words the pack validator and the web app share — bpmnlint findings, 调处结果 and 满意度
// labels — so that what the designer's canvas says is what a deploy check says. Browser-safe: no
// imports (the web app imports this file alone, as `@yizhan/packs/wording`).

/** Chinese wording for bpmnlint's `recommended` rules' findings (rule → message). */
export const LINT_WORDING: Readonly<Record<string, string>> = {
  'label-required': '缺少名称（name）：流程节点和网关的分支都要有名称，办理人才能看懂',
  'no-bpmndi': '缺少图形信息（BPMN DI）：请用流程设计器或 Camunda Modeler 保存，或运行 processes/scripts/layout.ts 生成布局',
  'no-disconnected': '节点未连接到流程中（没有进入或离开的连线）',
  'no-implicit-start': '节点没有进入的连线，会成为隐含的开始',
  'no-implicit-end': '节点没有离开的连线，会成为隐含的结束',
  'no-implicit-split': '一个节点有多条离开的连线但没有网关：请用排他网关或并行网关显式分支',
  'conditional-flows': '网关的分支连线缺少条件（也没有设为默认分支）',
  'end-event-required': '流程缺少结束事件',
  'start-event-required': '流程缺少开始事件',
  'single-blank-start-event': '流程有多个无类型的开始事件',
  'no-duplicate-sequence-flows': '重复的连线（同一来源和目标）',
  'no-gateway-join-fork': '同一个网关既汇合又分支：请拆成两个网关',
  'no-complex-gateway': '不支持复杂网关',
  'single-event-definition': '一个事件只能有一个事件定义',
  'fake-join': '任务有多条进入的连线：请用网关汇合',
  'superfluous-gateway': '多余的网关（只有一进一出）',
  'no-inclusive-gateway': '不建议使用包容网关',
  'no-overlapping-elements': '图形元素重叠',
};

/** The Chinese message for a bpmnlint finding; bpmnlint's own (English) message for a rule without one. */
export function lintWording(rule: string, bpmnlintMessage: string): string {
  return LINT_WORDING[rule] ?? bpmnlintMessage;
}

/** 一事一评价: the `satisfaction` values of the `evaluation` form, and their labels (ui:enumNames). */
export const SATISFACTION = ['satisfied', 'basic', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION)[number];
export const SATISFACTION_LABELS = ['满意', '基本满意', '不满意'] as const;

/** 调处结果: every handling form's `result` values, and their labels. */
export const RESULTS = ['success', 'failed'] as const;
export type Result = (typeof RESULTS)[number];
export const RESULT_LABELS = ['调处成功', '未成功'] as const;

/** Value → label. */
export const SATISFACTION_LABEL = Object.fromEntries(SATISFACTION.map((v, i) => [v, SATISFACTION_LABELS[i]])) as Readonly<Record<Satisfaction, string>>;
export const RESULT_LABEL = Object.fromEntries(RESULTS.map((v, i) => [v, RESULT_LABELS[i]])) as Readonly<Record<Result, string>>;

/**
 * 分流决定: the decision fields the packs' rule sets set (event params and defaults), in a clerk's
 * words, for the rules editor, the 试运行 result and the case view's 分流决定. A field not listed
 * shows as written.
 */
export const DECISION_FIELD_LABEL: Readonly<Record<string, string>> = {
  departments: '办理部门', level: '办理层级', leadUnit: '牵头单位', joint: '联合调解', caseClass: '纠纷等级', dueIn: '办理时限',
  handling: '办理方式', onSite: '窗口单位现场调处', reportBack: '办结后向中心回报', takeBack: '带回后台办理',
  method: '接诊方式', countyDepartments: '县级部门', acceptWithin: '受理时限', linkage: '联动单位', feedbackTo: '反馈部门',
  answerDirectly: '中心直接答复', courtReferred: '法院委派调解', atVillage: '村（社区）化解', atTownship: '乡镇化解',
  supervised: '领导督办', townshipCentre: '乡镇综治中心', leaderInCharge: '包案领导',
};

/** The values of decision fields that are codes (`handling: onSite`), in words. */
export const DECISION_VALUE_LABEL: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  level: { county: '县级', township: '乡镇级', village: '村（社区）级', grid: '网格' },
  caseClass: { general: '一般纠纷', larger: '较大纠纷', major: '重大疑难纠纷' },
  handling: {
    atCentre: '中心直接办理', backOffice: '转后台部门办理', dispatch: '派单办理', joint: '联合调解',
    local: '属地办理', onSite: '窗口单位现场调处', takeBack: '带回部门办理',
  },
  linkage: { court: '法院（诉调对接）', petition: '信访（访调对接）', police: '公安（警调对接）' },
};
