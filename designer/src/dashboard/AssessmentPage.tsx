// 考核排名: a pack's assessment (its assessment.json) for a month, quarter or year — per group
// (departments, townships) the ranking with each indicator's points, red-listed units marked; a
// click on a unit's lost points drills down to the cases behind them; a proposed scheme (JSON) can
// be previewed without deploying it; the bulletin (通报) downloads as Word or Excel.
import { Alert, Button, Input, Segmented, Select, Space, Table, Tag } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ErrorAlert, formatTime, StatusTag } from '../app/common';
import { useI18n } from '../app/i18n';
import { Link } from '../app/router';
import { useSession } from '../app/session';
import { Panel, PageTitle, useToast } from '../app/ui';
import { useLoad } from '../app/use-load';
import { useNarrow } from '../app/use-narrow';
import { ApiError } from '../api/client';
import type { CaseStatus } from '../api/types';
import type { components } from '../api/schema';
import { RESULT_LABEL, SATISFACTION_LABEL } from '@yizhan/packs/wording';
import { download } from './stats-api';

type Report = components['schemas']['AssessmentReport'];
type UnitScore = Report['units'][number];
type AssessmentCase = components['schemas']['AssessmentCase'];
type PeriodKind = 'month' | 'quarter' | 'year';

const TOKEN_KEY = 'yizhan.token';

/** The period keys of the last two years, newest first, by kind (2026-03, 2026-Q1, 2026). */
function periods(kind: PeriodKind, now = new Date()): string[] {
  const y = now.getFullYear();
  const out: string[] = [];
  if (kind === 'year') return [String(y), String(y - 1)];
  if (kind === 'quarter') {
    for (let yy = y; yy >= y - 1; yy--) for (let q = 4; q >= 1; q--) if (yy < y || (q - 1) * 3 <= now.getMonth()) out.push(`${yy}-Q${q}`);
    return out;
  }
  for (let yy = y; yy >= y - 1; yy--) for (let m = 12; m >= 1; m--) if (yy < y || m - 1 <= now.getMonth()) out.push(`${yy}-${String(m).padStart(2, '0')}`);
  return out;
}

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

