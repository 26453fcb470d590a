// 登录 (plain inputs: the login page is in the first chunk, antd's Form is not needed for two fields).
import { Alert, Button, Input, Space } from 'antd';
import { Panel } from '../app/ui';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../app/i18n';
import { Link } from '../app/router';
import { useSession } from '../app/session';
import { ApiError } from '../api/client';

export function LoginPage() {
  const { login } = useSession();
  const { t, lang, setLang } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // The server's own message: wrong password, or — when throttled — how many seconds to wait.
  const [error, setError] = useState<{ message: string; throttled: boolean }>();
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!username.trim() || !password) return;
    setBusy(true);
    setError(undefined);
    try {
      await login(username.trim(), password);
    } catch (err) {
      setError({ message: err instanceof Error ? err.message : String(err), throttled: err instanceof ApiError && err.code === 'RATE_LIMITED' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#eef2f7', padding: 12, boxSizing: 'border-box' }}>
      <Panel style={{ width: '100%', maxWidth: 380, boxSizing: 'border-box' }} title={t('appName')} extra={<a onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')}>{t('langSwitch')}</a>}>
        <form onSubmit={(e) => void onSubmit(e)}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <label>
              <div style={{ marginBottom: 4 }}>{t('username')}</div>
              <Input autoComplete="username" id="login-username" value={username} onChange={(e) => setUsername(e.target.value)} />
            </label>
            <label>
              <div style={{ marginBottom: 4 }}>{t('password')}</div>
              <Input.Password autoComplete="current-password" id="login-password" value={password} onChange={(e) => setPassword(e.target.value)} />
            </label>
            {error && (error.throttled
              ? <Alert type="warning" showIcon title={error.message} data-testid="login-throttled" />
              : <Alert type="error" showIcon title={`${t('loginFailed')}：${error.message}`} />)}
            <Button type="primary" htmlType="submit" block loading={busy} disabled={!username.trim() || !password} data-testid="login-submit">{t('login')}</Button>
          </Space>
        </form>
        <p style={{ marginTop: 16, marginBottom: 0, fontSize: 12, color: 'rgba(0,0,0,.45)' }}>{t('loginHint')}</p>
        <p style={{ marginTop: 12, marginBottom: 0, fontSize: 13 }} data-testid="public-links">
          {t('publicLinks')}：<Link to="/public/cases">{t('publicCasesLink')}</Link> · <Link to="/rate">{t('ratePageLink')}</Link>
        </p>
      </Panel>
    </div>
  );
}
