// 受理登记：choose the process (only those of the user's own county; a user of every unit chooses
// explicitly, nothing is preselected), fill in its intake form (CaseForm) with the unit and
// department pickers of that process's county, start the case.
import { CaseForm } from '@yizhan/forms/react';
import { Alert, Button, Card, Input, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client';
import type { Definition } from '../api/types';
import { ErrorAlert, formatTime } from '../app/common';
import { useFormDraft } from '../app/form-draft';
import { useI18n } from '../app/i18n';
import { useToast } from '../app/ui';
import { useRouter } from '../app/router';
import { useSession } from '../app/session';
import { useLoad } from '../app/use-load';
import { REGISTERED_KEY } from './case-data';

/** The latest version of each process. */
export function latestDefinitions(defs: Definition[]): Definition[] {
  const byKey = new Map<string, Definition>();
  for (const d of defs) if ((byKey.get(d.key)?.version ?? 0) < d.version) byKey.set(d.key, d);
  return [...byKey.values()].sort((a, b) => a.key.localeCompare(b.key));
}

export default function NewCasePage() {
  const { api, user } = useSession();
  const { t, lang } = useI18n();
  const { navigate, location } = useRouter();
  const message = useToast();
  const defs = useLoad(async () => latestDefinitions(await api.startableDefinitions()), [api]);
  // A user of one county has only its processes: the first is a safe default. A user of every
  // unit (unit null) must choose, so a case never lands in another county's process by default.
  const chosen = location.query.get('process') ?? (user?.unit ? defs.data?.[0]?.key : undefined);
  const def = defs.data?.find((d) => d.key === chosen);
  const org = useLoad(async () => (def ? api.org(def.key) : undefined), [api, def?.key]);
  const form = useLoad(async () => {
    if (!def) return undefined;
    // The start event's form; servers without the definition endpoint get the packs' convention.
    const detail = (await api.supports('/api/definitions/{id}'))
      ? await api.definition(def.id).catch((e: unknown) => (e instanceof ApiError && e.status === 404 ? undefined : Promise.reject(e)))
      : undefined;
    return api.form(detail?.startFormKey ?? 'intake', def.key, def.version);
  }, [api, def?.id]);
  // What was typed and not submitted is kept per user and process (a session expiry or a reload loses nothing).
  const draftKey = def ? `intake:${def.key}` : undefined;
  const draft = useFormDraft<{ title: string; data: Record<string, unknown> }>(user?.username, draftKey);
  const [cleared, setCleared] = useState(0);
  const restored = cleared ? undefined : draft.restored;
  const [titleState, setTitle] = useState<string>();
  const title = titleState ?? restored?.data.title ?? '';
  // the form's data as last changed, with the process it belongs to (another process starts afresh)
  const [data, setData] = useState<{ key: string; value: Record<string, unknown> }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const keep = (next: { title?: string; data?: Record<string, unknown> }) => {
    if (next.title !== undefined) setTitle(next.title);
    if (!draftKey) return;
    const d = next.data ?? (data?.key === draftKey ? data.value : undefined) ?? restored?.data.data ?? {};
    if (next.data) setData({ key: draftKey, value: next.data });
    draft.save({ title: next.title ?? title, data: d });
  };

  const start = async (data: Record<string, unknown>) => {
    if (!def) return;
    setBusy(true);
    setError(undefined);
    try {
      const c = await api.startCase(def.key, data, title.trim() || undefined);
      draft.clear();
      message.success(`${t('caseStarted')} ${c.number}`);
      // the case page offers the intake receipt once, right after registering
      window.sessionStorage.setItem(REGISTERED_KEY, c.id);
      navigate(`/cases/${c.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 960 }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('newCase')}</Typography.Title>
      <ErrorAlert error={defs.error ?? form.error ?? org.error} />
      <Space wrap>
        <span>{t('process')}</span>
        <Select
          style={{ minWidth: 'min(320px, 100%)', maxWidth: '100%' }}
          loading={defs.loading}
          value={def?.key}
          placeholder={t('chooseProcess')}
          onChange={(v) => navigate(`/cases/new?process=${encodeURIComponent(v)}`, true)}
          options={(defs.data ?? []).map((d) => ({ value: d.key, label: `${d.name ?? d.key}（${d.key} v${d.version}）` }))}
          data-testid="process-select"
        />
        <Input placeholder={t('caseTitleInput')} aria-label={t('caseTitleInput')} value={title} onChange={(e) => keep({ title: e.target.value })} style={{ width: 360, maxWidth: '100%' }} data-testid="case-title" />
      </Space>
      {defs.data && !defs.data.length && <Alert type="info" showIcon title={t('noStartableProcess')} data-testid="no-process" />}
      {restored && def && (
        <Alert
          type="info"
          showIcon
          data-testid="draft-restored"
          title={t('formDraftRestored', { at: formatTime(restored.savedAt) })}
          action={<Button size="small" onClick={() => { draft.clear(); setData(undefined); setTitle(''); setCleared((n) => n + 1); }} data-testid="draft-discard">{t('formDraftDiscard')}</Button>}
        />
      )}
      <Card loading={form.loading || org.loading} data-testid="intake-form">
        {!def && defs.data && defs.data.length > 0 && <Typography.Text type="secondary">{t('chooseProcessFirst')}</Typography.Text>}
        {form.data && org.data && (
          <CaseForm
            key={`${def?.key}|${cleared}`}
            definition={form.data}
            formData={restored?.data.data}
            onChange={(d) => keep({ data: d })}
            org={org.data}
            locale={lang}
            disabled={busy}
            submitText={t('startCase')}
            uploadAttachment={async (file) => {
              // staged on the server until this intake is submitted, then kept with the new case
              const a = await api.uploadAttachment(file, file.name);
              return { id: a.id, name: a.name, size: a.size, contentType: a.contentType };
            }}
            onSubmit={(data) => void start(data)}
          />
        )}
      </Card>
      <ErrorAlert error={error} />
    </Space>
  );
}
