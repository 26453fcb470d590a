// 评价告知单: the print slip handed to the applicant with the rating link as a QR code and the
// rating code to type at /rate. The link is the one just made on the case page (kept in this tab's
// session storage: the server never shows it again); without one, the page says to make one.
import { useState } from 'react';
import { formatTime } from '../app/common';
import { useI18n } from '../app/i18n';
import { useRouter } from '../app/router';
import { useSession } from '../app/session';
import { useLoad } from '../app/use-load';
import { QrCode } from './QrCode';
import { ratingLinkKey, type IssuedRatingLink } from './RatingLinkCard';

const CSS = `
.slip { max-width: 794px; margin: 24px auto; background: #fff; color: #000; padding: 40px 48px; box-shadow: 0 2px 12px rgba(0,0,0,.12);
  font-family: "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 15px; line-height: 1.7; }
.slip h1 { text-align: center; font-size: 24px; letter-spacing: 4px; margin: 0 0 16px; }
.slip .body { display: flex; gap: 24px; flex-wrap: wrap; align-items: center; }
.slip .facts { flex: 1 1 300px; }
.slip .code { font-size: 30px; font-weight: 700; letter-spacing: 4px; font-family: monospace; }
.slip img { width: 180px; height: 180px; display: block; margin: 0 auto; }
.slip-bar { max-width: 794px; margin: 16px auto 0; display: flex; gap: 8px; padding: 0 12px; }
.slip-bar button { font: inherit; padding: 6px 16px; border-radius: 4px; border: 1px solid #1f5fbf; background: #fff; color: #1f5fbf; cursor: pointer; }
.slip-bar button.primary { background: #1f5fbf; color: #fff; }
@media (max-width: 600px) { .slip { margin: 8px; padding: 20px 16px; } }
@media print { @page { size: A4; margin: 16mm; } .slip-bar { display: none !important; } .slip { box-shadow: none; margin: 0; padding: 0; } }
`;

export default function RatingSlipPage({ id }: { id: string }) {
  const { api } = useSession();
  const { t } = useI18n();
  const { navigate } = useRouter();
  const kase = useLoad(() => api.case(id), [api, id]);
  const [link] = useState<IssuedRatingLink | undefined>(() => {
    const raw = window.sessionStorage.getItem(ratingLinkKey(id));
    return raw ? (JSON.parse(raw) as IssuedRatingLink) : undefined;
  });
  const url = link ? `${window.location.origin}${link.path}` : '';
  const ratePage = `${window.location.origin}/rate`;
  const c = kase.data;
  return (
    <>
      <style>{CSS}</style>
      <div className="slip-bar">
        <button type="button" className="primary" onClick={() => window.print()} disabled={!link || !c} data-testid="print-now">{t('print')}</button>
        <button type="button" onClick={() => navigate(`/cases/${id}`)}>{t('back')}</button>
      </div>
      <article className="slip" data-testid="print-rating" data-ready={link && c ? 'true' : 'false'}>
        <h1>{t('ratingSlipTitle')}</h1>
        {!link ? <p>{t('ratingSlipNone')}</p> : !c ? <p>{t('loading')}</p> : (
          <>
            <div className="body">
              <div className="facts">
                <div>{t('caseNo')}：<strong>{c.number}</strong></div>
                <div>{t('rateUnit')}：{c.unitName ?? c.unit ?? '—'}</div>
                <div>{t('ratingCode')}：<span className="code" data-testid="slip-code">{link.code}</span></div>
                <div>{t('ratingExpires')}：{formatTime(link.expiresAt)}</div>
              </div>
              <QrCode text={url} testId="rating-qr" size={180} />
            </div>
            <p>{t('ratingSlipText', { url: ratePage })}</p>
          </>
        )}
      </article>
    </>
  );
}
