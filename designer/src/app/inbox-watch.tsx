// The live inbox: every 4 s (while the tab is visible) the open tasks offered to the user are
// fetched; the header shows their number, the inbox page reloads when they change, and a notice
// tells of a new task or one that turned yellow (临期) or red (超期). Polling, not a push channel:
// it passes every proxy and costs one small indexed query per user and interval. The notices'
// antd component is its own chunk, loaded when the first notice comes.
import { lazy, Suspense, createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { InboxTask } from '../api/types';
import type { InboxNotice } from './inbox-notice';
import { useSession } from './session';

export const POLL_MS = 4000;

interface InboxWatch {
  /** Open tasks offered to the user (claimable or claimed by them); null before the first answer. */
  count: number | null;
  /** Moves on whenever the set of tasks or their colours change. */
  version: number;
}

const InboxWatchContext = createContext<InboxWatch>({ count: null, version: 0 });
const Notifier = lazy(() => import('./Notifier'));

/** What changed between two polls: new tasks, and tasks that turned yellow or red. */
export function inboxNotices(before: ReadonlyMap<string, InboxTask['colour']>, tasks: InboxTask[]): InboxNotice[] {
  const out: InboxNotice[] = [];
  for (const task of tasks) {
    if (!before.has(task.id)) out.push({ id: `${task.id}:new`, kind: 'new', task });
    else if (task.colour !== before.get(task.id) && (task.colour === 'yellow' || task.colour === 'red')) out.push({ id: `${task.id}:${task.colour}`, kind: task.colour, task });
  }
  return out;
}

export function InboxWatchProvider({ children, onOpen }: { children: ReactNode; onOpen: (taskId: string) => void }) {
  const { api, user, can } = useSession();
  const [state, setState] = useState<InboxWatch>({ count: null, version: 0 });
  const [notices, setNotices] = useState<InboxNotice[]>([]);
  const [notifier, setNotifier] = useState(false);
  const seen = useRef<Map<string, InboxTask['colour']> | null>(null);
  const watching = Boolean(user && can('workspace'));

  useEffect(() => {
    seen.current = null;
    setState({ count: null, version: 0 });
    if (!watching) return undefined;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        if (document.visibilityState !== 'hidden') {
          const tasks = await api.tasks('inbox', 'open');
          if (stopped) return;
          const before = seen.current;
          const now = new Map(tasks.map((t) => [t.id, t.colour]));
          const changed = !before || before.size !== now.size || [...now].some(([id, colour]) => !before.has(id) || before.get(id) !== colour);
          if (before) {
            const fresh = inboxNotices(before, tasks);
            if (fresh.length) {
              setNotifier(true);
              setNotices((n) => [...n, ...fresh]);
            }
          }
          seen.current = now;
          // a new state only when something changed: the shell and the pages re-render on it
          setState((s) => {
            const version = changed && before ? s.version + 1 : s.version;
            return s.count === tasks.length && s.version === version ? s : { count: tasks.length, version };
          });
        }
      } catch {
        // a failed poll (network, restart) is tried again at the next interval
      } finally {
        if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, watching, user?.username]);

  return (
    <InboxWatchContext.Provider value={state}>
      {children}
      {notifier && (
        <Suspense fallback={null}>
          <Notifier notices={notices} onShown={(ids) => setNotices((n) => n.filter((x) => !ids.includes(x.id)))} onOpen={onOpen} />
        </Suspense>
      )}
    </InboxWatchContext.Provider>
  );
}

export function useInboxWatch(): InboxWatch {
  return useContext(InboxWatchContext);
}
