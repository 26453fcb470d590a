// 案件列表 (scoped by the server to the caller's units), newest first. Read a page at a time with
// the server's cursor ("加载更多"), so a county with years of cases opens as fast as a new one; the
// total is the server's bounded count. On a phone each case is a card instead of a table row.
import { Button, Empty, Input, Select, Space, Spin, Table, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import type { CaseStatus, CaseSummary } from '../api/types';
import { DueTag, ErrorAlert, formatTime, StatusTag } from '../app/common';
import { useI18n } from '../app/i18n';
import { Link, useRouter } from '../app/router';
import { useSession } from '../app/session';
import { usePaged } from '../app/use-paged';
import { PHONE, useNarrow } from '../app/use-narrow';

const PAGE = 50;

export default function CasesPage() {
  const { api, can } = useSession();
  const { t } = useI18n();
  const { navigate } = useRouter();
  const phone = useNarrow(PHONE);
  const [status, setStatus] = useState<CaseStatus>();
  const [q, setQ] = useState('');
  const cases = usePaged((cursor) => api.casesPage({ status, q: q || undefined, limit: PAGE, ...(cursor ? { cursor } : { count: true }) }), [api, status, q]);
  const rows = cases.items;
  const title = (c: CaseSummary) => c.title ?? c.type ?? c.processKey;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('cases')}</Typography.Title>
        {can('createCase') && <Button type="primary" onClick={() => navigate('/cases/new')} data-testid="new-case">{t('newCase')}</Button>}
      </Space>
      <Space wrap>
        <Select allowClear placeholder={t('status')} style={{ width: 140 }} value={status} onChange={setStatus} options={[
          { value: 'active', label: t('statusActive') }, { value: 'completed', label: t('statusCompleted') }, { value: 'incident', label: t('statusIncident') },
        ]} />
        <Input.Search placeholder={t('search')} allowClear onSearch={setQ} style={{ width: 240, maxWidth: '100%' }} />
      </Space>
      <ErrorAlert error={cases.error} onRetry={cases.reload} />
      {phone ? (
        <Spin spinning={cases.loading}>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }} data-testid="case-cards">
            {rows.map((c) => (
              <div key={c.id} data-testid="case-row" style={{ background: '#fff', border: '1px solid #f0f0f0', borderRadius: 6, padding: 12 }}>
                <div style={{ fontWeight: 600, fontSize: 15, marginBottom: 4, wordBreak: 'break-word' }}>
                  <Link to={`/cases/${c.id}`}>{t('caseNo')} {c.number}</Link>{' · '}{title(c)}
                </div>
                <div style={{ color: '#555', marginBottom: 6 }}>{[c.type, c.unitName ?? c.unit, formatTime(c.createdAt)].filter(Boolean).join(' · ')}</div>
                <Space size={8} wrap><StatusTag status={c.status} /><DueTag dueAt={c.nextDueAt} colour={c.colour} /></Space>
              </div>
            ))}
            {!cases.loading && rows.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noCases')} />}
          </div>
        </Spin>
      ) : (
        <Table<CaseSummary>
          scroll={{ x: 'max-content' }}
          rowKey="id"
          loading={cases.loading}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: t('noCases') }}
          onRow={() => ({ 'data-testid': 'case-row' }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('caseNo'), dataIndex: 'number', width: 100, render: (n: number, c) => <Link to={`/cases/${c.id}`}>{n}</Link> },
            { title: t('caseTitle'), key: 'title', render: (_, c) => title(c) },
            { title: t('type'), dataIndex: 'type', render: (v: string | null) => v ?? '—' },
            { title: t('unit'), dataIndex: 'unitName', render: (v: string | null, c) => v ?? c.unit ?? '—' },
            { title: t('status'), dataIndex: 'status', width: 100, render: (_, c) => <StatusTag status={c.status} /> },
            { title: t('dueAt'), key: 'due', width: 200, render: (_, c) => <DueTag dueAt={c.nextDueAt} colour={c.colour} /> },
            { title: t('createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatTime(v) },
          ]}
        />
      )}
      <ErrorAlert error={cases.moreError} onRetry={() => void cases.more()} />
      {rows.length > 0 && (
        <Space wrap style={{ width: '100%', justifyContent: 'center' }}>
          <Typography.Text type="secondary" data-testid="cases-shown">
            {cases.total ? t('casesShown', { shown: rows.length, total: cases.total }) : t('casesShownOnly', { shown: rows.length })}
          </Typography.Text>
          {cases.hasMore && <Button onClick={() => void cases.more()} loading={cases.loadingMore} data-testid="cases-more">{t('loadMore')}</Button>}
        </Space>
      )}
    </Space>
  );
}
