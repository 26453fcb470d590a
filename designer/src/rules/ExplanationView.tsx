// "为什么分流到这里": the decision, the sentence, and every rule with its conditions as evaluated.
// Used by the case view and by the rules editor's 试运行 panel.
import { CASE_FIELDS, OPERATORS, ORG_FACTS, type ConditionTrace, type Explanation, type FactConditionTrace } from '@yizhan/rules';
import { Collapse, Descriptions, Space, Tag, Typography } from 'antd';
import { DECISION_FIELD_LABEL, DECISION_VALUE_LABEL } from '@yizhan/packs/wording';
import { useI18n } from '../app/i18n';

const SYMBOLS: Record<string, string> = {
  greaterThan: '>', greaterThanInclusive: '≥', lessThan: '<', lessThanInclusive: '≤', equal: '=', notEqual: '≠',
};

function shown(v: unknown, name: (code: string) => string): string {
  if (v === undefined || v === null) return '（未填写）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string') return name(v);
  if (Array.isArray(v)) return v.length ? v.map((x) => shown(x, name)).join('、') : '（无）';
  return typeof v === 'number' ? String(v) : JSON.stringify(v);
}

/**
 * A named condition's test with its values, e.g. 「涉案金额 12000 ≥ 10000」 (its name alone hides the
 * threshold); undefined when it was not evaluated.
 */
export function thresholdText(trace: FactConditionTrace, name: (code: string) => string = (c) => c, fieldLabels: Record<string, string> = {}): string | undefined {
  if (!trace.evaluated) return undefined;
  const key = trace.path?.replace(/^\$\./, '') ?? '';
  const label = trace.fact === 'case' && trace.path
    ? CASE_FIELDS[key]?.label ?? trace.path
    : trace.fact === 'data' && trace.path ? fieldLabels[key] ?? `表单字段 ${key}`
      : (ORG_FACTS as Record<string, { label: string } | undefined>)[trace.fact]?.label ?? trace.fact;
  const base = trace.operator.split(':').at(-1) ?? trace.operator;
  const op = SYMBOLS[base] ?? OPERATORS.find((o) => o.name === base)?.label ?? trace.operator;
  return `${label} ${shown(trace.actual, name)} ${op} ${shown(trace.expected, name)}`;
}

interface Words { name?: (code: string) => string; fieldLabels?: Record<string, string> }

function ConditionLine({ trace, depth = 0, name, fieldLabels }: { trace: ConditionTrace; depth?: number } & Words) {
  const mark = trace.evaluated ? (trace.result ? '✔' : '✘') : '·';
  const color = !trace.evaluated ? '#999' : trace.result ? '#389e0d' : '#cf1322';
  const pad = { paddingLeft: depth * 16 };
  switch (trace.kind) {
    case 'fact':
      return (
        <div style={pad}>
          <span style={{ color }}>{mark}</span> {trace.name ?? trace.text}
          {trace.name && thresholdText(trace, name, fieldLabels) && <span style={{ color: '#888' }} data-testid="condition-threshold">（{thresholdText(trace, name, fieldLabels)}）</span>}
        </div>
      );
    case 'all':
    case 'any':
      return (
        <div style={pad}>
          {depth > 0 && <div><span style={{ color }}>{mark}</span> {trace.kind === 'all' ? '全部满足' : '任一满足'}{trace.name ? `：${trace.name}` : ''}</div>}
          {trace.conditions.map((c, i) => <ConditionLine key={i} trace={c} depth={depth > 0 ? 1 : 0} name={name} fieldLabels={fieldLabels} />)}
        </div>
      );
    case 'not':
      return <div style={pad}><span style={{ color }}>{mark}</span> 并非：<ConditionLine trace={trace.condition} depth={1} name={name} fieldLabels={fieldLabels} /></div>;
    case 'reference':
      return (
        <div style={pad}>
          <span style={{ color }}>{mark}</span> 共享条件「{trace.reference}」
          {trace.condition && <ConditionLine trace={trace.condition} depth={1} name={name} fieldLabels={fieldLabels} />}
        </div>
      );
  }
}

// The decision fields in a clerk's words (shared with the pack validator); others show as written.
const DECISION_LABELS = DECISION_FIELD_LABEL;
const VALUE_LABELS = DECISION_VALUE_LABEL;

function durationLabel(v: string): string {
  const m = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?)?$/.exec(v);
  if (!m || v === 'P') return v;
  const [, w, d, h] = m;
  return [w && `${w}周`, d && `${d}天`, h && `${h}小时`].filter(Boolean).join('') || v;
}

export function DecisionView({ decision, name = (code) => code }: { decision: Record<string, unknown>; name?: (code: string) => string }) {
  const text = (k: string, v: unknown): string => {
    if (typeof v === 'boolean') return v ? '是' : '否';
    if (k === 'dueIn' && typeof v === 'string') return durationLabel(v);
    if (typeof v === 'string') return VALUE_LABELS[k]?.[v] ?? name(v);
    if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? name(x) : JSON.stringify(x))).join('、');
    return JSON.stringify(v);
  };
  return (
    <Descriptions size="small" bordered column={1} items={Object.entries(decision).map(([k, v]) => ({
      key: k, label: DECISION_LABELS[k] ?? k, children: text(k, v),
    }))} />
  );
}

export function ExplanationView({ explanation, name, fieldLabels }: { explanation: Explanation } & Words) {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="explanation">
      <Typography.Paragraph style={{ margin: 0 }} data-testid="explanation-summary">{explanation.summary}</Typography.Paragraph>
      <Collapse
        size="small"
        items={explanation.rules.map((r) => ({
          key: r.pointer,
          label: (
            <Space size={6} wrap>
              <span>{r.name}</span>
              {r.applied ? <Tag color="green">{t('ruleApplied')}</Tag> : r.fired ? <Tag color="blue">{t('ruleFired')}</Tag> : <Tag>{t('ruleNotFired')}</Tag>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.group ? `${r.group} · ` : ''}{r.hitPolicy} · P{r.priority}</Typography.Text>
            </Space>
          ),
          children: (
            <div style={{ fontSize: 13 }}>
              {r.description && <Typography.Paragraph type="secondary">{r.description}</Typography.Paragraph>}
              <ConditionLine trace={r.conditions} name={name} fieldLabels={fieldLabels} />
            </div>
          ),
        }))}
      />
    </Space>
  );
}
