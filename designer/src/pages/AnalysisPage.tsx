// 研判：当事人查询（身份证号、电话、姓名、地址，精确匹配；每次查询记入审计；无权查看个人信息的角色看到脱敏结果）、
// 突增预警、月度研判记录（撰写 → 领导签批）与查询审计. The server scopes every answer to the caller's
// jurisdiction and decides what is masked; this page shows what it is given.
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AnalysisCase, AnalysisRecord, SearchAudit } from '../api/types';
import { ErrorAlert, formatTime, StatusTag } from '../app/common';
import { useI18n } from '../app/i18n';
import { Link } from '../app/router';
import { useSession } from '../app/session';
import { useToast } from '../app/ui';
import { useLoad } from '../app/use-load';
import { useNarrow } from '../app/use-narrow';
import SpikeAlerts from './SpikeAlerts';

type Kind = AnalysisCase['matched'][number];

export default function AnalysisPage() {
  const { user } = useSession();
  const { t } = useI18n();
  const auditor = user?.role === 'admin' || user?.role === 'auditor';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="analysis-page">
      <Typography.Title level={3} style={{ margin: 0 }}>{t('navAnalysis')}</Typography.Title>
      <Tabs
        items={[
          { key: 'search', label: t('anaSearch'), children: <PartySearch /> },
          { key: 'alerts', label: t('anaAlerts'), children: <SpikeAlerts /> },
          { key: 'records', label: t('anaRecords'), children: <Records /> },
          ...(auditor ? [{ key: 'audit', label: t('anaAudit'), children: <AuditLog /> }] : []),
        ]}
      />
    </Space>
  );
}

function PartySearch() {
  const { api } = useSession();
  const { t } = useI18n();
  const narrow = useNarrow();
  const [kind, setKind] = useState<Kind>('id');
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [found, setFound] = useState<AnalysisCase[] | null>(null);
  const kinds: { value: Kind; label: string }[] = [
    { value: 'id', label: t('anaKindId') }, { value: 'phone', label: t('anaKindPhone') }, { value: 'name', label: t('anaKindName') }, { value: 'address', label: t('anaKindAddress') },
  ];
  const kindName = (k: string) => kinds.find((x) => x.value === k)?.label ?? k;
  const search = async () => {
    if (!value.trim()) return;
    setBusy(true);
    setError(undefined);
    try {
      setFound(await api.request<AnalysisCase[]>('GET', '/api/analysis/search', undefined, { kind, value: value.trim() }));
    } catch (e) {
      setError(e);
      setFound(null);
    } finally {
      setBusy(false);
    }
  };
  const parties = (c: AnalysisCase) => [...c.parties.names, ...c.parties.idNumbers, ...c.parties.phones, ...c.parties.addresses].join('　');
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space.Compact style={{ width: '100%', maxWidth: 640 }}>
        <Select<Kind> value={kind} onChange={setKind} options={kinds} style={{ width: 120 }} data-testid="search-kind" aria-label={t('anaKind')} />
        <Input value={value} onChange={(e) => setValue(e.target.value)} onPressEnter={() => void search()} placeholder={t('anaValue')} maxLength={200} data-testid="search-value" />
        <Button type="primary" loading={busy} onClick={() => void search()} data-testid="search-button">{t('anaSearchButton')}</Button>
      </Space.Compact>
      <Typography.Text type="secondary">{t('anaAuditNote')}</Typography.Text>
      <ErrorAlert error={error} />
      {found && found.some((c) => c.masked) && <Alert type="info" showIcon title={t('anaMasked')} data-testid="search-masked" />}
      {found && narrow && (
        // a phone: one card per case, the parties in full view (no sideways scrolling)
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="search-results">
          {found.map((c) => (
            <div key={c.id} style={{ background: '#fff', border: '1px solid #f0f0f0', borderRadius: 6, padding: 12 }}>
              <Space wrap size={4}>
                <Link to={`/cases/${c.id}`}>{t('caseNo')} {c.number}</Link><span>{c.title ?? c.type ?? c.processKey}</span>
                {c.supervised && <Tag color="red">{t('supTag')}</Tag>}
              </Space>
              <div style={{ margin: '6px 0', wordBreak: 'break-all' }}>{parties(c)}</div>
              <Typography.Text type="secondary">
                {c.matched.map(kindName).join('、')} · {c.unitName ?? c.unit ?? '—'} · {formatTime(c.createdAt)}
              </Typography.Text>
            </div>
          ))}
          {!found.length && <Typography.Text type="secondary">{t('anaNoResult')}</Typography.Text>}
        </Space>
      )}
      {found && !narrow && (
        <Table<AnalysisCase>
          rowKey="id" dataSource={found} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('anaNoResult') }} data-testid="search-results"
          columns={[
            { title: t('caseNo'), key: 'number', width: 100, render: (_, c) => <Link to={`/cases/${c.id}`}>{c.number}</Link> },
            { title: t('caseTitle'), key: 'title', render: (_, c) => <Space size={4} wrap>{c.title ?? c.type ?? c.processKey}{c.supervised && <Tag color="red">{t('supTag')}</Tag>}</Space> },
            { title: t('anaParties'), key: 'parties', render: (_, c) => <span data-testid="search-parties">{parties(c)}</span> },
            { title: t('anaMatched'), key: 'matched', width: 110, render: (_, c) => c.matched.map(kindName).join('、') },
            { title: t('unit'), key: 'unit', width: 110, render: (_, c) => c.unitName ?? c.unit ?? '—' },
            { title: t('status'), key: 'status', width: 100, render: (_, c) => <StatusTag status={c.status as Parameters<typeof StatusTag>[0]['status']} /> },
            { title: t('createdAt'), key: 'at', width: 150, render: (_, c) => formatTime(c.createdAt) },
          ]}
        />
      )}
    </Space>
  );
}

