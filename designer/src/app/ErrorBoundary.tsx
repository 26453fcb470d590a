// One page's failure (a render error, a chunk that did not load) shows a Chinese error panel in
// place of that page — 错误信息 with 返回 and 重试 — and leaves the header and navigation working.
// The boundary is keyed by the path in App.tsx, so navigating elsewhere starts afresh.
import { Button } from 'antd';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useI18n } from './i18n';

interface Props {
  children: ReactNode;
  /** 返回: where the user goes from the panel. */
  onBack: () => void;
}

export class PageErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // Kept for whoever reads the browser console; the user sees the panel.
    console.error('页面出错', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <ErrorPanel error={error} onBack={this.props.onBack} onRetry={() => this.setState({ error: null })} />;
  }
}

function ErrorPanel({ error, onBack, onRetry }: { error: Error; onBack: () => void; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <section role="alert" data-testid="page-error" style={{ background: '#fff', border: '1px solid #ffccc7', borderRadius: 6, padding: 20, maxWidth: 720 }}>
      <h2 style={{ margin: '0 0 8px', fontSize: 20, color: '#cf1322' }}>{t('pageError')}</h2>
      <p style={{ margin: '0 0 12px', color: '#555' }}>{t('pageErrorHint')}</p>
      <div style={{ fontWeight: 600, marginBottom: 4 }}>{t('errorInfo')}</div>
      <pre data-testid="page-error-message" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', background: '#fff2f0', padding: 12, borderRadius: 4, margin: '0 0 16px', fontSize: 13 }}>
        {error.message || error.name}
      </pre>
      <div style={{ display: 'flex', gap: 8 }}>
        <Button onClick={onBack} data-testid="page-error-back">{t('back')}</Button>
        <Button type="primary" onClick={onRetry} data-testid="page-error-retry">{t('retry')}</Button>
      </div>
    </section>
  );
}
