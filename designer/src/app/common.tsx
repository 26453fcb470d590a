// Small shared pieces: 红黄绿 due tags, case status tags, error alerts, date formatting.
import { Alert, Tag } from 'antd';
import { ApiError } from '../api/client';
import type { CaseStatus, DueColour } from '../api/types';
import { useI18n, type MessageKey } from './i18n';
import { forbiddenMessage } from './permissions';

const COLOUR: Record<DueColour, { tag: string; key: MessageKey }> = {
  green: { tag: 'success', key: 'colGreen' },
  yellow: { tag: 'warning', key: 'colYellow' },
  red: { tag: 'error', key: 'colRed' },
};

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The due date with its 红黄绿 colour. */
export function DueTag({ dueAt, colour }: { dueAt: string | null; colour: DueColour | null }) {
  const { t } = useI18n();
  if (!dueAt) return <span>—</span>;
  const c = colour ? COLOUR[colour] : undefined;
  return (
    <span data-colour={colour ?? 'none'}>
      {c && <Tag color={c.tag}>{t(c.key)}</Tag>}
      {formatTime(dueAt)}
    </span>
  );
}

const STATUS: Record<CaseStatus, { color: string; key: MessageKey }> = {
  active: { color: 'processing', key: 'statusActive' },
  completed: { color: 'success', key: 'statusCompleted' },
  incident: { color: 'error', key: 'statusIncident' },
  failed: { color: 'error', key: 'statusFailed' },
  withdrawn: { color: 'default', key: 'statusWithdrawn' },
  refused: { color: 'warning', key: 'statusRefused' },
};

export function StatusTag({ status }: { status: CaseStatus }) {
  const { t } = useI18n();
  const s = STATUS[status];
  return <Tag color={s.color} data-status={status}>{t(s.key)}</Tag>;
}

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, lang } = useI18n();
  if (!error) return null;
  const raw = error instanceof Error ? error.message : String(error);
  // A 403 names the permission the role lacks, in words (pack:deploy → 部署流程包).
  const message = error instanceof ApiError && error.status === 403 ? `${t('forbiddenPrefix')}：${forbiddenMessage(raw, lang)}` : raw;
  const details = error instanceof ApiError ? error.details : [];
  return (
    <Alert
      type="error"
      showIcon
      title={error instanceof ApiError ? `${message}（${error.code}）` : message}
      description={details.length ? <ul style={{ margin: 0, paddingLeft: 18 }}>{details.map((d, i) => <li key={i}>{[d.file, d.elementId ?? d.field ?? d.pointer].filter(Boolean).join(' ')} {d.message}</li>)}</ul> : undefined}
      action={onRetry ? <a onClick={onRetry}>{t('retry')}</a> : undefined}
    />
  );
}
