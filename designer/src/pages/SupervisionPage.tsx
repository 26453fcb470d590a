// 督办列表：the 督办 of the cases in the caller's jurisdiction (active first), each with its 批示,
// deadline (red when past), 包案领导 and case; the case page holds the actions (批示, 包案, 销号).
import { Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import type { SupervisionEntry } from '../api/types';
import { ErrorAlert, formatTime } from '../app/common';
import { useI18n } from '../app/i18n';
import { Link } from '../app/router';
import { useSession } from '../app/session';
import { useLoad } from '../app/use-load';
import { useNarrow } from '../app/use-narrow';

type Status = 'active' | 'closed' | 'all';

export default function SupervisionPage() {
  const { api } = useSession();
  const { t } = useI18n();
  const narrow = useNarrow();
  const [status, setStatus] = useState<Status>('active');
  const list = useLoad(() => api.request<SupervisionEntry[]>('GET', '/api/supervisions', undefined, { status }), [api, status]);
  const deadline = (s: SupervisionEntry) => s.deadline
    ? <Tag color={s.overdue ? 'red' : 'orange'} data-overdue={s.overdue}>{s.overdue ? `${t('supOverdue')} ` : ''}{formatTime(s.deadline)}</Tag>
    : <span>—</span>;
  const state = (s: SupervisionEntry) => <Tag color={s.status === 'active' ? 'red' : 'default'}>{s.status === 'active' ? t('supActive') : t('supClosed')}</Tag>;
  const caseLink = (s: SupervisionEntry) => <Link to={`/cases/${s.caseId}`}>{t('caseNo')} {s.caseNumber}</Link>;
  const rows = list.data ?? [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="supervision-page">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('supList')}</Typography.Title>
      <Segmented<Status> value={status} onChange={setStatus} options={[
        { value: 'active', label: t('supActive') }, { value: 'closed', label: t('supClosed') }, { value: 'all', label: t('supStatusAll') },
      ]} />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      {narrow ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {rows.map((s) => (
            <div key={s.id} data-testid="supervision-row" style={{ background: '#fff', border: '1px solid #f0f0f0', borderLeft: `4px solid ${s.status === 'active' ? '#cf1322' : '#d9d9d9'}`, borderRadius: 6, padding: 12 }}>
              <Space wrap size={4}>{caseLink(s)}<span>{s.caseTitle ?? s.caseType ?? ''}</span>{state(s)}</Space>
              <Typography.Paragraph style={{ margin: '6px 0', whiteSpace: 'pre-wrap' }}>{s.instruction}</Typography.Paragraph>
              <Space wrap size={4}>
                {deadline(s)}
                <Typography.Text type="secondary">{s.caseUnitName ?? s.caseUnit ?? ''}{s.leaderInCharge ? ` · ${t('supLeader')} ${s.leaderInChargeName ?? s.leaderInCharge}` : ''}</Typography.Text>
              </Space>
            </div>
          ))}
          {!list.loading && !rows.length && <Typography.Text type="secondary">{t('supNone')}</Typography.Text>}
        </Space>
      ) : (
        <Table<SupervisionEntry>
          rowKey="id" loading={list.loading} dataSource={rows} pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('supNone') }}
          onRow={() => ({ 'data-testid': 'supervision-row' }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('caseNo'), key: 'case', width: 120, render: (_, s) => caseLink(s) },
            { title: t('caseTitle'), key: 'title', render: (_, s) => s.caseTitle ?? s.caseType ?? '—' },
            { title: t('supInstruction'), dataIndex: 'instruction', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> },
            { title: t('supDeadline'), key: 'deadline', width: 200, render: (_, s) => deadline(s) },
            { title: t('supLeader'), key: 'leader', width: 110, render: (_, s) => s.leaderInChargeName ?? s.leaderInCharge ?? '—' },
            { title: t('supUnit'), key: 'unit', width: 110, render: (_, s) => s.caseUnitName ?? s.caseUnit ?? '—' },
            { title: t('status'), key: 'status', width: 90, render: (_, s) => state(s) },
            { title: t('supAt'), key: 'at', width: 170, render: (_, s) => `${formatTime(s.createdAt)} · ${s.createdByName ?? s.createdBy}` },
          ]}
        />
      )}
    </Space>
  );
}
