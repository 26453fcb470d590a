// 案件列表 (scoped by the server to the caller's units).
import { Button, Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { CaseStatus, CaseSummary } from '../api/types';
import { DueTag, ErrorAlert, formatTime, StatusTag } from '../app/common';
import { useI18n } from '../app/i18n';
import { Link, useRouter } from '../app/router';
import { useSession } from '../app/session';
import { useLoad } from '../app/use-load';

export default function CasesPage() {
  const { api, can } = useSession();
  const { t } = useI18n();
  const { navigate } = useRouter();
  const [status, setStatus] = useState<CaseStatus>();
  const [q, setQ] = useState('');
  const cases = useLoad(() => api.cases({ status, q: q || undefined }), [api, status, q]);
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
      <Table<CaseSummary>
        scroll={{ x: 'max-content' }}
        rowKey="id"
        loading={cases.loading}
        dataSource={cases.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('caseNo'), dataIndex: 'number', width: 100, render: (n: number, c) => <Link to={`/cases/${c.id}`}>{n}</Link> },
          { title: t('caseTitle'), key: 'title', render: (_, c) => c.title ?? c.type ?? c.processKey },
          { title: t('type'), dataIndex: 'type', render: (v: string | null) => v ?? '—' },
          { title: t('unit'), dataIndex: 'unitName', render: (v: string | null, c) => v ?? c.unit ?? '—' },
          { title: t('status'), dataIndex: 'status', width: 100, render: (_, c) => <StatusTag status={c.status} /> },
          { title: t('dueAt'), key: 'due', width: 200, render: (_, c) => <DueTag dueAt={c.nextDueAt} colour={c.colour} /> },
          { title: t('createdAt'), dataIndex: 'createdAt', width: 150, render: (v: string) => formatTime(v) },
        ]}
      />
    </Space>
  );
}
