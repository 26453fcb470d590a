// 分流规则编辑器: hit policy, defaults, rules (visual conditions in react-querybuilder, decision
// fields), a JSON view, problems from the rules package's validator (and the server's deploy
// check) on the offending rule, and the 试运行 panel.
import { loadRuleSet, RuleSetInvalidError, validateRuleSet, type OrgModel, type RuleProblem, type RuleSet } from '@yizhan/rules';
import { Alert, Button, Card, Col, Collapse, Input, InputNumber, Row, Segmented, Select, Space, Tag, Typography } from 'antd';
import { loadFormDefinition, type FormDefinition } from '@yizhan/forms';
import { useMemo, useState } from 'react';
import { useI18n, type MessageKey } from '../app/i18n';
import { DecisionEditor } from './DecisionEditor';
import { QueryEditor } from './QueryEditor';
import { TryRunPanel } from './TryRunPanel';

export interface RulesEditorProps {
  /** The rule-set file's text. */
  text: string;
  onChange: (text: string) => void;
  org: OrgModel;
  /** Problems from elsewhere (the server's deploy check), pointers into this file. */
  problems?: { pointer?: string; message: string }[];
  /** Intake form fields, offered as `data.<field>` in conditions. */
  dataFields?: { name: string; label: string }[];
  sampleFacts?: string;
  /** The intake form's file text: 试运行 fills the facts in with it. */
  intakeFormText?: string;
}

function intakeDefinition(text: string | undefined): FormDefinition | undefined {
  if (!text) return undefined;
  try {
    return loadFormDefinition(JSON.parse(text));
  } catch {
    return undefined;
  }
}

const HIT_POLICIES: { value: string; label: MessageKey }[] = [
  { value: 'FIRST', label: 'hitFirst' },
  { value: 'COLLECT', label: 'hitCollect' },
  { value: 'UNIQUE', label: 'hitUnique' },
];

function parse(text: string): { ruleSet?: RuleSet; problems: RuleProblem[]; syntax?: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { problems: [], syntax: e instanceof Error ? e.message : String(e) };
  }
  try {
    return { ruleSet: loadRuleSet(json), problems: [] };
  } catch (e) {
    if (e instanceof RuleSetInvalidError) return { ruleSet: json as RuleSet, problems: e.details };
    throw e;
  }
}