export default function AssessmentPage() {
  const { api } = useSession();
  const { t, lang } = useI18n();
  const narrow = useNarrow();
  const toast = useToast();
  const drillRef = useRef<HTMLDivElement>(null);
  const packs = useLoad(() => api.request<{ packId: string; name: string | null }[]>('GET', '/api/packs'), []);
  const [packId, setPackId] = useState<string | null>(null);
  const [kind, setKind] = useState<PeriodKind>('quarter');
  const [period, setPeriod] = useState<string>(() => periods('quarter')[0]);
  const [group, setGroup] = useState<string | undefined>(undefined);
  const [drill, setDrill] = useState<{ unit: UnitScore; indicator?: string } | null>(null);
  const [draft, setDraft] = useState<string | null>(null);
  const [preview, setPreview] = useState<Report | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);

  const pack = packId ?? packs.data?.[0]?.packId ?? null;
  const report = useLoad(
    () => (pack ? api.request<Report>('GET', `/api/assessment/${encodeURIComponent(pack)}`, undefined, { period, ...(group ? { group } : {}) }) : Promise.resolve(null)),
    [pack, period, group],
  );
  const cases = useLoad(
    () => (pack && drill
      ? api.request<AssessmentCase[]>('GET', `/api/assessment/${encodeURIComponent(pack)}/cases`, undefined, {
        period, unit: drill.unit.unit, limit: 500, ...(group ? { group } : {}), ...(drill.indicator ? { indicator: drill.indicator } : {}),
      })
      : Promise.resolve([])),
    [pack, period, group, drill?.unit.unit, drill?.indicator],
  );
  useEffect(() => {
    if (drill) drillRef.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  }, [drill]);
  useEffect(() => { setPreview(null); setDrill(null); }, [pack, period, group]);

  const shown = preview ?? report.data;
  // A pack without a scheme is not a failure: the county has simply not written one yet.
  const noScheme = report.error instanceof ApiError && report.error.code === 'ASSESSMENT_NOT_FOUND';
  const indicatorLabel = (key: string | undefined) => shown?.indicators.find((i) => i.key === key)?.label ?? key;

  const runPreview = async () => {
    if (!pack || draft === null) return;
    setPreviewError(null);
    let scheme: unknown;
    try {
      scheme = JSON.parse(draft);
    } catch (e) {
      setPreviewError(new Error(t('assessSchemeNotJson', { reason: e instanceof Error ? e.message : String(e) })));
      return;
    }
    try {
      setPreview(await api.request<Report>('POST', `/api/assessment/${encodeURIComponent(pack)}/preview`, { period, scheme, ...(group ? { group } : {}) }));
    } catch (e) {
      setPreviewError(e);
    }
  };
  const openDraft = async () => {
    if (!pack) return;
    try {
      const files = await api.request<{ files: Record<string, string> }>('GET', `/api/packs/${encodeURIComponent(pack)}/files`);
      const manifest = JSON.parse(files.files['pack.json'] ?? '{}') as { assessment?: string };
      setDraft(files.files[manifest.assessment ?? 'assessment.json'] ?? '');
    } catch (e) {
      toast.error(e instanceof Error ? e.message : String(e));
    }
  };
  const bulletin = (format: 'docx' | 'xlsx') => {
    if (!pack) return;
    download(`/api/assessment/${encodeURIComponent(pack)}/bulletin?period=${period}&format=${format}`, window.localStorage.getItem(TOKEN_KEY), `考核通报.${format}`)
      .catch((e: unknown) => toast.error(e instanceof Error ? e.message : String(e)));
  };

  // on a phone the rank, the unit and its total stay in view while the indicators scroll
  const pinned = narrow ? { fixed: 'left' as const } : {};
  const columns = useMemo(() => [
    { title: t('assessRank'), key: 'rank', width: narrow ? 44 : 64, ...pinned, render: (_: unknown, u: UnitScore) => u.rank },
    {
      title: t('assessUnit'), key: 'name', ...pinned,
      render: (_: unknown, u: UnitScore) => <Button type="link" size="small" style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left', height: 'auto', maxWidth: narrow ? 140 : undefined }} onClick={() => setDrill({ unit: u })}>{u.name}</Button>,
    },
    {
      title: narrow ? t('assessTotalShort') : t('assessTotal', { total: shown?.scheme.total ?? 1000 }), key: 'total', align: 'right' as const, ...pinned,
      render: (_: unknown, u: UnitScore) => <b style={{ color: u.red ? '#cf1322' : undefined }}>{u.total}</b>,
    },
    { title: t('assessRed'), key: 'red', render: (_: unknown, u: UnitScore) => (u.red ? <Tag color="error">{t('assessRedTag')}</Tag> : null) },
    ...(shown?.indicators ?? []).map((ind, k) => ({
      title: `${ind.label}（${ind.weight}）`, key: ind.key, align: 'right' as const,
      render: (_: unknown, u: UnitScore) => {
        const s = u.indicators[k];
        const value = ind.kind === 'rate' ? pct(s.value) : String(s.value ?? 0);
        return (
          <span title={`${ind.figureLabel}：${value}（${s.basis}）`}>
            {s.lost > 0
              ? <Button type="link" size="small" danger style={{ padding: 0 }} data-testid={`lost-${u.unit}-${ind.key}`} onClick={() => setDrill({ unit: u, indicator: ind.key })}>{s.points}</Button>
              : s.points}
            <span style={{ color: '#8c8c8c', fontSize: 12, marginLeft: 4 }}>{value}</span>
          </span>
        );
      },
    })),
  ], [shown, lang, narrow]);

  const groupSwitch = shown && (
    <Segmented<string>
      value={shown.group.key}
      onChange={(v) => setGroup(v)}
      options={shown.groups.map((g) => ({ value: g.key, label: g.label }))}
      data-testid="assess-group"
    />
  );

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="assessment">
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <PageTitle testId="assessment-title">{t('navAssessment')}</PageTitle>
        <Select
          style={{ minWidth: 200 }} value={pack ?? undefined} onChange={(v) => setPackId(v)} data-testid="assess-pack" aria-label={t('assessPack')}
          options={(packs.data ?? []).map((p) => ({ value: p.packId, label: p.name ?? p.packId }))}
        />
        <Segmented<PeriodKind>
          value={kind}
          onChange={(v) => { setKind(v); setPeriod(periods(v)[0]); }}
          options={[{ value: 'month', label: t('assessMonth') }, { value: 'quarter', label: t('assessQuarter') }, { value: 'year', label: t('assessYear') }]}
          data-testid="assess-kind"
        />
        <Select style={{ width: 130 }} value={period} onChange={setPeriod} options={periods(kind).map((p) => ({ value: p, label: p }))} data-testid="assess-period" aria-label={t('assessPeriod')} />
        <span style={{ flex: 1 }} />
        <Button onClick={() => bulletin('docx')} disabled={noScheme} data-testid="bulletin-docx">{t('assessBulletinDocx')}</Button>
        <Button onClick={() => bulletin('xlsx')} disabled={noScheme} data-testid="bulletin-xlsx">{t('assessBulletinXlsx')}</Button>
      </div>
      {noScheme
        ? <Alert type="info" showIcon title={t('assessNoScheme')} description={t('assessNoSchemeHint')} data-testid="assess-no-scheme" />
        : <ErrorAlert error={report.error} onRetry={report.reload} />}
      {shown && (
        <Panel
          title={`${shown.period.label} · ${shown.scheme.name}`}
          testId="assess-ranking"
          extra={narrow ? undefined : groupSwitch}
        >
          {narrow && <div style={{ marginBottom: 8, overflowX: 'auto' }}>{groupSwitch}</div>}
          {preview && (
            <Alert
              type="warning" showIcon style={{ marginBottom: 12 }} data-testid="preview-banner"
              title={t('assessPreviewing')}
              action={<Button size="small" onClick={() => setPreview(null)}>{t('assessPreviewEnd')}</Button>}
            />
          )}
          <div style={{ color: '#8c8c8c', fontSize: 12, marginBottom: 8 }}>
            {t('assessHint', { red: shown.scheme.redLine ?? '—', days: shown.scheme.backlogDays })}
          </div>
          <Table<UnitScore>
            size="small" rowKey="unit" scroll={{ x: 'max-content' }} dataSource={shown.units} pagination={false} loading={report.loading}
            columns={columns}
            rowClassName={(u) => (u.red ? 'assess-red-row' : '')}
            onRow={(u) => ({ style: u.red ? { background: '#fff1f0' } : undefined })}
          />
        </Panel>
      )}
      {drill && (
        <div ref={drillRef} style={{ scrollMarginTop: 12 }}>
          <Panel
            title={drill.indicator ? t('assessDrillLost', { unit: drill.unit.name, indicator: indicatorLabel(drill.indicator) ?? '' }) : t('assessDrillAll', { unit: drill.unit.name })}
            extra={<Button size="small" onClick={() => setDrill(null)}>{t('dashClose')}</Button>}
            testId="assess-drill"
          >
            <ErrorAlert error={cases.error} onRetry={cases.reload} />
            <Table<AssessmentCase>
              size="small" rowKey="id" scroll={{ x: 'max-content' }} dataSource={cases.data ?? []} loading={cases.loading}
              pagination={{ pageSize: 10, showSizeChanger: false }}
              columns={[
                { title: t('caseNo'), key: 'number', render: (_: unknown, c) => <Link to={`/cases/${c.id}`}>#{c.number}</Link> },
                { title: t('type'), dataIndex: 'type', key: 'type' },
                { title: t('createdAt'), key: 'createdAt', render: (_: unknown, c) => formatTime(c.createdAt) },
                { title: t('status'), key: 'status', render: (_: unknown, c) => <StatusTag status={c.status as CaseStatus} /> },
                { title: t('assessTasksOnTime'), key: 'tasks', render: (_: unknown, c) => `${c.tasksOnTime} / ${c.tasks}` },
                { title: t('assessOverdueTasks'), key: 'overdue', render: (_: unknown, c) => (c.overdueTasks ? <Tag color="error">{c.overdueTasks}</Tag> : 0) },
                { title: t('dashResult'), key: 'result', render: (_: unknown, c) => (c.result ? RESULT_LABEL[c.result as keyof typeof RESULT_LABEL] ?? c.result : '—') },
                { title: t('dashRating'), key: 'satisfaction', render: (_: unknown, c) => (c.satisfaction ? SATISFACTION_LABEL[c.satisfaction as keyof typeof SATISFACTION_LABEL] ?? c.satisfaction : '—') },
                { title: t('assessReturns'), dataIndex: 'returns', key: 'returns' },
                {
                  title: t('assessFlags'), key: 'flags',
                  render: (_: unknown, c) => (
                    <Space size={4} wrap>
                      {c.supervised && <Tag color="orange">{t('assessSupervised')}</Tag>}
                      {c.firstContact && <Tag color="green">{t('assessFirstContact')}</Tag>}
                      {c.backlog && <Tag color={c.backlogResolved ? 'blue' : 'red'}>{c.backlogResolved ? t('assessBacklogResolved') : t('assessBacklog')}</Tag>}
                    </Space>
                  ),
                },
              ]}
            />
          </Panel>
        </div>
      )}
      <Panel
        title={t('assessPreviewTitle')} testId="assess-preview"
        extra={draft === null ? <Button size="small" onClick={openDraft} data-testid="preview-open">{t('assessPreviewOpen')}</Button> : null}
      >
        {draft === null ? <div style={{ color: '#8c8c8c' }}>{t('assessPreviewIntro')}</div> : (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Input.TextArea value={draft} onChange={(e) => setDraft(e.target.value)} autoSize={{ minRows: 8, maxRows: 24 }} style={{ fontFamily: 'monospace', fontSize: 12 }} data-testid="preview-scheme" spellCheck={false} />
            <ErrorAlert error={previewError} />
            <Space>
              <Button type="primary" onClick={runPreview} data-testid="preview-run">{t('assessPreviewRun')}</Button>
              <Button onClick={() => { setDraft(null); setPreview(null); setPreviewError(null); }}>{t('dashClose')}</Button>
            </Space>
          </Space>
        )}
      </Panel>
    </Space>
  );
}
