// Light building blocks for the pages on the way to the modeler (the first JavaScript a user
// downloads): a panel, a page title and toasts. antd's Card pulls in Tabs and Skeleton, Typography
// pulls in Tooltip, and App pulls in Modal and Notification — about 30 kB gzip we need not send.
import { createContext, useCallback, useContext, useMemo, useState, type CSSProperties, type ReactNode } from 'react';

export function Panel({ title, extra, children, style, testId }: { title?: ReactNode; extra?: ReactNode; children: ReactNode; style?: CSSProperties; testId?: string }) {
  return (
    <section style={{ background: '#fff', border: '1px solid #f0f0f0', borderRadius: 6, ...style }} data-testid={testId}>
      {(title || extra) && (
        <header style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8, padding: '10px 16px', borderBottom: '1px solid #f0f0f0', fontWeight: 600 }}>
          <span>{title}</span>
          {extra}
        </header>
      )}
      <div style={{ padding: 16 }}>{children}</div>
    </section>
  );
}

export function PageTitle({ children, testId }: { children: ReactNode; testId?: string }) {
  return <h2 style={{ margin: 0, fontSize: 22, fontWeight: 600 }} data-testid={testId}>{children}</h2>;
}

type ToastKind = 'success' | 'error' | 'info';
interface Toast { id: number; kind: ToastKind; text: string }
interface Toasts { success: (text: string) => void; error: (text: string) => void; info: (text: string) => void }

const ToastContext = createContext<Toasts>({ success: () => undefined, error: () => undefined, info: () => undefined });
const COLOURS: Record<ToastKind, string> = { success: '#389e0d', error: '#cf1322', info: '#1f5fbf' };
let nextId = 1;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const push = useCallback((kind: ToastKind, text: string) => {
    const id = nextId++;
    setToasts((t) => [...t, { id, kind, text }]);
    setTimeout(() => setToasts((t) => t.filter((x) => x.id !== id)), 3500);
  }, []);
  const api = useMemo<Toasts>(() => ({ success: (t) => push('success', t), error: (t) => push('error', t), info: (t) => push('info', t) }), [push]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div style={{ position: 'fixed', top: 16, left: '50%', transform: 'translateX(-50%)', zIndex: 2000, display: 'flex', flexDirection: 'column', gap: 8, pointerEvents: 'none' }}>
        {toasts.map((t) => (
          <div key={t.id} role="status" data-testid={`toast-${t.kind}`} style={{ background: '#fff', boxShadow: '0 6px 16px rgba(0,0,0,.12)', borderRadius: 6, padding: '8px 14px', borderLeft: `4px solid ${COLOURS[t.kind]}` }}>
            {t.text}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): Toasts {
  return useContext(ToastContext);
}
