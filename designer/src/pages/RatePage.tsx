// 当事人评价 (no login): the applicant opens the link from the rating slip or an SMS (/rate/{token}),
// or types the code printed on it (/rate), sees the case number, its masked title and the handling
// unit, and rates 满意 / 基本满意 / 不满意 with a comment — once. Large touch targets for a phone.
import { Alert, Button, Input, Result, Space } from 'antd';
import { useState, type FormEvent } from 'react';
import { ApiError, type ApiClient } from '../api/client';
import type { BodyOf, ResponseOf } from '../api/types';
import { formatTime } from '../app/common';
import { useI18n, type MessageKey } from '../app/i18n';
import { useLoad } from '../app/use-load';
import { Panel } from '../app/ui';

type View = ResponseOf<'getRatingLink'>;
type Satisfaction = BodyOf<'submitRating'>['satisfaction'];

const CHOICES: { value: Satisfaction; label: MessageKey; colour: string }[] = [
  { value: 'satisfied', label: 'rateSatisfied', colour: '#389e0d' },
  { value: 'basic', label: 'rateBasic', colour: '#1f5fbf' },
  { value: 'dissatisfied', label: 'rateDissatisfied', colour: '#cf1322' },
];

export default function RatePage({ api, credential }: { api: ApiClient; credential?: string }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [code, setCode] = useState<string | undefined>(credential);
  const link = useLoad(async () => (code ? api.request<View>('GET', `/api/public/ratings/${encodeURIComponent(code)}`) : undefined), [api, code]);
  const lookup = (e: FormEvent) => {
    e.preventDefault();
    if (typed.trim()) setCode(typed.trim());
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 560, margin: '0 auto', display: 'flex' }}>
      <h2 style={{ margin: '8px 0 0', fontSize: 22 }} data-testid="rate-title">{t('rateTitle')}</h2>
      {!credential && (
        <Panel>
          <form onSubmit={lookup}>
            <label htmlFor="rate-code" style={{ display: 'block', marginBottom: 8 }}>{t('rateEnterCode')}</label>
            <Space.Compact style={{ width: '100%' }}>
              <Input id="rate-code" size="large" value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={t('rateCodePlaceholder')}
                autoComplete="off" autoCapitalize="characters" maxLength={20} style={{ letterSpacing: 2 }} />
              <Button size="large" type="primary" htmlType="submit" disabled={!typed.trim()} data-testid="rate-lookup">{t('rateLookup')}</Button>
            </Space.Compact>
          </form>
        </Panel>
      )}
      {link.error ? <Alert type="error" showIcon title={link.error instanceof Error ? link.error.message : String(link.error)} data-testid="rate-error" /> : null}
      {link.loading && code ? <Panel><span>{t('loading')}</span></Panel> : null}
      {link.data && <RateForm api={api} credential={code!} view={link.data} />}
    </Space>
  );
}

function RateForm({ api, credential, view }: { api: ApiClient; credential: string; view: View }) {
  const { t } = useI18n();
  const [choice, setChoice] = useState<Satisfaction>();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<ResponseOf<'submitRating'> | 'already' | undefined>(view.rated ? 'already' : undefined);

  const submit = async () => {
    if (!choice) {
      setError(t('rateChoose'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const body: BodyOf<'submitRating'> = { satisfaction: choice, ...(comment.trim() ? { comment: comment.trim() } : {}) };
      setDone(await api.request<ResponseOf<'submitRating'>>('POST', `/api/public/ratings/${encodeURIComponent(credential)}`, body));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CASE_ALREADY_RATED') setDone('already');
      else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const facts = (
    <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '6px 12px', margin: 0 }} data-testid="rate-case">
      <dt style={{ color: 'rgba(0,0,0,.55)' }}>{t('rateCase')}</dt><dd style={{ margin: 0, fontWeight: 600 }} data-testid="rate-number">{view.caseNumber}</dd>
      {view.title && <><dt style={{ color: 'rgba(0,0,0,.55)' }}>{t('rateCaseTitle')}</dt><dd style={{ margin: 0, wordBreak: 'break-word' }}>{view.title}</dd></>}
      <dt style={{ color: 'rgba(0,0,0,.55)' }}>{t('rateUnit')}</dt><dd style={{ margin: 0 }}>{view.unitName ?? '—'}</dd>
      <dt style={{ color: 'rgba(0,0,0,.55)' }}>{t('rateExpires')}</dt><dd style={{ margin: 0 }}>{formatTime(view.expiresAt)}</dd>
    </dl>
  );

  if (done) {
    return (
      <Panel testId="rate-done">
        {done === 'already'
          ? <Result status="info" title={t('rateAlready')} />
          : <Result status="success" title={t('rateThanks')} subTitle={t('rateThanksText', { number: done.caseNumber })} />}
      </Panel>
    );
  }
  return (
    <Panel testId="rate-form">
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <p style={{ margin: 0 }}>{t('rateIntro')}</p>
        {facts}
        <div role="radiogroup" aria-label={t('rateTitle')} style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))', gap: 8 }}>
          {CHOICES.map((c) => {
            const on = choice === c.value;
            return (
              <button
                key={c.value}
                type="button"
                role="radio"
                aria-checked={on}
                onClick={() => setChoice(c.value)}
                data-testid={`rate-${c.value}`}
                style={{
                  minHeight: 56, fontSize: 18, borderRadius: 8, cursor: 'pointer', font: 'inherit', fontWeight: 600,
                  border: `2px solid ${c.colour}`, background: on ? c.colour : '#fff', color: on ? '#fff' : c.colour,
                }}
              >
                {t(c.label)}
              </button>
            );
          })}
        </div>
        {choice === 'dissatisfied' && <Alert type="info" showIcon title={t('rateDissatisfiedHint')} />}
        <label style={{ display: 'block' }}>
          <div style={{ marginBottom: 4 }}>{t('rateComment')}</div>
          <Input.TextArea id="rate-comment" rows={4} maxLength={500} showCount value={comment} onChange={(e) => setComment(e.target.value)} />
        </label>
        {error && <Alert type="error" showIcon title={error} data-testid="rate-submit-error" />}
        <Button type="primary" size="large" block loading={busy} onClick={() => void submit()} data-testid="rate-submit">{t('rateSubmit')}</Button>
      </Space>
    </Panel>
  );
}
