// The pages anyone may open without signing in — the applicant's rating page (/rate, /rate/{token})
// and 公示 (/public/cases) — in a light frame of their own (title, language), mobile first. They
// talk to the public API only, with no token.
import { Button } from 'antd';
import { useMemo } from 'react';
import { ApiClient } from '../api/client';
import { useI18n } from '../app/i18n';
import { Link, matchPath } from '../app/router';
import PublicCasesPage from './PublicCasesPage';
import RatePage from './RatePage';

export default function PublicPages({ path }: { path: string }) {
  const { t, lang, setLang } = useI18n();
  const api = useMemo(() => new ApiClient({ getToken: () => null }), []);
  const rate = matchPath('/rate/:credential', path);
  const page = path === '/public/cases'
    ? <PublicCasesPage api={api} />
    : <RatePage api={api} credential={rate?.credential} />;
  return (
    <div style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <style>{'[data-testid="public-nav"] a { text-decoration: none; }'}</style>
      <header style={{ background: '#001529', color: '#fff' }}>
        <div style={{ maxWidth: 960, margin: '0 auto', display: 'flex', alignItems: 'center', gap: 12, padding: '0 12px', minHeight: 52 }}>
          <strong style={{ flex: 1, minWidth: 0, fontSize: 16, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{t('appName')}</strong>
          <nav style={{ display: 'flex', gap: 12, whiteSpace: 'nowrap' }} data-testid="public-nav">
            <Link to="/public/cases"><span style={{ color: 'rgba(255,255,255,.85)' }}>{t('publicCasesLink')}</span></Link>
            <Link to="/rate"><span style={{ color: 'rgba(255,255,255,.85)' }}>{t('ratePageLink')}</span></Link>
          </nav>
          <Button size="small" ghost onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')} data-testid="lang-switch">{t('langSwitch')}</Button>
        </div>
      </header>
      <main style={{ maxWidth: 960, margin: '0 auto', padding: 12 }}>{page}</main>
    </div>
  );
}
