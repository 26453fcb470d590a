// The app: language, antd locale, session, the layout with role-aware navigation, and the routes.
// Every page but login is its own chunk; the BPMN modeler and viewer are loaded only when shown.
import { Button, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { I18nProvider, useI18n, type Lang, type MessageKey } from './i18n';
import { matchPath, RouterProvider, useRouter } from './router';
import { SessionProvider, useSession, type Ability } from './session';
import { LoginPage } from '../pages/LoginPage';
import { ToastProvider } from './ui';

const InboxPage = lazy(() => import('../pages/InboxPage'));
const TaskPage = lazy(() => import('../pages/TaskPage'));
const CasesPage = lazy(() => import('../pages/CasesPage'));
const NewCasePage = lazy(() => import('../pages/NewCasePage'));
const CasePage = lazy(() => import('../pages/CasePage'));
const PacksPage = lazy(() => import('../pages/PacksPage'));
const PackPage = lazy(() => import('../pages/PackPage'));
const DashboardPage = lazy(() => import('../dashboard/DashboardPage'));

const LANG_KEY = 'yizhan.lang';

interface RouteDef {
  path: string;
  ability: Ability;
  render: (params: Record<string, string>) => ReactNode;
}

const ROUTES: RouteDef[] = [
  { path: '/inbox', ability: 'workspace', render: () => <InboxPage /> },
  { path: '/tasks/:id', ability: 'workspace', render: (p) => <TaskPage id={p.id} /> },
  { path: '/cases', ability: 'workspace', render: () => <CasesPage /> },
  { path: '/cases/new', ability: 'createCase', render: () => <NewCasePage /> },
  { path: '/cases/:id', ability: 'workspace', render: (p) => <CasePage id={p.id} /> },
  { path: '/dashboard', ability: 'admin', render: () => <DashboardPage /> },
  { path: '/admin/packs', ability: 'admin', render: () => <PacksPage /> },
  { path: '/admin/packs/:id', ability: 'admin', render: (p) => <PackPage id={p.id} /> },
];

const NAV: { key: string; label: MessageKey; ability: Ability; children: { key: string; label: MessageKey; ability: Ability }[] }[] = [
  {
    key: 'workspace', label: 'navWorkspace', ability: 'workspace',
    children: [
      { key: '/inbox', label: 'navInbox', ability: 'workspace' },
      { key: '/cases', label: 'navCases', ability: 'workspace' },
      { key: '/cases/new', label: 'navNewCase', ability: 'createCase' },
    ],
  },
  { key: 'admin', label: 'navAdmin', ability: 'admin', children: [{ key: '/dashboard', label: 'navDashboard', ability: 'admin' }, { key: '/admin/packs', label: 'navPacks', ability: 'admin' }] },
];

export function App() {
  const [lang, setLangState] = useState<Lang>(() => (window.localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh-CN'));
  const setLang = (l: Lang) => {
    window.localStorage.setItem(LANG_KEY, l);
    setLangState(l);
  };
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  return (
    <I18nProvider lang={lang} setLang={setLang}>
      <ConfigProvider locale={lang === 'en' ? enUS : zhCN} button={{ autoInsertSpace: false }} theme={{ token: { colorPrimary: '#1f5fbf', borderRadius: 4 } }}>
        <ToastProvider>
          <RouterProvider>
            <SessionProvider>
              <Shell />
            </SessionProvider>
          </RouterProvider>
        </ToastProvider>
      </ConfigProvider>
    </I18nProvider>
  );
}

function homeFor(can: (a: Ability) => boolean): string {
  return can('workspace') ? '/inbox' : '/admin/packs';
}

function Shell() {
  const { user, restoring, can, logout } = useSession();
  const { location, navigate } = useRouter();
  const { t, lang, setLang } = useI18n();

  const matched = ROUTES.map((r) => ({ r, params: matchPath(r.path, location.path) })).find((m) => m.params);
  useEffect(() => {
    if (restoring) return;
    if (!user && location.path !== '/login') navigate(`/login?next=${encodeURIComponent(location.path + window.location.search)}`, true);
    else if (user && (location.path === '/' || location.path === '/login')) navigate(location.query.get('next') || homeFor(can), true);
    // Navigation follows the session and the path only.
  }, [user, restoring, location.path]);

  if (restoring) return <Spin fullscreen />;
  if (!user) return location.path === '/login' ? <LoginPage /> : null;

  const items = NAV.filter((g) => can(g.ability)).map((g) => ({
    key: g.key, label: t(g.label),
    children: g.children.filter((c) => can(c.ability)).map((c) => ({ key: c.key, label: t(c.label) })),
  }));
  const selected = [...NAV.flatMap((g) => g.children.map((c) => c.key))]
    .filter((k) => location.path === k || location.path.startsWith(`${k}/`))
    .sort((a, b) => b.length - a.length)[0];
  const content = matched && can(matched.r.ability) ? matched.r.render(matched.params ?? {}) : null;

  return (
    <div style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <header style={{ display: 'flex', alignItems: 'center', gap: 16, padding: '0 20px', minHeight: 56, background: '#001529' }}>
        <strong style={{ color: '#fff', fontSize: 17, whiteSpace: 'nowrap' }}>{t('appName')}</strong>
        <nav style={{ flex: 1, minWidth: 0, display: 'flex', gap: 4, flexWrap: 'wrap' }} data-testid="nav">
          {items.map((g, gi) => (
            <span key={g.key} style={{ display: 'flex', gap: 4, alignItems: 'center' }}>
              {gi > 0 && <span style={{ width: 1, height: 20, background: 'rgba(255,255,255,.3)', margin: '0 8px' }} />}
              {g.children.map((c) => (
                <Button
                  key={c.key}
                  type={selected === c.key ? 'primary' : 'text'}
                  style={selected === c.key ? undefined : { color: 'rgba(255,255,255,.85)' }}
                  onClick={() => navigate(c.key)}
                  data-testid={`nav-${c.key}`}
                >
                  {c.label}
                </Button>
              ))}
            </span>
          ))}
        </nav>
        <Button size="small" ghost onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')} data-testid="lang-switch">{t('langSwitch')}</Button>
        <span style={{ color: '#fff', whiteSpace: 'nowrap' }} data-testid="current-user">
          {user.displayName}（{user.unitName ?? user.username}）
        </span>
        <Button size="small" type="text" style={{ color: 'rgba(255,255,255,.85)' }} onClick={() => { logout(); navigate('/login'); }} data-testid="logout">{t('logout')}</Button>
      </header>
      <main style={{ padding: 20 }}>
        <Suspense fallback={<Spin />}>{content ?? <NotFound />}</Suspense>
      </main>
    </div>
  );
}

function NotFound() {
  const { can } = useSession();
  const { navigate } = useRouter();
  const { t } = useI18n();
  return <Button onClick={() => navigate(homeFor(can))}>{t('back')}</Button>;
}
