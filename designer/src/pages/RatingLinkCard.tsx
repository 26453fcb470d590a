// 当事人评价 on the case page: for a case at its evaluation step, or closed without a rating (e.g.
// sent to court), staff create a one-time rating code and link for the applicant — shown once (the
// server keeps only hashes) — and print it on a rating slip or send the link by SMS by hand.
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import type { ApiClient } from '../api/client';
import type { CaseDetail, ResponseOf } from '../api/types';
import { formatTime } from '../app/common';
import { useI18n } from '../app/i18n';
import { useRouter } from '../app/router';

/** The history actor of a rating the applicant gave through a link. */
export const CITIZEN = 'citizen';

export type IssuedRatingLink = ResponseOf<'issueRatingLink'>;

/** Where the print slip finds the link just made (it is never shown by the server again). */
export const ratingLinkKey = (caseId: string) => `yizhan.ratingLink.${caseId}`;

/** Whether a case may get a rating link now: at its evaluation step, or closed with no rating yet. */
export function ratingStage(c: CaseDetail): 'evaluation' | 'closed' | null {
  if (c.openTasks.some((t) => t.formKey === 'evaluation')) return 'evaluation';
  const rated = c.tasks.some((t) => t.formKey === 'evaluation' && t.status === 'completed');
  return c.status === 'completed' && !rated ? 'closed' : null;
}

export function RatingLinkCard({ api, kase }: { api: ApiClient; kase: CaseDetail }) {
  const { t } = useI18n();
  const { navigate } = useRouter();
  const [link, setLink] = useState<IssuedRatingLink>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [copied, setCopied] = useState(false);
  const stage = ratingStage(kase);
  if (!stage) return null;
  const url = link ? `${window.location.origin}${link.path}` : '';

  const issue = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const made = await api.request<IssuedRatingLink>('POST', `/api/cases/${encodeURIComponent(kase.id)}/rating-link`);
      window.sessionStorage.setItem(ratingLinkKey(kase.id), JSON.stringify(made));
      setLink(made);
      setCopied(false);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('ratingCard')} data-testid="rating-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t(stage === 'evaluation' ? 'ratingHintEvaluation' : 'ratingHintClosed')}</Typography.Text>
        {error && <Alert type="error" showIcon title={error} />}
        {link && (
          <div data-testid="rating-issued">
            <div>{t('ratingCode')}：<strong style={{ fontSize: 22, letterSpacing: 2, fontFamily: 'monospace' }} data-testid="rating-code">{link.code}</strong></div>
            <div style={{ wordBreak: 'break-all' }}>{t('ratingLink')}：<Typography.Text copyable={false} data-testid="rating-url">{url}</Typography.Text></div>
            <div>{t('ratingExpires')}：{formatTime(link.expiresAt)}</div>
            <Alert style={{ marginTop: 8 }} type="warning" showIcon title={t('ratingShownOnce')} />
          </div>
        )}
        <Space wrap>
          <Button type={link ? 'default' : 'primary'} loading={busy} onClick={() => void issue()} data-testid="rating-issue">{t(link ? 'ratingIssueAgain' : 'ratingIssue')}</Button>
          {link && <Button icon={<PrinterOutlined />} onClick={() => navigate(`/print/rating/${kase.id}`)} data-testid="rating-print">{t('ratingPrint')}</Button>}
          {link && navigator.clipboard && (
            <Button onClick={() => void navigator.clipboard.writeText(url).then(() => setCopied(true))}>{copied ? t('ratingCopied') : t('ratingCopy')}</Button>
          )}
        </Space>
      </Space>
    </Card>
  );
}
