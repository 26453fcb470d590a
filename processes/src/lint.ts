// bpmnlint's `recommended` configuration, run programmatically on the parsed definitions. Rules
// it rates `error` block a pack; `warn` findings are only reported on request. The Chinese wording
// (./wording.ts) is shared with the web app's modeler.
import { createRequire } from 'node:module';
import { Linter } from 'bpmnlint';
import NodeResolver from 'bpmnlint/lib/resolver/node-resolver';
import { lintWording } from './wording';

const require = createRequire(import.meta.url);

export interface LintFinding {
  rule: string;
  elementId?: string;
  message: string;
  severity: 'error' | 'warning';
}

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
        message: `${lintWording(rule, r.message)}（bpmnlint ${rule}：${r.message}）`,
        severity: r.category === 'warn' ? 'warning' : 'error',
      });
    }
  }
  return out;
}
