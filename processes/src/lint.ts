// bpmnlint's `recommended` configuration, run programmatically on the parsed definitions. Rules
// it rates `error` block a pack; `warn` findings are only reported on request.
import { createRequire } from 'node:module';
import { Linter } from 'bpmnlint';
import NodeResolver from 'bpmnlint/lib/resolver/node-resolver';

const require = createRequire(import.meta.url);

export interface LintFinding {
  rule: string;
  elementId?: string;
  message: string;
  severity: 'error' | 'warning';
}

/** Chinese wording for the recommended rules' findings. */
const WORDING: Record<string, string> = {
  'label-required': '缺少名称（name）：流程节点和网关的分支都要有名称，办理人才能看懂',
  'no-bpmndi': '缺少图形信息（BPMN DI）：请用 Camunda Modeler 保存，或运行 processes/scripts/layout.ts 生成布局',
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

export async function lintDefinitions(rootElement: unknown): Promise<LintFinding[]> {
  // A fresh linter per file: some rules (no-duplicate-sequence-flows) keep state between runs.
  const linter = new Linter({ config: { extends: 'bpmnlint:recommended' }, resolver: new NodeResolver({ require }) });
  const results = await linter.lint(rootElement);
  const out: LintFinding[] = [];
  for (const [rule, reports] of Object.entries(results)) {
    for (const r of reports) {
      if (r.category === 'off' || r.category === 'info') continue;
      out.push({
        rule,
        elementId: r.id,
        message: `${WORDING[rule] ?? r.message}（bpmnlint ${rule}：${r.message}）`,
        severity: r.category === 'warn' ? 'warning' : 'error',
      });
    }
  }
  return out;
}
