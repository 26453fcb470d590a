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

export function DecisionView({ decision }: { decision: Record<string, unknown> }) {
  return (
    <Descriptions size="small" bordered column={1} items={Object.entries(decision).map(([k, v]) => ({
      key: k, label: k, children: <code>{typeof v === 'string' ? v : JSON.stringify(v)}</code>,
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
