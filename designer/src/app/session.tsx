// Who is logged in: the token (kept in localStorage across reloads), the user, the org model, and
// the ApiClient every page uses. Role-aware navigation asks `can()`.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiClient } from '../api/client';
import type { OrgModel, Role, User } from '../api/types';
import { removeUserDrafts } from './form-draft';

const TOKEN_KEY = 'yizhan.token';

/** `message`: deliver BPMN messages (撤回 …) to cases (permission case:message); `users`: manage users (user:manage). */
export type Ability = 'workspace' | 'act' | 'createCase' | 'admin' | 'deploy' | 'message' | 'users';

const ABILITIES: Record<Role, readonly Ability[]> = {
  admin: ['workspace', 'act', 'createCase', 'admin', 'deploy', 'message', 'users'],
  integrator: ['admin', 'deploy', 'message'],
  staff: ['workspace', 'act', 'createCase', 'message'],
  leader: ['workspace', 'admin'],
  auditor: ['workspace', 'admin'],
};

export function roleCan(role: Role, ability: Ability): boolean {
  return ABILITIES[role].includes(ability);
}

interface SessionValue {
  api: ApiClient;
  user: User | null;
  org: OrgModel;
  /** True until the stored token has been checked. */
  restoring: boolean;
  login: (username: string, password: string) => Promise<User>;
  logout: () => void;
  can: (ability: Ability) => boolean;
  refreshOrg: () => Promise<void>;
}

const EMPTY_ORG: OrgModel = { units: [], departments: [] };
const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children, api: given }: { children: ReactNode; api?: ApiClient }) {
  const [token, setToken] = useState<string | null>(() => window.localStorage.getItem(TOKEN_KEY));
  const [user, setUser] = useState<User | null>(null);
  const [org, setOrg] = useState<OrgModel>(EMPTY_ORG);
  const [restoring, setRestoring] = useState(() => window.localStorage.getItem(TOKEN_KEY) !== null);

  const clear = useCallback(() => {
    window.localStorage.removeItem(TOKEN_KEY);
    setToken(null);
    setUser(null);
  }, []);
  const api = useMemo(
    () => given ?? new ApiClient({ getToken: () => window.localStorage.getItem(TOKEN_KEY), onUnauthorized: clear }),
    [given, clear],
  );
  const refreshOrg = useCallback(async () => {
    setOrg(await api.org().catch(() => EMPTY_ORG));
  }, [api]);

  useEffect(() => {
    if (!token || user) return;
    let stop = false;
    api.me()
      .then((u) => { if (!stop) { setUser(u); void refreshOrg(); } })
      .catch(() => { if (!stop) clear(); })
      .finally(() => { if (!stop) setRestoring(false); });
    return () => { stop = true; };
  }, [api, token, user, clear, refreshOrg]);

  const value: SessionValue = {
    api, user, org, restoring: restoring && !user,
    async login(username, password) {
      const session = await api.login(username, password);
      window.localStorage.setItem(TOKEN_KEY, session.token);
      setToken(session.token);
      setUser(session.user);
      void refreshOrg();
      return session.user;
    },
    logout() {
      // a deliberate logout leaves no unsubmitted citizen data behind (an expired session keeps it)
      if (user) removeUserDrafts(user.username);
      void api.logout().catch(() => undefined);
      clear();
    },
    can: (ability) => (user ? roleCan(user.role, ability) : false),
    refreshOrg,
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
