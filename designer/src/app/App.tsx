// The app: language, antd locale, session, the layout with role-aware navigation, and the routes.
// Every page but login is its own chunk; the BPMN modeler and viewer are loaded only when shown.
import { CloseOutlined, MenuOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { I18nProvider, useI18n, type Lang, type MessageKey } from './i18n';
import { isPublicPath, matchPath, mayLeave, RouterProvider, useRouter } from './router';
import { SessionProvider, useSession, type Ability } from './session';
import { LoginPage } from '../pages/LoginPage';
import { PageErrorBoundary } from './ErrorBoundary';
import { NotAllowed } from './permissions';
import { ToastProvider } from './ui';
import { useNarrow } from './use-narrow';
import { InboxWatchProvider, useInboxWatch } from './inbox-watch';

const InboxPage = lazy(() => import('../pages/InboxPage'));
const TaskPage = lazy(() => import('../pages/TaskPage'));
const CasesPage = lazy(() => import('../pages/CasesPage'));
const NewCasePage = lazy(() => import('../pages/NewCasePage'));
const CasePage = lazy(() => import('../pages/CasePage'));
const PacksPage = lazy(() => import('../pages/PacksPage'));
const PackPage = lazy(() => import('../pages/PackPage'));
const DashboardPage = lazy(() => import('../dashboard/DashboardPage'));
const AssessmentPage = lazy(() => import('../dashboard/AssessmentPage'));
const PrintPage = lazy(() => import('../pages/PrintPage'));
const RatingSlipPage = lazy(() => import('../pages/RatingSlipPage'));
const PublicPages = lazy(() => import('../pages/PublicPages'));
const SupervisionPage = lazy(() => import('../pages/SupervisionPage'));
const AnalysisPage = lazy(() => import('../pages/AnalysisPage'));
const UsersPage = lazy(() => import('../pages/UsersPage'));
const MigrationPage = lazy(() => import('../pages/MigrationPage'));

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
  { path: '/print/receipt/:id', ability: 'workspace', render: (p) => <PrintPage kind="receipt" id={p.id} /> },
  { path: '/print/case/:id', ability: 'workspace', render: (p) => <PrintPage kind="case" id={p.id} /> },
  { path: '/print/rating/:id', ability: 'act', render: (p) => <RatingSlipPage id={p.id} /> },
  { path: '/supervision', ability: 'workspace', render: () => <SupervisionPage /> },
  { path: '/analysis', ability: 'workspace', render: () => <AnalysisPage /> },
  { path: '/dashboard', ability: 'admin', render: () => <DashboardPage /> },
  { path: '/assessment', ability: 'admin', render: () => <AssessmentPage /> },
  { path: '/admin/packs', ability: 'admin', render: () => <PacksPage /> },
  { path: '/admin/packs/:id', ability: 'admin', render: (p) => <PackPage id={p.id} /> },
  { path: '/admin/migrations', ability: 'deploy', render: () => <MigrationPage /> },
  { path: '/admin/users', ability: 'users', render: () => <UsersPage /> },
];

