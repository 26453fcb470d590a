// A small history router: the app has a handful of routes and the server serves index.html for
// every non-API path, so react-router's weight buys nothing here.
import { createContext, useContext, useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';

interface Location {
  path: string;
  query: URLSearchParams;
}

const RouterContext = createContext<{ location: Location; navigate: (to: string, replace?: boolean) => void }>({
  location: { path: '/', query: new URLSearchParams() },
  navigate: () => undefined,
});

const current = (): Location => ({ path: window.location.pathname, query: new URLSearchParams(window.location.search) });

/**
 * Pages with unsaved work (the pack editor) register a question here; leaving them in the app
 * (a link, the header's navigation, the browser's back button) asks it first with confirm().
 */
const blockers = new Set<() => string | null>();

export function mayLeave(): boolean {
  for (const ask of blockers) {
    const question = ask();
    if (question && !window.confirm(question)) return false;
  }
  return true;
}

export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState<Location>(current);
  useEffect(() => {
    let here = window.location.pathname + window.location.search;
    const onPop = () => {
      if (!mayLeave()) {
        // stay: put the page the user was on back in the address bar
        window.history.pushState(null, '', here);
        return;
      }
      here = window.location.pathname + window.location.search;
      setLocation(current());
    };
    const track = () => { here = window.location.pathname + window.location.search; };
    window.addEventListener('popstate', onPop);
    window.addEventListener('yizhan:navigated', track);
    return () => {
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('yizhan:navigated', track);
    };
  }, []);
  const navigate = (to: string, replace = false) => {
    // replacing the address (a filter, a redirect) is not leaving; pushing is
    if (!replace && !mayLeave()) return;
    if (replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    window.dispatchEvent(new Event('yizhan:navigated'));
    setLocation(current());
    window.scrollTo?.(0, 0);
  };
  return <RouterContext.Provider value={{ location, navigate }}>{children}</RouterContext.Provider>;
}

/**
 * While `question` is a string, leaving the page asks it: the browser's own dialog on reload or
 * closing the tab (beforeunload), window.confirm() on navigation inside the app.
 */
export function useLeaveGuard(question: string | null): void {
  const ref = useRef(question);
  ref.current = question;
  useEffect(() => {
    const ask = () => ref.current;
    const onUnload = (e: BeforeUnloadEvent) => {
      if (!ref.current) return;
      e.preventDefault();
      e.returnValue = ref.current;
    };
    blockers.add(ask);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      blockers.delete(ask);
      window.removeEventListener('beforeunload', onUnload);
    };
  }, []);
}

export function useRouter() {
  return useContext(RouterContext);
}

/** Matches `/cases/:id` against a path; returns the params or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) params[p[i].slice(1)] = decodeURIComponent(s[i]);
    else if (p[i] !== s[i]) return null;
  }
  return params;
}

export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  const { navigate } = useRouter();
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={onClick} className={className}>{children}</a>;
}

/** Pages anyone may open without signing in: the applicant's rating page and 公示. */
export const PUBLIC_PATHS = ['/rate', '/public/cases'];

export function isPublicPath(path: string): boolean {
  return PUBLIC_PATHS.some((p) => path === p || path.startsWith(`${p}/`));
}
