// 统计分析（督办看板）: the numbers the centres report — 受理数, 办结率, 调处成功率, 满意率, 按时办结率,
// 超期 — by type / unit / level / department / month as bar, pie and trend charts; 红牌超期 and 黄牌预警
// lists; a click on a bar, a slice or a table row drills down to the cases; xlsx / CSV export.
import { Button, DatePicker, Segmented, Space, Spin, Table, Tabs, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { DueTag, ErrorAlert, formatTime, StatusTag } from '../app/common';
import { Link } from '../app/router';
import { useSession } from '../app/session';
import { Panel, PageTitle, useToast } from '../app/ui';
import { useLoad } from '../app/use-load';
import type { CaseStatus, InboxTask } from '../api/types';
import { RESULT_LABEL, SATISFACTION_LABEL } from '@yizhan/packs/wording';
import { Chart, type ChartOption } from './Chart';
import {
  download, exportUrl, fetchStats, fetchStatsCases, fetchTasks, GROUP_LABELS, percent,
  type Figures, type GroupBy, type StatsFilter, type StatsRow,
} from './stats-api';

const RATES: { key: keyof Figures; label: string; color: string }[] = [
  { key: 'closureRate', label: '办结率', color: '#1f5fbf' },
  { key: 'successRate', label: '调处成功率', color: '#389e0d' },
  { key: 'satisfactionRate', label: '满意率', color: '#d48806' },
  { key: 'onTimeRate', label: '按时办结率', color: '#722ed1' },
];
const TOKEN_KEY = 'yizhan.token';

const pct = (r: number | null) => (r === null ? null : Math.round(r * 1000) / 10);

export default function DashboardPage() {
  const { api } = useSession();
  const toast = useToast();
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
  const red = useLoad(() => fetchTasks(api, 'overdue'), []);
  const yellow = useLoad(() => fetchTasks(api, 'warning'), []);
  const cases = useLoad(
    () => (drill ? fetchStatsCases(api, drill.groupBy, drill.key, filter) : Promise.resolve([])),
    [drill?.groupBy, drill?.key, filter],
  );

  const rows = stats.data?.rows ?? [];
  const totals = stats.data?.totals;
  const label = (r: StatsRow) => r.label ?? r.key ?? '（未填）';
  const drillTo = (g: GroupBy, r: StatsRow | undefined) => r && setDrill({ groupBy: g, key: r.key, label: `${GROUP_LABELS[g]}：${label(r)}` });

  const barOption: ChartOption = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 40, bottom: 70 },
    xAxis: { type: 'category', data: rows.map(label), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
    yAxis: [{ type: 'value', name: '件' }, { type: 'value', name: '%', max: 100 }],
    series: [
      { name: '受理', type: 'bar', data: rows.map((r) => r.total), itemStyle: { color: '#91caff' } },
      { name: '办结', type: 'bar', data: rows.map((r) => r.closed), itemStyle: { color: '#1f5fbf' } },
      { name: '超期', type: 'bar', data: rows.map((r) => r.overdue), itemStyle: { color: '#cf1322' } },
      ...RATES.map((m) => ({ name: m.label, type: 'line', yAxisIndex: 1, data: rows.map((r) => pct(r[m.key] as number | null)), itemStyle: { color: m.color } })),
    ],
  }), [rows]);

  const pieOption: ChartOption = useMemo(() => ({
    tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
    legend: { type: 'scroll', bottom: 0 },
    series: [{
      name: `按${GROUP_LABELS[groupBy]}`, type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'],
      data: rows.map((r) => ({ name: label(r), value: r.total })),
    }],
  }), [rows, groupBy]);

  const levelRows = levels.data?.rows ?? [];
  const levelOption: ChartOption = useMemo(() => ({
    tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
    legend: { bottom: 0 },
    series: [{ name: '按层级', type: 'pie', radius: '60%', center: ['50%', '45%'], data: levelRows.map((r) => ({ name: label(r), value: r.total })) }],
  }), [levelRows]);

  const satisfactionOption: ChartOption = useMemo(() => ({
    tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' },
    legend: { bottom: 0 },
    series: [{
      name: '一事一评价', type: 'pie', radius: ['35%', '60%'], center: ['50%', '45%'],
      data: totals ? [
        { name: SATISFACTION_LABEL.satisfied, value: totals.satisfied, itemStyle: { color: '#389e0d' } },
        { name: SATISFACTION_LABEL.basic, value: totals.basic, itemStyle: { color: '#d48806' } },
        { name: SATISFACTION_LABEL.dissatisfied, value: totals.dissatisfied, itemStyle: { color: '#cf1322' } },
      ] : [],
    }],
  }), [totals]);

  const trendRows = trend.data?.rows ?? [];
  const trendOption: ChartOption = useMemo(() => ({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 48, top: 40, bottom: 30 },
    xAxis: { type: 'category', data: trendRows.map(label) },
    yAxis: [{ type: 'value', name: '件' }, { type: 'value', name: '%', max: 100 }],
    series: [
      { name: '受理', type: 'bar', data: trendRows.map((r) => r.total), itemStyle: { color: '#91caff' } },
      ...RATES.map((m) => ({ name: m.label, type: 'line', smooth: true, yAxisIndex: 1, data: trendRows.map((r) => pct(r[m.key] as number | null)), itemStyle: { color: m.color } })),
    ],
  }), [trendRows]);

  const doExport = (format: 'xlsx' | 'csv') => {
    download(exportUrl(format, groupBy, filter), window.localStorage.getItem(TOKEN_KEY), `统计.${format}`)
      .catch((e: unknown) => toast.error(e instanceof Error ? e.message : String(e)));
  };

  const taskColumns = [
    { title: '案件', key: 'case', render: (t: InboxTask) => <Link to={`/cases/${t.caseId}`}>#{t.caseNumber} {t.caseTitle ?? t.caseType ?? ''}</Link> },
    { title: '环节', dataIndex: 'name', key: 'name' },
    { title: '承办', key: 'groups', render: (t: InboxTask) => t.candidateGroups.join('、') },
    { title: '单位', key: 'unit', render: (t: InboxTask) => t.unitName ?? t.unit ?? '—' },
    { title: '办理时限', key: 'due', render: (t: InboxTask) => <DueTag dueAt={t.dueAt} colour={t.colour} /> },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="dashboard">
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, flexWrap: 'wrap' }}>
        <PageTitle testId="dashboard-title">统计分析</PageTitle>
        <Segmented<GroupBy>
          value={groupBy}
          onChange={(v) => { setGroupBy(v); setDrill(null); }}
          options={(Object.keys(GROUP_LABELS) as GroupBy[]).map((g) => ({ value: g, label: `按${GROUP_LABELS[g]}` }))}
          data-testid="group-by"
        />
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)} placeholder={['受理起', '受理止']} />
        <span style={{ flex: 1 }} />
        <Button onClick={() => doExport('xlsx')} data-testid="export-xlsx">导出 Excel</Button>
        <Button onClick={() => doExport('csv')} data-testid="export-csv">导出 CSV</Button>
      </div>
      <ErrorAlert error={stats.error} onRetry={stats.reload} />
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(150px, 1fr))', gap: 12 }} data-testid="kpis">
        <Kpi label="受理" value={totals ? String(totals.total) : '—'} unit="件" />
        <Kpi label="办结率" value={percent(totals?.closureRate ?? null)} note={totals && `${totals.closed} 件办结`} />
        <Kpi label="调处成功率" value={percent(totals?.successRate ?? null)} note={totals && `${totals.succeeded} / ${totals.mediated}`} />
        <Kpi label="满意率" value={percent(totals?.satisfactionRate ?? null)} note={totals && `${totals.satisfied + totals.basic} / ${totals.rated}`} />
        <Kpi label="按时办结率" value={percent(totals?.onTimeRate ?? null)} note={totals && `${totals.onTime} / ${totals.closed}`} />
        <Kpi label="超期未办结" value={totals ? String(totals.overdue) : '—'} unit="件" danger={!!totals?.overdue} />
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr)', gap: 16 }}>
        <Panel title={`按${GROUP_LABELS[groupBy]}：数量与比率（点击下钻）`} testId="chart-bar">
          {stats.loading && !stats.data ? <Spin /> : <Chart option={barOption} height={340} onClick={(p) => drillTo(groupBy, rows[p.dataIndex])} />}
        </Panel>
        <Panel title={`按${GROUP_LABELS[groupBy]}：受理占比`} testId="chart-pie">
          <Chart option={pieOption} height={340} onClick={(p) => drillTo(groupBy, rows[p.dataIndex])} />
        </Panel>
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr) minmax(0, 1fr)', gap: 16 }}>
        <Panel title="月度趋势" testId="chart-trend">
          <Chart option={trendOption} height={300} onClick={(p) => drillTo('month', trendRows[p.dataIndex])} />
        </Panel>
        <Panel title="按层级（县 / 乡镇 / 村）" testId="chart-level">
          <Chart option={levelOption} height={300} onClick={(p) => drillTo('level', levelRows[p.dataIndex])} />
        </Panel>
        <Panel title="一事一评价" testId="chart-satisfaction">
          <Chart option={satisfactionOption} height={300} />
        </Panel>
      </div>
      <Panel title={`按${GROUP_LABELS[groupBy]}统计表`} testId="stats-table">
        <Table<StatsRow>
          scroll={{ x: 'max-content' }}
          size="small"
          rowKey={(r) => r.key ?? '∅'}
          dataSource={rows}
          pagination={false}
          loading={stats.loading}
          onRow={(r) => ({ onClick: () => drillTo(groupBy, r), style: { cursor: 'pointer' } })}
          columns={[
            { title: GROUP_LABELS[groupBy], key: 'label', render: (_: unknown, r: StatsRow) => label(r) },
            { title: '受理', dataIndex: 'total', key: 'total', align: 'right' },
            { title: '办结', dataIndex: 'closed', key: 'closed', align: 'right' },
            ...RATES.map((m) => ({ title: m.label, key: m.key, align: 'right' as const, render: (_: unknown, r: StatsRow) => percent(r[m.key] as number | null) })),
            { title: '超期', dataIndex: 'overdue', key: 'overdue', align: 'right', render: (v: number) => (v ? <Tag color="error">{v}</Tag> : 0) },
          ]}
        />
      </Panel>
      {drill && (
        <Panel title={`下钻：${drill.label}`} extra={<Button size="small" onClick={() => setDrill(null)}>关闭</Button>} testId="drill-down">
          <ErrorAlert error={cases.error} onRetry={cases.reload} />
          <Table
            scroll={{ x: 'max-content' }}
            size="small"
            rowKey="id"
            dataSource={cases.data ?? []}
            loading={cases.loading}
            pagination={{ pageSize: 10, showSizeChanger: false }}
            columns={[
              { title: '编号', key: 'number', render: (_: unknown, c) => <Link to={`/cases/${c.id}`}>#{c.number}</Link> },
              { title: '类型', dataIndex: 'type', key: 'type' },
              { title: '单位', key: 'unit', render: (_: unknown, c) => c.unitName ?? c.unit ?? '—' },
              { title: '受理时间', key: 'createdAt', render: (_: unknown, c) => formatTime(c.createdAt) },
              { title: '状态', key: 'status', render: (_: unknown, c) => <StatusTag status={c.status as CaseStatus} /> },
              { title: '调处结果', key: 'result', render: (_: unknown, c) => (c.result ? RESULT_LABEL[c.result] : '—') },
              { title: '评价', key: 'satisfaction', render: (_: unknown, c) => (c.satisfaction ? SATISFACTION_LABEL[c.satisfaction] : '—') },
              { title: '按时', key: 'onTime', render: (_: unknown, c) => (c.status === 'completed' ? (c.onTime ? '是' : <Tag color="warning">否</Tag>) : c.overdue ? <Tag color="error">超期</Tag> : '—') },
            ]}
          />
        </Panel>
      )}
      <Panel title="督办：超期与预警" testId="overdue-lists">
        <Tabs
          items={[
            {
              key: 'red', label: <span>红牌超期 <Tag color="error">{red.data?.length ?? 0}</Tag></span>,
              children: <Table size="small" scroll={{ x: 'max-content' }} rowKey="id" dataSource={red.data ?? []} loading={red.loading} pagination={{ pageSize: 8, showSizeChanger: false }} columns={taskColumns} />,
            },
            {
              key: 'yellow', label: <span>黄牌预警 <Tag color="warning">{yellow.data?.length ?? 0}</Tag></span>,
              children: <Table size="small" scroll={{ x: 'max-content' }} rowKey="id" dataSource={yellow.data ?? []} loading={yellow.loading} pagination={{ pageSize: 8, showSizeChanger: false }} columns={taskColumns} />,
            },
          ]}
        />
      </Panel>
    </Space>
  );
}

function Kpi({ label, value, unit, note, danger }: { label: string; value: string; unit?: string; note?: string | false; danger?: boolean }) {
  return (
    <div style={{ background: '#fff', border: '1px solid #f0f0f0', borderRadius: 6, padding: '12px 16px' }} data-testid={`kpi-${label}`}>
      <div style={{ color: '#8c8c8c', fontSize: 13 }}>{label}</div>
      <div style={{ fontSize: 26, fontWeight: 600, color: danger ? '#cf1322' : '#1f1f1f' }}>
        {value}{unit && <span style={{ fontSize: 14, marginLeft: 4, fontWeight: 400 }}>{unit}</span>}
      </div>
      {note && <div style={{ color: '#8c8c8c', fontSize: 12 }}>{note}</div>}
    </div>
  );
}