const NAV: { key: string; label: MessageKey; ability: Ability; children: { key: string; label: MessageKey; ability: Ability }[] }[] = [
  {
    key: 'workspace', label: 'navWorkspace', ability: 'workspace',
    children: [
      { key: '/inbox', label: 'navInbox', ability: 'workspace' },
      { key: '/cases', label: 'navCases', ability: 'workspace' },
      { key: '/cases/new', label: 'navNewCase', ability: 'createCase' },
      { key: '/supervision', label: 'navSupervision', ability: 'workspace' },
      { key: '/analysis', label: 'navAnalysis', ability: 'workspace' },
    ],
  },
  {
    key: 'admin', label: 'navAdmin', ability: 'admin',
    children: [
      { key: '/dashboard', label: 'navDashboard', ability: 'admin' }, { key: '/assessment', label: 'navAssessment', ability: 'admin' },
      { key: '/admin/packs', label: 'navPacks', ability: 'admin' }, { key: '/admin/migrations', label: 'navMigrations', ability: 'deploy' },
      { key: '/admin/users', label: 'navUsers', ability: 'users' },
    ],
  },
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
              <Watched />
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

/** The shell with the live inbox (badge, notices) around it. */
function Watched() {
  const { navigate } = useRouter();
  return (
    <InboxWatchProvider onOpen={(id) => navigate(`/tasks/${id}`)}>
      <Shell />
    </InboxWatchProvider>
  );
}

function Shell() {
  const { user, restoring, can, logout } = useSession();
  const inbox = useInboxWatch();
  const { location, navigate } = useRouter();
  const { t, lang, setLang } = useI18n();
  const narrow = useNarrow();
  const [menuOpen, setMenuOpen] = useState(false);

  const matched = ROUTES.map((r) => ({ r, params: matchPath(r.path, location.path) })).find((m) => m.params);
  useEffect(() => {
    if (restoring) return;
    if (isPublicPath(location.path)) return;
    if (!user && location.path !== '/login') navigate(`/login?next=${encodeURIComponent(location.path + window.location.search)}`, true);
    else if (user && (location.path === '/' || location.path === '/login')) navigate(location.query.get('next') || homeFor(can), true);
    // Navigation follows the session and the path only.
  }, [user, restoring, location.path]);

  // the applicant's rating page and 公示 need no account
  if (isPublicPath(location.path)) return <Suspense fallback={<Spin fullscreen />}><PublicPages path={location.path} /></Suspense>;
  if (restoring) return <Spin fullscreen />;
  if (!user) return location.path === '/login' ? <LoginPage /> : null;

  const items = NAV.filter((g) => can(g.ability)).map((g) => ({
    key: g.key, label: t(g.label),
    children: g.children.filter((c) => can(c.ability)).map((c) => ({ key: c.key, label: t(c.label) })),
  }));
  const selected = [...NAV.flatMap((g) => g.children.map((c) => c.key))]
    .filter((k) => location.path === k || location.path.startsWith(`${k}/`))
    .sort((a, b) => b.length - a.length)[0];
  // A page the role may not open says so (never blank): 受理登记 for an auditor, …
  const content = matched ? (can(matched.r.ability) ? matched.r.render(matched.params ?? {}) : <NotAllowed ability={matched.r.ability} />) : null;
  // print pages (回执, 案卷) stand alone: no header, no navigation, the sheet only
  if (location.path.startsWith('/print/')) {
    return (
      <PageErrorBoundary key={location.path} onBack={() => navigate(homeFor(can))}>
        <Suspense fallback={<Spin />}>{content ?? <NotFound />}</Suspense>
      </PageErrorBoundary>
    );
  }

  const go = (to: string) => {
    setMenuOpen(false);
    navigate(to);
  };
  const navButtons = (vertical: boolean) => items.map((g, gi) => (
    <span key={g.key} style={{ display: 'flex', flexDirection: vertical ? 'column' : 'row', gap: 4, alignItems: vertical ? 'stretch' : 'center' }}>
      {gi > 0 && <span style={vertical ? { height: 1, background: 'rgba(255,255,255,.2)', margin: '4px 0' } : { width: 1, height: 20, background: 'rgba(255,255,255,.3)', margin: '0 8px' }} />}
      {g.children.map((c) => (
        <Button
          key={c.key}
          type={selected === c.key ? 'primary' : 'text'}
          style={{ ...(selected === c.key ? {} : { color: 'rgba(255,255,255,.85)' }), ...(vertical ? { justifyContent: 'flex-start', height: 40 } : {}) }}
          onClick={() => go(c.key)}
          data-testid={`nav-${c.key}`}
        >
          {c.label}
          {c.key === '/inbox' && inbox.count !== null && inbox.count > 0 && (
            <span
              data-testid="inbox-badge"
              aria-label={`${inbox.count}`}
              style={{ marginLeft: 6, minWidth: 20, height: 20, lineHeight: '20px', padding: '0 6px', borderRadius: 10, background: '#ff4d4f', color: '#fff', fontSize: 12, fontWeight: 600, textAlign: 'center', display: 'inline-block' }}
            >
              {inbox.count > 99 ? '99+' : inbox.count}
            </span>
          )}
        </Button>
      ))}
    </span>
  ));
  const langButton = <Button size="small" ghost onClick={() => setLang(lang === 'en' ? 'zh-CN' : 'en')} data-testid="lang-switch">{t('langSwitch')}</Button>;
  const userName = (
    <span style={{ color: '#fff', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }} data-testid="current-user">
      {user.displayName}（{user.unitName ?? user.username}）
    </span>
  );
  const logoutButton = <Button size="small" type="text" style={{ color: 'rgba(255,255,255,.85)' }} onClick={() => {
    // unsaved work (the pack editor) is asked about before the session ends, not after
    if (!mayLeave()) return;
    setMenuOpen(false);
    logout();
    navigate('/login', true);
  }} data-testid="logout">{t('logout')}</Button>;

  return (
    <div style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <header style={{ background: '#001529' }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: narrow ? 8 : 16, padding: narrow ? '0 12px' : '0 20px', minHeight: 56 }}>
          <strong style={{ color: '#fff', fontSize: narrow ? 16 : 17, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', flex: narrow ? 1 : undefined, minWidth: 0 }}>{t('appName')}</strong>
          {narrow ? (
            <Button
              ghost
              onClick={() => setMenuOpen((o) => !o)}
              aria-expanded={menuOpen}
              aria-controls="app-menu"
              data-testid="menu-toggle"
            >
              {menuOpen ? <CloseOutlined /> : <MenuOutlined />} {t('menu')}
            </Button>
          ) : (
            <>
              <nav style={{ flex: 1, minWidth: 0, display: 'flex', gap: 4, flexWrap: 'wrap' }} data-testid="nav">{navButtons(false)}</nav>
              {langButton}
              {userName}
              {logoutButton}
            </>
          )}
        </div>
        {narrow && menuOpen && (
          <div id="app-menu" style={{ padding: '4px 12px 12px', borderTop: '1px solid rgba(255,255,255,.15)' }} data-testid="app-menu">
            <nav style={{ display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="nav">{navButtons(true)}</nav>
            <div style={{ display: 'flex', alignItems: 'center', gap: 8, marginTop: 8, paddingTop: 8, borderTop: '1px solid rgba(255,255,255,.2)' }}>
              {userName}
              <span style={{ flex: 1 }} />
              {langButton}
              {logoutButton}
            </div>
          </div>
        )}
      </header>
      <main style={{ padding: narrow ? 12 : 20 }}>
        <PageErrorBoundary key={location.path} onBack={() => (window.history.length > 1 ? window.history.back() : navigate(homeFor(can)))}>
          <Suspense fallback={<Spin />}>{content ?? <NotFound />}</Suspense>
        </PageErrorBoundary>
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
