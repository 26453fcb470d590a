// 试算影响 beside 部署: the pack as edited (not deployed) re-routes the past cases of a period in
// the user's area (POST /api/packs/whatif); the figures, from → to, the rules whose hits move and
// the cases, each linked. Read-only on the server.
import { Alert, Button, Input, Space, Statistic, Tag } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client';
import type { PackFiles, WhatIfReport } from '../api/types';
import { useI18n, type MessageKey } from '../app/i18n';
import { Link } from '../app/router';
import { useSession } from '../app/session';
import { SimpleTable } from '../app/SimpleTable';
import { Panel } from '../app/ui';

type Aspect = WhatIfReport['changes'][number]['changed'][number];
const ASPECT_KEYS: Record<Aspect, MessageKey> = {
  departments: 'aspectDepartments', level: 'aspectLevel', joint: 'aspectJoint', leadUnit: 'aspectLeadUnit', caseClass: 'aspectCaseClass', dueIn: 'aspectDueIn',
};

/** A day in Beijing time, `days` before today. */
function dayBefore(days: number): string {
  return new Date(Date.now() + 8 * 3600_000 - days * 24 * 3600_000).toISOString().slice(0, 10);
}

export function WhatIfPanel({ files, onReport }: { files: PackFiles; onReport: (r: WhatIfReport | undefined) => void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const [from, setFrom] = useState(dayBefore(90));
  const [to, setTo] = useState(dayBefore(-1));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [report, setReport] = useState<WhatIfReport>();

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await api.whatIfPack(files, { from, to });
      setReport(r);
      onReport(r);
    } catch (e) {
      setError(e);
      setReport(undefined);
      onReport(undefined);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Panel title={t('whatIf')} testId="whatif-panel">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <span style={{ color: '#595959' }}>{t('whatIfHint')}</span>
        <Space wrap>
          <span>{t('whatIfFrom')}</span>
          <Input type="date" size="small" style={{ width: 150 }} value={from} onChange={(e) => setFrom(e.target.value)} data-testid="whatif-from" />
          <span>{t('whatIfTo')}</span>
          <Input type="date" size="small" style={{ width: 150 }} value={to} onChange={(e) => setTo(e.target.value)} data-testid="whatif-to" />
          <Button loading={busy} disabled={!from || !to} onClick={() => void run()} data-testid="whatif-run">{t('whatIfRun')}</Button>
        </Space>
        {error !== undefined && (
          <Alert type="error" showIcon data-testid="whatif-error" title={error instanceof Error ? error.message : String(error)}
            description={error instanceof ApiError && error.details.length > 0 && (
              <ul style={{ margin: 0, paddingLeft: 18 }}>{error.details.map((d, i) => <li key={i}>{d.file ? `${d.file}：` : ''}{d.message}</li>)}</ul>
            )} />
        )}
        {report && <WhatIfResult report={report} />}
      </Space>
    </Panel>
  );
}

function WhatIfResult({ report }: { report: WhatIfReport }) {
  const { t } = useI18n();
  const figures: [MessageKey, number, string][] = [
    ['whatIfCases', report.cases, 'whatif-cases'], ['whatIfChanged', report.changedCases, 'whatif-changed'],
    ['whatIfDepartments', report.changed.departments, 'whatif-departments'], ['whatIfLevel', report.changed.level, 'whatif-level'],
    ['whatIfJoint', report.changed.joint, 'whatif-joint'], ['whatIfDueIn', report.changed.dueIn, 'whatif-duein'],
  ];
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="whatif-result">
      {report.truncated && <Alert type="warning" showIcon title={t('whatIfTruncated', { max: report.maxCases, n: report.cases })} />}
      {report.missingRuleSets.map((m) => <Alert key={m.ruleSet} type="warning" showIcon title={t('whatIfRuleSetGone', { name: m.ruleSet, n: m.decisions })} />)}
      {report.conflicts > 0 && <Alert type="warning" showIcon title={t('whatIfConflicts', { n: report.conflicts })} />}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 24 }}>
        {figures.map(([key, value, testId]) => (
          <div key={key} data-testid={testId}><Statistic title={t(key)} value={value} /></div>
        ))}
      </div>
      {report.changedCases === 0 && <Alert type="success" showIcon title={t('whatIfNone')} data-testid="whatif-none" />}
      {report.transitions.length > 0 && (
        <>
          <strong>{t('whatIfTransitions')}</strong>
          <SimpleTable rows={report.transitions} rowKey={(r) => `${r.from}→${r.to}`} rowTestId={() => 'whatif-transition'} columns={[
            { key: 'from', title: t('whatIfFromTo'), render: (r) => r.from },
            { key: 'to', title: t('whatIfToCol'), render: (r) => r.to },
            { key: 'count', title: t('whatIfCount'), render: (r) => r.count, width: 90 },
          ]} />
        </>
      )}
      {report.rules.length > 0 && (
        <>
          <strong>{t('whatIfRules')}</strong>
          <SimpleTable rows={report.rules} rowKey={(r) => `${r.ruleSet}/${r.rule}`} rowTestId={() => 'whatif-rule'} columns={[
            { key: 'rule', title: t('whatIfRule'), render: (r) => r.rule },
            { key: 'before', title: t('whatIfBefore'), render: (r) => r.before, width: 90 },
            { key: 'after', title: t('whatIfAfter'), render: (r) => r.after, width: 90 },
          ]} />
        </>
      )}
      {report.changes.length > 0 && (
        <>
          <strong>{t('whatIfChangedCases')}</strong>
          <SimpleTable rows={report.changes} rowKey={(r) => `${r.caseId}/${r.elementId ?? ''}`} rowTestId={() => 'whatif-case'} columns={[
            { key: 'number', title: t('caseNo'), render: (r) => <Link to={`/cases/${r.caseId}`}>{r.number}</Link>, width: 90 },
            { key: 'title', title: t('caseTitle'), render: (r) => r.title ?? '' },
            { key: 'what', title: t('whatIfWhat'), render: (r) => (
              <Space size={4} wrap>{r.changed.map((a) => <Tag key={a} color="orange">{t(ASPECT_KEYS[a])}</Tag>)}</Space>
            ) },
          ]} />
        </>
      )}
    </Space>
  );
}

/** The figures beside the deploy button once a replay ran. */
export function WhatIfBadge({ report }: { report: WhatIfReport }) {
  const { t } = useI18n();
  return <Tag color={report.changedCases ? 'orange' : 'green'} data-testid="whatif-badge">{t('whatIfSummary', { changed: report.changedCases, cases: report.cases })}</Tag>;
}
