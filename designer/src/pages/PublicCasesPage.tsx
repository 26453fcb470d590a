// 公示 (no login): closed dispute cases as the packs allow, a page at a time — number, type, unit,
// outcome, closing date, the masked party and the staff-written 公示摘要 where the pack has one.
// Cards on a phone, the same cards two abreast on a wide screen.
import { Alert, Button, Empty, Space, Tag } from 'antd';
import { useState } from 'react';
import type { ApiClient } from '../api/client';
import type { ResponseOf } from '../api/types';
import { formatTime } from '../app/common';
import { useI18n } from '../app/i18n';
import { useLoad } from '../app/use-load';

type Page = ResponseOf<'listPublicCasePage'>;
const PAGE_SIZE = 10;

export default function PublicCasesPage({ api }: { api: ApiClient }) {
  const { t } = useI18n();
  const [offset, setOffset] = useState(0);
  const page = useLoad(() => api.request<Page>('GET', '/api/public/case-page', undefined, { limit: PAGE_SIZE, offset }), [api, offset]);
  const total = page.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const current = Math.floor(offset / PAGE_SIZE) + 1;
  const go = (n: number) => {
    setOffset((n - 1) * PAGE_SIZE);
    window.scrollTo?.(0, 0);
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div>
        <h2 style={{ margin: '8px 0 4px', fontSize: 22 }} data-testid="public-title">{t('publicTitle')}</h2>
        <div style={{ color: 'rgba(0,0,0,.55)' }}>{t('publicIntro')}{page.data ? ` ${t('publicTotal', { n: total })}` : ''}</div>
      </div>
      {page.error && <Alert type="error" showIcon title={page.error.message} action={<Button size="small" onClick={page.reload}>{t('retry')}</Button>} />}
      {page.data && page.data.items.length === 0 && <Empty description={t('publicEmpty')} />}
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 420px), 1fr))', gap: 12 }} data-testid="public-list">
        {(page.data?.items ?? []).map((c) => {
          return (
            <article key={c.number} data-testid="public-case" style={{ background: '#fff', border: '1px solid #e8e8e8', borderRadius: 8, padding: 14 }}>
              <header style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, marginBottom: 8 }}>
                <strong style={{ fontSize: 16 }}>{t('caseNo')} {c.number}</strong>
                {typeLabel(c) && <Tag>{typeLabel(c)}</Tag>}
                <Tag color={c.result === '调处成功' ? 'green' : 'default'}>{c.result}</Tag>
              </header>
              <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 12px', margin: 0, fontSize: 14 }}>
                <dt style={{ color: 'rgba(0,0,0,.55)' }}>{t('unit')}</dt><dd style={{ margin: 0 }}>{c.unitName ?? '—'}</dd>
                <dt style={{ color: 'rgba(0,0,0,.55)' }}>{t('publicClosedAt')}</dt><dd style={{ margin: 0 }}>{formatTime(c.completedAt).slice(0, 10)}</dd>
                {c.fields.filter((f) => f.field !== 'type').map((f) => (
                  <FragmentRow key={f.field} title={f.title} value={f.value} />
                ))}
              </dl>
              <p style={{ margin: '10px 0 0', lineHeight: 1.7, wordBreak: 'break-word', color: c.summary ? undefined : 'rgba(0,0,0,.45)' }} data-testid="public-summary">
                {c.summary ? <><strong>{t('publicSummary')}：</strong>{c.summary}</> : t('publicNoSummary')}
              </p>
            </article>
          );
        })}
      </div>
      {total > PAGE_SIZE && (
        <nav style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', gap: 12 }} data-testid="public-pager">
          <Button disabled={current <= 1 || page.loading} onClick={() => go(current - 1)} data-testid="public-prev">{t('publicPrev')}</Button>
          <span data-testid="public-page">{t('publicPage', { page: current, pages })}</span>
          <Button disabled={current >= pages || page.loading} onClick={() => go(current + 1)} data-testid="public-next">{t('publicNext')}</Button>
        </nav>
      )}
    </Space>
  );
}

/** The type as the pack names it (its public `type` field's label), else the stored code. */
function typeLabel(c: Page['items'][number]): string | null {
  return c.fields.find((f) => f.field === 'type')?.value ?? c.type;
}

function FragmentRow({ title, value }: { title: string; value: string }) {
  return (
    <>
      <dt style={{ color: 'rgba(0,0,0,.55)' }}>{title}</dt>
      <dd style={{ margin: 0, wordBreak: 'break-word' }}>{value}</dd>
    </>
  );
}
