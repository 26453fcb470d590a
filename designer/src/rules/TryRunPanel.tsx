// 试运行：evaluate the rule set being edited against sample facts, in the browser (decide() is
// pure), and show the decision with its explanation.
import { decide, type OrgModel, type RoutingFacts, type RoutingResult, type RuleSet } from '@yizhan/rules';
import { Alert, Button, Input, Space } from 'antd';
import { useState } from 'react';
import { DecisionView, ExplanationView } from './ExplanationView';

export const SAMPLE_FACTS = JSON.stringify({ case: { type: '劳资纠纷', channel: '来访', unit: '', partyCount: 2 }, data: {} }, null, 2);

export function TryRunPanel({ ruleSet, org, initialFacts }: { ruleSet: RuleSet; org: OrgModel; initialFacts?: string }) {
  const [facts, setFacts] = useState(initialFacts ?? SAMPLE_FACTS);
  const [result, setResult] = useState<RoutingResult>();
  const [error, setError] = useState<string>();
  const run = async () => {
    setError(undefined);
    setResult(undefined);
    try {
      const parsed = JSON.parse(facts) as RoutingFacts;
      setResult(await decide(ruleSet, parsed, org));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="try-run">
      <Input.TextArea rows={8} value={facts} onChange={(e) => setFacts(e.target.value)} style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="try-run-facts" />
      <Button type="primary" onClick={() => void run()} data-testid="try-run-button">运行</Button>
      {error && <Alert type="error" title={error} />}
      {result && (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="try-run-result">
          <DecisionView decision={result.decision as unknown as Record<string, unknown>} />
          <ExplanationView explanation={result.explanation} />
        </Space>
      )}
    </Space>
  );
}