function Records() {
  const { api, user } = useSession();
  const { t } = useI18n();
  const toast = useToast();
  const records = useLoad(() => api.request<AnalysisRecord[]>('GET', '/api/analysis/records'), [api]);
  const [writing, setWriting] = useState(false);
  const [signing, setSigning] = useState<AnalysisRecord | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [form] = Form.useForm();
  const signs = user?.role === 'leader' || user?.role === 'admin';
  const month = new Date().toISOString().slice(0, 7);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      toast.success(t('supDone'));
      setWriting(false);
      setSigning(null);
      records.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const create = async () => {
    const v = (await form.validateFields()) as { month: string; title: string; analysis: string; linked?: string };
    await run(async () => {
      const numbers = (v.linked ?? '').split(/[,，、\s]+/).filter(Boolean);
      const ids: string[] = [];
      const missing: string[] = [];
      for (const n of numbers) {
        const [hit] = (await api.cases({ q: n, limit: 5 })).filter((c) => String(c.number) === n);
        if (hit) ids.push(hit.id);
        else missing.push(n);
      }
      if (missing.length) throw new Error(t('anaUnknownCases', { list: missing.join('、') }));
      await api.request('POST', '/api/analysis/records', { month: v.month, title: v.title, analysis: v.analysis, caseIds: ids });
    });
  };
  const signOff = async () => {
    const v = (await form.validateFields()) as { note?: string };
    if (signing) await run(() => api.request('POST', `/api/analysis/records/${signing.id}/sign-off`, { ...(v.note?.trim() ? { note: v.note.trim() } : {}) }));
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Button type="primary" onClick={() => setWriting(true)} data-testid="new-record">{t('anaNewRecord')}</Button>
      <ErrorAlert error={records.error ?? error} onRetry={records.error ? records.reload : undefined} />
      {!records.loading && !(records.data ?? []).length && <Typography.Text type="secondary">{t('anaNoRecords')}</Typography.Text>}
      {(records.data ?? []).map((r) => (
        <Card
          key={r.id}
          size="small"
          data-testid="analysis-record"
          title={<Space wrap size={4}>{r.month} · {r.title}<Tag color={r.status === 'signed' ? 'green' : 'gold'}>{r.status === 'signed' ? t('anaSigned') : t('anaDraft')}</Tag></Space>}
          extra={signs && r.status === 'draft' ? <Button size="small" type="primary" onClick={() => setSigning(r)} data-testid="sign-off">{t('anaSignOff')}</Button> : null}
        >
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.analysis}</Typography.Paragraph>
          {r.cases.length > 0 && (
            <Space wrap size={4}>{r.cases.map((c) => <Link key={c.id} to={`/cases/${c.id}`}>{t('caseNo')} {c.number}</Link>)}</Space>
          )}
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.unitName ?? r.unit ?? ''} · {r.createdBy} {formatTime(r.createdAt)}
              {r.signedBy && ` · ${t('anaSignedBy', { by: r.signedBy, at: formatTime(r.signedAt) })}${r.signOffNote ? `：${r.signOffNote}` : ''}`}
            </Typography.Text>
          </div>
        </Card>
      ))}
      <Modal open={writing || signing !== null} title={signing ? t('anaSignOff') : t('anaNewRecord')} onCancel={() => { setWriting(false); setSigning(null); }}
        onOk={() => void (signing ? signOff() : create())} okButtonProps={{ loading: busy }} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false}>
          {signing ? (
            <Form.Item name="note" label={t('anaSignNote')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
          ) : (
            <>
              <Form.Item name="month" label={t('anaMonth')} initialValue={month} rules={[{ required: true, pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: 'YYYY-MM' }]}>
                <Input maxLength={7} />
              </Form.Item>
              <Form.Item name="title" label={t('anaRecordTitle')} rules={[{ required: true, whitespace: true }]}><Input maxLength={200} /></Form.Item>
              <Form.Item name="analysis" label={t('anaAnalysis')} rules={[{ required: true, whitespace: true }]}><Input.TextArea rows={6} maxLength={20000} /></Form.Item>
              <Form.Item name="linked" label={t('anaLinked')}><Input /></Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Space>
  );
}

function AuditLog() {
  const { api } = useSession();
  const { t } = useI18n();
  const log = useLoad(() => api.request<SearchAudit[]>('GET', '/api/analysis/audit'), [api]);
  const kinds: Record<string, string> = { id: t('anaKindId'), phone: t('anaKindPhone'), name: t('anaKindName'), address: t('anaKindAddress') };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={log.error} onRetry={log.reload} />
      <Table<SearchAudit>
        rowKey="id" loading={log.loading} dataSource={log.data ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 'max-content' }}
        data-testid="search-audit"
        columns={[
          { title: t('createdAt'), key: 'at', width: 150, render: (_, e) => formatTime(e.at) },
          { title: t('username'), dataIndex: 'username', width: 110 },
          { title: t('anaKind'), key: 'kind', width: 100, render: (_, e) => kinds[e.kind] ?? e.kind },
          { title: t('anaValue'), dataIndex: 'value' },
          { title: t('anaMatched'), key: 'results', width: 90, render: (_, e) => t('anaCount', { n: e.results }) },
        ]}
      />
    </Space>
  );
}
