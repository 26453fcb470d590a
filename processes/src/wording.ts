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
