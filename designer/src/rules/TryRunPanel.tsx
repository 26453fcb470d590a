// 试运行：evaluate the rule set being edited against sample facts, in the browser (decide() is
// pure), and show the decision with its explanation. The facts are filled in with the pack's
// intake form (the same form the clerk fills in at 受理登记: units and departments picked by name),
// or typed as JSON; the form's data becomes the facts as the engine builds them (routingFacts:
// `data` is the form, `case` its well-known fields).
import type { FormDefinition } from '@yizhan/forms';
import { CaseForm } from '@yizhan/forms/react';
import { decide, type OrgModel, type RoutingFacts, type RoutingResult, type RuleSet } from '@yizhan/rules';
import { Alert, Button, Input, Segmented, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../app/i18n';
import { DecisionView, ExplanationView } from './ExplanationView';

/** A department's or unit's name for its code; the code itself when the org does not know it. */
export function nameOf(org: OrgModel, code: string): string {
  return org.departments.find((d) => d.code === code)?.name ?? org.units.find((u) => u.code === code)?.name ?? code;
}

export const SAMPLE_FACTS = JSON.stringify({ case: { type: '劳资纠纷', channel: '来访', unit: '', partyCount: 2 }, data: {} }, null, 2);

/** The intake fields the engine also reads as `case.<field>` (engine/src/handlers/route.ts). */
const CASE_KEYS = ['type', 'channel', 'unit', 'amount', 'partyCount', 'units', 'departments'] as const;

/** The routing facts for intake data, as the engine builds them. */
export function factsFromIntake(data: Record<string, unknown>): RoutingFacts {
  const kase: Record<string, unknown> = {};
  for (const k of CASE_KEYS) if (data[k] !== undefined && data[k] !== '' && data[k] !== null) kase[k] = data[k];
  return { case: kase, data } as RoutingFacts;
}

export interface TryRunPanelProps {
  ruleSet: RuleSet;
  org: OrgModel;
  initialFacts?: string;
  /** The pack's intake form: the facts are filled in with it. */
  intakeForm?: FormDefinition;
}

export function TryRunPanel({ ruleSet, org, initialFacts, intakeForm }: TryRunPanelProps) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'form' | 'json'>(intakeForm ? 'form' : 'json');
  const [facts, setFacts] = useState(initialFacts ?? SAMPLE_FACTS);
  const [formData, setFormData] = useState<Record<string, unknown>>(() => {
    try {
      const parsed = JSON.parse(initialFacts ?? SAMPLE_FACTS) as RoutingFacts;
      const props = Object.keys(intakeForm?.schema.properties ?? {});
      return Object.fromEntries(Object.entries({ ...parsed.data, ...parsed.case }).filter(([k, v]) => props.includes(k) && v !== ''));
    } catch {
      return {};
    }
  });
  const [result, setResult] = useState<RoutingResult>();
  const [error, setError] = useState<string>();
  const run = async (given?: RoutingFacts) => {
    setError(undefined);
    setResult(undefined);
    try {
      setResult(await decide(ruleSet, given ?? (JSON.parse(facts) as RoutingFacts), org));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const name = (code: string) => nameOf(org, code);
  const fieldLabels = Object.fromEntries(Object.entries(intakeForm?.schema.properties ?? {})
    .map(([k, v]) => [k, typeof v === 'object' && typeof v.title === 'string' ? v.title : k]));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="try-run">
      {intakeForm && (
        <Segmented size="small" value={mode} onChange={(v) => setMode(v as 'form' | 'json')} data-testid="try-run-mode"
          options={[{ value: 'form', label: t('tryRunByForm') }, { value: 'json', label: 'JSON' }]} />
      )}
      {mode === 'form' && intakeForm ? (
        <div data-testid="try-run-form">
          <CaseForm definition={intakeForm} org={org} formData={formData} onChange={(d) => setFormData(d as Record<string, unknown>)}>
            {/* runs with what is filled in so far: a rule may be tried without every required field */}
            <Button type="primary" onClick={() => void run(factsFromIntake(formData))} data-testid="try-run-button">{t('run')}</Button>
          </CaseForm>
        </div>
      ) : (
        <>
          <Input.TextArea rows={8} value={facts} onChange={(e) => setFacts(e.target.value)} style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="try-run-facts" />
          <Button type="primary" onClick={() => void run()} data-testid="try-run-button">{t('run')}</Button>
        </>
      )}
      {error && <Alert type="error" title={error} />}
      {result && (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="try-run-result">
          <DecisionView decision={result.decision as unknown as Record<string, unknown>} name={name} />
          <ExplanationView explanation={result.explanation} name={name} fieldLabels={fieldLabels} />
        </Space>
      )}
    </Space>
  );
}
