// "为什么分流到这里": the decision, the sentence, and every rule with its conditions as evaluated.
// Used by the case view and by the rules editor's 试运行 panel.
import type { ConditionTrace, Explanation } from '@yizhan/rules';
import { Collapse, Descriptions, Space, Tag, Typography } from 'antd';
import { useI18n } from '../app/i18n';

function ConditionLine({ trace, depth = 0 }: { trace: ConditionTrace; depth?: number }) {
  const mark = trace.evaluated ? (trace.result ? '✔' : '✘') : '·';
  const color = !trace.evaluated ? '#999' : trace.result ? '#389e0d' : '#cf1322';
  const pad = { paddingLeft: depth * 16 };
  switch (trace.kind) {
    case 'fact':
      return <div style={pad}><span style={{ color }}>{mark}</span> {trace.name ?? trace.text}</div>;
    case 'all':
    case 'any':
      return (
        <div style={pad}>
          {depth > 0 && <div><span style={{ color }}>{mark}</span> {trace.kind === 'all' ? '全部满足' : '任一满足'}{trace.name ? `：${trace.name}` : ''}</div>}
          {trace.conditions.map((c, i) => <ConditionLine key={i} trace={c} depth={depth > 0 ? 1 : 0} />)}
        </div>
      );
    case 'not':
      return <div style={pad}><span style={{ color }}>{mark}</span> 并非：<ConditionLine trace={trace.condition} depth={1} /></div>;
    case 'reference':
      return (
        <div style={pad}>
          <span style={{ color }}>{mark}</span> 共享条件「{trace.reference}」
          {trace.condition && <ConditionLine trace={trace.condition} depth={1} />}
        </div>
      );
  }
}

// The well-known decision fields in a clerk's words; other fields (event params) show as written.
const DECISION_LABELS: Record<string, string> = {
  departments: '办理部门', level: '办理层级', leadUnit: '牵头单位', joint: '联合调解', caseClass: '纠纷等级', dueIn: '办理时限',
};
const VALUE_LABELS: Record<string, Record<string, string>> = {
  level: { county: '县级', township: '乡镇级', village: '村（社区）级', grid: '网格' },
  caseClass: { general: '一般纠纷', larger: '较大纠纷', major: '重大疑难纠纷' },
};

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
    if (typeof v === 'string') return VALUE_LABELS[k]?.[v] ?? (k === 'leadUnit' ? name(v) : v);
    if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? name(x) : JSON.stringify(x))).join('、');
    return JSON.stringify(v);
  };
  return (
    <Descriptions size="small" bordered column={1} items={Object.entries(decision).map(([k, v]) => ({
      key: k, label: DECISION_LABELS[k] ?? k, children: text(k, v),
    }))} />
  );
}

export function ExplanationView({ explanation }: { explanation: Explanation }) {
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
              <ConditionLine trace={r.conditions} />
            </div>
          ),
        }))}
      />
    </Space>
  );
}
