// 统计分析（督办看板）: the numbers the centres report — 受理数, 办结率, 调处成功率, 满意率, 按时办结率,
// 初访化解率, 积案化解率, 超期 — by type / unit / level / township (村、网格 rolled up) / department /
// month / 来源渠道 / 纠纷等级 / 办理层级 as bar, pie and trend charts; 红牌超期 and 黄牌预警
// lists; a click on a bar, a slice or a table row drills down to the cases; xlsx / CSV export.
import { Button, DatePicker, Segmented, Space, Spin, Table, Tabs, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { DueTag, ErrorAlert, formatTime, StatusTag } from '../app/common';
import { useI18n, type MessageKey } from '../app/i18n';
import { Link } from '../app/router';
import { useSession } from '../app/session';
import { Panel, PageTitle, useToast } from '../app/ui';
import SpikeAlerts from '../pages/SpikeAlerts';
import { useLoad } from '../app/use-load';
import { useNarrow } from '../app/use-narrow';
import type { CaseStatus, InboxTask } from '../api/types';
import { RESULT_LABEL, SATISFACTION_LABEL } from '@yizhan/packs/wording';
import { Chart, type ChartOption } from './Chart';
import {
  download, exportUrl, type DownloadProgress, fetchStats, fetchStatsCases, fetchTasks, GROUP_LABELS, percent,
  type Figures, type GroupBy, type StatsFilter, type StatsRow,
} from './stats-api';

const RATES: { key: keyof Figures; label: MessageKey; color: string }[] = [
  { key: 'closureRate', label: 'dashClosureRate', color: '#1f5fbf' },
  { key: 'successRate', label: 'dashSuccessRate', color: '#389e0d' },
  { key: 'satisfactionRate', label: 'dashSatisfactionRate', color: '#d48806' },
  { key: 'onTimeRate', label: 'dashOnTimeRate', color: '#722ed1' },
  { key: 'firstResolveRate', label: 'dashFirstResolveRate', color: '#08979c' },
  { key: 'backlogResolveRate', label: 'dashBacklogResolveRate', color: '#c41d7f' },
];
const GROUP_KEYS: Record<GroupBy, MessageKey> = {
  type: 'dashByType', unit: 'dashByUnit', level: 'dashByLevel', township: 'dashByTownship', department: 'dashByDepartment', month: 'dashByMonth',
  channel: 'dashByChannel', caseClass: 'dashByCaseClass', handlingLevel: 'dashByHandlingLevel',
};
/** The small share charts under the trend: a grouping each, with its panel title. */
const SHARES: { groupBy: GroupBy; title: MessageKey; testId: string }[] = [
  { groupBy: 'channel', title: 'dashChannelTitle', testId: 'chart-channel' },
  { groupBy: 'caseClass', title: 'dashCaseClassTitle', testId: 'chart-case-class' },
  { groupBy: 'handlingLevel', title: 'dashHandlingLevelTitle', testId: 'chart-handling-level' },
];
const TOKEN_KEY = 'yizhan.token';

const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

export default function DashboardPage() {
  const { api, org } = useSession();
  const { t, lang } = useI18n();
  const toast = useToast();
  const group = (g: GroupBy) => (lang === 'en' ? t(GROUP_KEYS[g]) : GROUP_LABELS[g]);
  const by = (g: GroupBy) => t('dashBy', { group: group(g) });
  const rate = (k: MessageKey) => t(k);
  const deptName = (code: string) => org.departments.find((d) => d.code === code)?.name ?? code;
  const drillRef = useRef<HTMLDivElement>(null);
  const [groupBy, setGroupBy] = useState<GroupBy>('type');
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [drill, setDrill] = useState<{ groupBy: GroupBy; key: string | null; label: string } | null>(null);
  const filter: StatsFilter = useMemo(() => ({
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.add(1, 'day').format('YYYY-MM-DD'),
  }), [range]);

  const stats = useLoad(() => fetchStats(api, groupBy, filter), [groupBy, filter]);
  const trend = useLoad(() => fetchStats(api, 'month', filter), [filter]);
  const levels = useLoad(() => fetchStats(api, 'level', filter), [filter]);
  const channels = useLoad(() => fetchStats(api, 'channel', filter), [filter]);
  const classes = useLoad(() => fetchStats(api, 'caseClass', filter), [filter]);
  const handlingLevels = useLoad(() => fetchStats(api, 'handlingLevel', filter), [filter]);
  const shareRows: Record<string, StatsRow[]> = {
    channel: channels.data?.rows ?? [], caseClass: classes.data?.rows ?? [], handlingLevel: handlingLevels.data?.rows ?? [],
  };
  const red = useLoad(() => fetchTasks(api, 'overdue'), []);
  const yellow = useLoad(() => fetchTasks(api, 'warning'), []);
  const cases = useLoad(
    () => (drill ? fetchStatsCases(api, drill.groupBy, drill.key, filter) : Promise.resolve([])),
    [drill?.groupBy, drill?.key, filter],
  );

  const rows = stats.data?.rows ?? [];
  const totals = stats.data?.totals;
  const narrow = useNarrow();
  const label = (r: StatsRow) => r.label ?? r.key ?? t('dashUnset');
  const drillTo = (g: GroupBy, r: StatsRow | undefined) => r && setDrill({ groupBy: g, key: r.key, label: label(r) });
  // The drill-down opens below the charts and tables: bring it into view.
  useEffect(() => {
    if (drill) drillRef.current?.scrollIntoView?.({ behavior: 'smooth', block: 'start' });
  }, [drill]);

  const barOption: ChartOption = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 48, right: 48, top: 56, bottom: 70 },
    xAxis: { type: 'category', data: rows.map(label), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
    yAxis: [{ type: 'value', name: t('dashUnitCases') }, { type: 'value', name: '%', max: 100 }],
    series: [
      { name: t('dashReceived'), type: 'bar', data: rows.map((r) => r.total), itemStyle: { color: '#91caff' } },
      { name: t('dashClosed'), type: 'bar', data: rows.map((r) => r.closed), itemStyle: { color: '#1f5fbf' } },
      { name: t('dashOverdue'), type: 'bar', data: rows.map((r) => r.overdue), itemStyle: { color: '#cf1322' } },
      // Categories have no order: the rates are points over each category, never a line across them.
      ...RATES.map((m) => ({ name: rate(m.label), type: 'scatter', symbol: 'diamond', symbolSize: 11, yAxisIndex: 1, data: rows.map((r) => pct(r[m.key] as number | null)), itemStyle: { color: m.color } })),
    ],
  }), [rows, lang]);

  const pieOption: ChartOption = useMemo(() => ({
    tooltip: { trigger: 'item', formatter: t('dashPieTip') },
    legend: { type: 'scroll', bottom: 0 },
    series: [{
      name: by(groupBy), type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'],
      data: rows.map((r) => ({ name: label(r), value: r.total })),
    }],
  }), [rows, groupBy, lang]);

  const levelRows = levels.data?.rows ?? [];
  const levelOption: ChartOption = useMemo(() => ({
    tooltip: { trigger: 'item', formatter: t('dashPieTip') },
    legend: { bottom: 0 },
    series: [{ name: by('level'), type: 'pie', radius: '60%', center: ['50%', '45%'], data: levelRows.map((r) => ({ name: label(r), value: r.total })) }],
  }), [levelRows, lang]);

  const shareOptions: Record<string, ChartOption> = useMemo(() => Object.fromEntries(SHARES.map(({ groupBy: g }) => [g, {
    tooltip: { trigger: 'item', formatter: t('dashPieTip') },
    legend: { type: 'scroll', bottom: 0 },
    series: [{ name: by(g), type: 'pie', radius: ['30%', '58%'], center: ['50%', '44%'], data: shareRows[g].map((r) => ({ name: label(r), value: r.total })) }],
  }])), [channels.data, classes.data, handlingLevels.data, lang]);

  const satisfactionOption: ChartOption = useMemo(() => ({
    tooltip: { trigger: 'item', formatter: t('dashPieTip') },
    legend: { bottom: 0 },
    series: [{
      name: t('dashEvaluation'), type: 'pie', radius: ['35%', '60%'], center: ['50%', '45%'],
      data: totals ? [
        { name: SATISFACTION_LABEL.satisfied, value: totals.satisfied, itemStyle: { color: '#389e0d' } },
        { name: SATISFACTION_LABEL.basic, value: totals.basic, itemStyle: { color: '#d48806' } },
        { name: SATISFACTION_LABEL.dissatisfied, value: totals.dissatisfied, itemStyle: { color: '#cf1322' } },
      ] : [],
    }],
  }), [totals, lang]);

  const trendRows = trend.data?.rows ?? [];
  const trendOption: ChartOption = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 48, right: 48, top: 56, bottom: 30 },
    xAxis: { type: 'category', data: trendRows.map(label) },
    yAxis: [{ type: 'value', name: t('dashUnitCases') }, { type: 'value', name: '%', max: 100 }],
    series: [
      { name: t('dashReceived'), type: 'bar', data: trendRows.map((r) => r.total), itemStyle: { color: '#91caff' } },
      // months are ordered: a line is right here
      ...RATES.map((m) => ({ name: rate(m.label), type: 'line', smooth: true, yAxisIndex: 1, data: trendRows.map((r) => pct(r[m.key] as number | null)), itemStyle: { color: m.color } })),
    ],
  }), [trendRows, lang]);

  // an export streams: while it comes, how far it is (rows for CSV, size for Excel)
  const [exporting, setExporting] = useState<DownloadProgress | null>(null);
  const doExport = (format: 'xlsx' | 'csv') => {
    setExporting({ bytes: 0, rows: format === 'csv' ? 0 : null, total: null });
    download(exportUrl(format, groupBy, filter), window.localStorage.getItem(TOKEN_KEY), `统计.${format}`, setExporting)
      .catch((e: unknown) => toast.error(e instanceof Error ? e.message : String(e)))
      .finally(() => setExporting(null));
  };
  const progressText = (p: DownloadProgress) => {
    const size = `${(p.bytes / 1048576).toFixed(1)} MB`;
    if (p.rows !== null) return p.total !== null ? t('dashExportRowsOf', { n: p.rows, total: p.total }) : t('dashExportRows', { n: p.rows });
    return p.total !== null ? t('dashExportSizeOf', { size, total: p.total }) : t('dashExportSize', { size });
  };

  const taskColumns = [
    { title: t('caseTitle'), key: 'case', render: (task: InboxTask) => <Link to={`/cases/${task.caseId}`}>#{task.caseNumber} {task.caseTitle ?? task.caseType ?? ''}</Link> },
    { title: t('taskName'), dataIndex: 'name', key: 'name' },
    // departments by name (lx.labour → 县劳动保障监察大队)
    { title: t('dashHandledBy'), key: 'groups', render: (task: InboxTask) => task.candidateGroups.map(deptName).join('、') },
    { title: t('unit'), key: 'unit', render: (task: InboxTask) => task.unitName ?? task.unit ?? '—' },
    { title: t('dueAt'), key: 'due', render: (task: InboxTask) => <DueTag dueAt={task.dueAt} colour={task.colour} /> },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="dashboard">
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <PageTitle testId="dashboard-title">{t('navDashboard')}</PageTitle>
        <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
          <Segmented<GroupBy>
            value={groupBy}
            onChange={(v) => { setGroupBy(v); setDrill(null); }}
            options={(Object.keys(GROUP_LABELS) as GroupBy[]).map((g) => ({ value: g, label: by(g) }))}
            data-testid="group-by"
          />
        </div>
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)} placeholder={[t('dashFrom'), t('dashTo')]} />
        <span style={{ flex: 1 }} />
        {exporting && <span role="status" data-testid="export-progress"><Spin size="small" /> {progressText(exporting)}</span>}
        <Button onClick={() => doExport('xlsx')} disabled={!!exporting} data-testid="export-xlsx">{t('dashExportXlsx')}</Button>
        <Button onClick={() => doExport('csv')} disabled={!!exporting} data-testid="export-csv">{t('dashExportCsv')}</Button>
      </div>
      <ErrorAlert error={stats.error} onRetry={stats.reload} />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', gap: 12 }} data-testid="kpis">
        <Kpi id="受理" label={t('dashReceived')} value={totals ? String(totals.total) : '—'} unit={t('dashUnitCases')} />
        <Kpi id="办结率" label={t('dashClosureRate')} value={percent(totals?.closureRate ?? null)} note={totals && t('dashClosedNote', { n: totals.closed })} />
        <Kpi id="撤回" label={t('dashWithdrawn')} value={totals ? String(totals.withdrawn) : '—'} unit={t('dashUnitCases')} note={totals && t('dashRefusedNote', { n: totals.refused })} />
        <Kpi id="调处成功率" label={t('dashSuccessRate')} value={percent(totals?.successRate ?? null)} note={totals && `${totals.succeeded} / ${totals.mediated}`} />
        <Kpi id="满意率" label={t('dashSatisfactionRate')} value={percent(totals?.satisfactionRate ?? null)} note={totals && `${totals.satisfied + totals.basic} / ${totals.rated}`} />
        <Kpi id="按时办结率" label={t('dashOnTimeRate')} value={percent(totals?.onTimeRate ?? null)} note={totals && `${totals.onTime} / ${totals.closed}`} />
        <Kpi id="初访化解率" label={t('dashFirstResolveRate')} value={percent(totals?.firstResolveRate ?? null)} note={totals && `${totals.firstResolved} / ${totals.closed}`} />
        <Kpi id="积案化解率" label={t('dashBacklogResolveRate')} value={percent(totals?.backlogResolveRate ?? null)} note={totals && `${totals.backlogResolved} / ${t('dashBacklogNote', { n: totals.backlog })}`} />
        <Kpi id="超期未办结" label={t('dashOverdueOpen')} value={totals ? String(totals.overdue) : '—'} unit={t('dashUnitCases')} danger={!!totals?.overdue} />
        <Kpi id="挂牌督办" label={t('supTitle')} value={totals ? String(totals.supervised) : '—'} unit={t('dashUnitCases')} />
      </div>
      <SpikeAlerts compact />
      <div style={{ display: 'grid', gridTemplateColumns: narrow ? 'minmax(0, 1fr)' : 'minmax(0, 2fr) minmax(0, 1fr)', gap: 16 }}>
        <Panel title={t('dashBarTitle', { by: by(groupBy) })} testId="chart-bar">
          {stats.loading && !stats.data ? <Spin /> : <Chart option={barOption} height={340} onClick={(p) => drillTo(groupBy, rows[p.dataIndex])} />}
        </Panel>
        <Panel title={t('dashPieTitle', { by: by(groupBy) })} testId="chart-pie">
          <Chart option={pieOption} height={340} onClick={(p) => drillTo(groupBy, rows[p.dataIndex])} />
        </Panel>
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: narrow ? 'minmax(0, 1fr)' : 'minmax(0, 2fr) minmax(0, 1fr) minmax(0, 1fr)', gap: 16 }}>
        <Panel title={t('dashTrend')} testId="chart-trend">
          <Chart option={trendOption} height={300} onClick={(p) => drillTo('month', trendRows[p.dataIndex])} />
        </Panel>
        <Panel title={t('dashLevelTitle')} testId="chart-level">
          <Chart option={levelOption} height={300} onClick={(p) => drillTo('level', levelRows[p.dataIndex])} />
        </Panel>
        <Panel title={t('dashEvaluation')} testId="chart-satisfaction">
          <Chart option={satisfactionOption} height={300} />
        </Panel>
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))', gap: 16 }}>
        {SHARES.map((sh) => (
          <Panel key={sh.groupBy} title={t(sh.title)} testId={sh.testId}>
            <Chart option={shareOptions[sh.groupBy]} height={260} onClick={(p) => drillTo(sh.groupBy, shareRows[sh.groupBy][p.dataIndex])} />
          </Panel>
        ))}
      </div>
      <Panel title={t('dashTableTitle', { by: by(groupBy) })} testId="stats-table">
        <Table<StatsRow>
          scroll={{ x: 'max-content' }}
          size="small"
          rowKey={(r) => r.key ?? '∅'}
          dataSource={rows}
          pagination={false}
          loading={stats.loading}
          onRow={(r) => ({ onClick: () => drillTo(groupBy, r), style: { cursor: 'pointer' } })}
          columns={[
            { title: group(groupBy).replace(/^\w/, (c) => c.toUpperCase()), key: 'label', render: (_: unknown, r: StatsRow) => label(r) },
            { title: t('dashReceived'), dataIndex: 'total', key: 'total', align: 'right' },
            { title: t('dashClosed'), dataIndex: 'closed', key: 'closed', align: 'right' },
            ...RATES.map((m) => ({ title: rate(m.label), key: m.key, align: 'right' as const, render: (_: unknown, r: StatsRow) => percent(r[m.key] as number | null) })),
            { title: t('dashOverdue'), dataIndex: 'overdue', key: 'overdue', align: 'right', render: (v: number) => (v ? <Tag color="error">{v}</Tag> : 0) },
          ]}
        />
      </Panel>
      {drill && (
        <div ref={drillRef} style={{ scrollMarginTop: 12 }}>
        <Panel title={t('dashDrill', { label: `${group(drill.groupBy)}：${drill.label}` })} extra={<Button size="small" onClick={() => setDrill(null)}>{t('dashClose')}</Button>} testId="drill-down">
          <ErrorAlert error={cases.error} onRetry={cases.reload} />
          <Table
            scroll={{ x: 'max-content' }}
            size="small"
            rowKey="id"
            dataSource={cases.data ?? []}
            loading={cases.loading}
            pagination={{ pageSize: 10, showSizeChanger: false }}
            columns={[
              { title: t('caseNo'), key: 'number', render: (_: unknown, c) => <Link to={`/cases/${c.id}`}>#{c.number}</Link> },
              { title: t('type'), dataIndex: 'type', key: 'type' },
              { title: t('unit'), key: 'unit', render: (_: unknown, c) => c.unitName ?? c.unit ?? '—' },
              { title: t('createdAt'), key: 'createdAt', render: (_: unknown, c) => formatTime(c.createdAt) },
              { title: t('status'), key: 'status', render: (_: unknown, c) => <StatusTag status={c.status as CaseStatus} /> },
              { title: t('dashResult'), key: 'result', render: (_: unknown, c) => (c.result ? RESULT_LABEL[c.result] : '—') },
              { title: t('dashRating'), key: 'satisfaction', render: (_: unknown, c) => (c.satisfaction ? SATISFACTION_LABEL[c.satisfaction] : '—') },
              { title: t('dashOnTime'), key: 'onTime', render: (_: unknown, c) => (c.status === 'completed' ? (c.onTime ? t('yes') : <Tag color="warning">{t('no')}</Tag>) : c.overdue ? <Tag color="error">{t('dashOverdue')}</Tag> : '—') },
            ]}
          />
        </Panel>
        </div>
      )}
      <Panel title={t('dashSupervision')} testId="overdue-lists">
        <Tabs
          items={[
            {
              key: 'red', label: <span>{t('dashRed')} <Tag color="error">{red.data?.length ?? 0}</Tag></span>,
              children: <Table size="small" scroll={{ x: 'max-content' }} rowKey="id" dataSource={red.data ?? []} loading={red.loading} pagination={{ pageSize: 8, showSizeChanger: false }} columns={taskColumns} />,
            },
            {
              key: 'yellow', label: <span>{t('dashYellow')} <Tag color="warning">{yellow.data?.length ?? 0}</Tag></span>,
              children: <Table size="small" scroll={{ x: 'max-content' }} rowKey="id" dataSource={yellow.data ?? []} loading={yellow.loading} pagination={{ pageSize: 8, showSizeChanger: false }} columns={taskColumns} />,
            },
          ]}
        />
      </Panel>
    </Space>
  );
}

/** `id`: the figure's fixed (Chinese) name for tests, whatever the language shows. */
function Kpi({ id, label, value, unit, note, danger }: { id: string; label: string; value: string; unit?: string; note?: string | false; danger?: boolean }) {
  return (
    <div style={{ background: '#fff', border: '1px solid #f0f0f0', borderRadius: 6, padding: '12px 16px' }} data-testid={`kpi-${id}`}>
      <div style={{ color: '#8c8c8c', fontSize: 13 }}>{label}</div>
      <div style={{ fontSize: 26, fontWeight: 600, color: danger ? '#cf1322' : '#1f1f1f' }}>
        {value}{unit && <span style={{ fontSize: 14, marginLeft: 4, fontWeight: 400 }}>{unit}</span>}
      </div>
      {note && <div style={{ color: '#8c8c8c', fontSize: 12 }}>{note}</div>}
    </div>
  );
}