export function RulesEditor({ text, onChange, org, problems: external = [], dataFields, sampleFacts, intakeFormText }: RulesEditorProps) {
  const intakeForm = useMemo(() => intakeDefinition(intakeFormText), [intakeFormText]);
  const { t } = useI18n();
  const viewOptions = [{ value: 'visual', label: t('visualView') }, { value: 'json', label: t('jsonView') }];
  const [view, setView] = useState<'visual' | 'json'>('visual');
  const [jsonText, setJsonText] = useState(text);
  const [open, setOpen] = useState<string[]>([]);
  const parsed = useMemo(() => parse(text), [text]);
  const rs = parsed.ruleSet;
  const problems = useMemo(() => {
    if (!rs || parsed.problems.length) return parsed.problems;
    return validateRuleSet(rs, { org });
  }, [rs, parsed.problems, org]);
  const all = [...problems, ...external];
  const ruleProblems = (i: number) => all.filter((p) => p.pointer === `/rules/${i}` || p.pointer?.startsWith(`/rules/${i}/`));

  const write = (next: RuleSet) => {
    const t = `${JSON.stringify(next, null, 2)}\n`;
    setJsonText(t);
    onChange(t);
  };
  const setRule = (i: number, patch: Partial<RuleSet['rules'][number]>) => rs && write({ ...rs, rules: rs.rules.map((r, j) => (j === i ? { ...r, ...patch } : r)) });

  if (view === 'json' || !rs) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        {rs && <Segmented value={view} onChange={(v) => setView(v as 'visual' | 'json')} options={viewOptions} />}
        {parsed.syntax && <Alert type="error" title={`${t('invalidJson')}：${parsed.syntax}`} />}
        <Input.TextArea rows={28} value={jsonText} onChange={(e) => { setJsonText(e.target.value); onChange(e.target.value); }}
          style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="rules-json" />
      </Space>
    );
  }

  const addRule = () => {
    let n = rs.rules.length + 1;
    while (rs.rules.some((r) => r.name === `新规则${n}`)) n++;
    write({ ...rs, rules: [...rs.rules, { name: `新规则${n}`, priority: 1, conditions: { all: [] }, event: { type: 'route', params: {} } }] });
    setOpen((o) => [...o, String(rs.rules.length)]);
  };

  return (
    <Row gutter={16}>
      <Col xs={24} xl={15}>
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="rules-editor">
          <Space wrap>
            <Segmented value={view} onChange={(v) => { setJsonText(text); setView(v as 'visual' | 'json'); }} options={viewOptions} />
            <Typography.Text strong>{rs.title ?? rs.name}</Typography.Text>
            <span>{t('hitPolicy')}</span>
            <Select size="small" style={{ width: 170 }} value={rs.hitPolicy} onChange={(v) => write({ ...rs, hitPolicy: v })} options={HIT_POLICIES.map((h) => ({ value: h.value, label: t(h.label) }))} />
            {Object.entries(rs.groups ?? {}).map(([g, def]) => <Tag key={g}>{def.title ?? g}：{def.hitPolicy}</Tag>)}
          </Space>
          {all.length > 0 && (
            <Alert type="error" showIcon title={t('rulesProblems', { n: all.length })} data-testid="rules-problems"
              description={<ul style={{ margin: 0, paddingLeft: 18 }}>{all.map((p, i) => <li key={i}><code>{p.pointer}</code> {p.message}</li>)}</ul>} />
          )}
          <Card size="small" title={t('defaultsHint')}>
            <DecisionEditor value={rs.defaults ?? {}} onChange={(d) => write({ ...rs, defaults: d })} org={org} />
          </Card>
          <Collapse
            activeKey={open}
            onChange={(k) => setOpen(k as string[])}
            items={rs.rules.map((rule, i) => {
              const bad = ruleProblems(i);
              return {
                key: String(i),
                label: (
                  <Space size={6} wrap data-testid={`rule-${i}`}>
                    <span>{rule.name}</span>
                    <Tag>P{rule.priority ?? 1}</Tag>
                    {rule.group && <Tag color="purple">{rs.groups?.[rule.group]?.title ?? rule.group}</Tag>}
                    {bad.length > 0 && <Tag color="error">{t('nProblems', { n: bad.length })}</Tag>}
                  </Space>
                ),
                children: (
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    {bad.map((p, j) => <Alert key={j} type="error" title={`${p.pointer} ${p.message}`} />)}
                    <Space wrap>
                      <span>{t('ruleName')}</span>
                      <Input size="small" style={{ width: 260 }} value={rule.name} onChange={(e) => setRule(i, { name: e.target.value })} data-testid="rule-name" />
                      <span>{t('priority')}</span>
                      <InputNumber size="small" min={1} value={rule.priority ?? 1} onChange={(v) => setRule(i, { priority: v ?? 1 })} />
                      <span>{t('group')}</span>
                      <Select size="small" allowClear style={{ width: 160 }} value={rule.group} onChange={(g) => setRule(i, { group: g })}
                        options={Object.entries(rs.groups ?? {}).map(([g, d]) => ({ value: g, label: d.title ?? g }))} />
                      <Button size="small" danger onClick={() => write({ ...rs, rules: rs.rules.filter((_, j) => j !== i) })}>{t('deleteRule')}</Button>
                    </Space>
                    <Input.TextArea size="small" rows={1} placeholder={t('description')} value={rule.description} onChange={(e) => setRule(i, { description: e.target.value || undefined })} />
                    <Typography.Text type="secondary">{t('conditions')}</Typography.Text>
                    <QueryEditor value={rule.conditions} onChange={(c) => setRule(i, { conditions: c })} sharedConditions={Object.keys(rs.conditions ?? {})} dataFields={dataFields} org={org} />
                    <Typography.Text type="secondary">{t('decision')}</Typography.Text>
                    <DecisionEditor value={rule.event.params ?? {}} onChange={(p) => setRule(i, { event: { ...rule.event, params: p } })} org={org} />
                  </Space>
                ),
              };
            })}
          />
          <Button onClick={addRule} data-testid="add-rule">+ {t('addRule')}</Button>
        </Space>
      </Col>
      <Col xs={24} xl={9}>
        <Card size="small" title={t('tryRun')}>
          {problems.length === 0 ? <TryRunPanel ruleSet={rs} org={org} initialFacts={sampleFacts} intakeForm={intakeForm} /> : <Typography.Text type="secondary">{t('fixRulesFirst')}</Typography.Text>}
        </Card>
      </Col>
    </Row>
  );
}
