// 草稿 tab of the pack page (its own chunk): the pack's drafts on the server — open one to continue
// it, compare it with the deployed version, delete it — and what the editors' current files change
// against the deployed version. The server compares (the 版本比较 of two deployed versions: BPMN
// elements, rules, form fields, org model, pack.json settings), in Chinese lines.
import { Alert, Button, Space, Spin, Tag } from 'antd';
import { useEffect, useState } from 'react';
import type { PackDiff, PackDraft, PackDraftSummary, PackFiles } from '../api/types';
import { ErrorAlert, formatTime } from '../app/common';
import { useI18n } from '../app/i18n';
import { SimpleTable } from '../app/SimpleTable';
import { Panel, useToast } from '../app/ui';
import { useSession } from '../app/session';
import { useLoad } from '../app/use-load';

/** What `load` answers (the server's comparison with the deployed `version`), a line a change. */
function PackDiffView({ version, load, deps, testId }: { version: string; load: () => Promise<PackDiff>; deps: readonly unknown[]; testId?: string }) {
  const { t } = useI18n();
  const diff = useLoad(load, deps);
  const lines = diff.data?.summary;
  return (
    <div data-testid={testId}>
      <div style={{ fontWeight: 600, marginBottom: 8 }}>{t('diffTitle', { version })}</div>
      <ErrorAlert error={diff.error} onRetry={diff.reload} />
      {!lines && !diff.error && <Spin />}
      {lines?.length === 0 && <div style={{ color: '#666' }} data-testid="diff-none">{t('diffNone')}</div>}
      {!!lines?.length && (
        <ul data-testid="diff-summary" style={{ margin: 0, paddingLeft: 18, display: 'flex', flexDirection: 'column', gap: 4, overflowWrap: 'anywhere' }}>
          {lines.map((line, i) => <li key={i}>{line}</li>)}
        </ul>
      )}
    </div>
  );
}

/** `value`, once it has stayed the same for `ms` (the editors' files compare after typing stops). */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export default function DraftsPanel({ packId, files, deployed, current, refresh, onOpen, onDeleted }: {
  packId: string;
  /** The editors' files now. */
  files: PackFiles;
  /** The deployed version the drafts compare with (absent before the first deploy). */
  deployed?: { version: string };
  /** The draft open in the editors. */
  current?: string;
  /** Changes when the list may have changed (a save, a deploy). */
  refresh: string;
  onOpen: (draft: PackDraft) => void;
  onDeleted: (draftId: string) => void;
}) {
  const { api } = useSession();
  const { t } = useI18n();
  const message = useToast();
  const drafts = useLoad(() => api.packDrafts(packId), [api, packId, refresh]);
  const [compared, setCompared] = useState<PackDraftSummary>();
  const editing = useSettled(files, 500);
  // a compared draft that is gone from the list (deployed, deleted by someone) is no longer compared
  const shown = compared && drafts.data?.find((d) => d.id === compared.id);
  const [error, setError] = useState<unknown>();

  const fetchDraft = async (d: PackDraftSummary) => {
    setError(undefined);
    try {
      return await api.packDraft(packId, d.id);
    } catch (e) {
      setError(e);
      drafts.reload();
      return undefined;
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('draftShared')} />
      <ErrorAlert error={drafts.error ?? error} onRetry={drafts.reload} />
      <Panel title={t('packDrafts')} testId="drafts">
        <SimpleTable<PackDraftSummary>
          rowKey={(d) => d.id}
          loading={drafts.loading}
          rows={drafts.data ?? []}
          rowTestId={(d) => `draft-row-${d.title}`}
          empty={<span style={{ color: '#666' }}>{t('noDrafts')}</span>}
          columns={[
            { key: 'title', title: t('draftTitle'), render: (d) => <>{d.title}{d.id === current && <Tag color="blue" style={{ marginLeft: 6 }}>{t('draftOpenNow')}</Tag>}</> },
            { key: 'base', title: t('draftBase'), render: (d) => d.baseVersion ?? '—' },
            { key: 'saved', title: t('draftLastSaved'), render: (d) => `${d.updatedBy} · ${formatTime(d.updatedAt)} · #${d.revision}` },
            {
              key: 'a', title: t('actions'), render: (d) => (
                <Space wrap>
                  <Button size="small" type="primary" data-testid="draft-open" onClick={async () => { const full = await fetchDraft(d); if (full) onOpen(full); }}>{t('open')}</Button>
                  {deployed && <Button size="small" data-testid="draft-compare" onClick={() => { setError(undefined); setCompared(d); }}>{t('draftCompare')}</Button>}
                  <Button size="small" danger data-testid="draft-delete" onClick={async () => {
                    if (!window.confirm(t('draftDeleteConfirm', { title: d.title }))) return;
                    try {
                      await api.deletePackDraft(packId, d.id);
                      message.success(t('draftDeleted'));
                      if (compared?.id === d.id) setCompared(undefined);
                      onDeleted(d.id);
                    } catch (e) {
                      setError(e);
                    }
                    drafts.reload();
                  }}>{t('draftDelete')}</Button>
                </Space>
              ),
            },
          ]}
        />
      </Panel>
      {shown && deployed && (
        <Panel title={shown.title} extra={<Button size="small" onClick={() => setCompared(undefined)}>{t('dashClose')}</Button>}>
          <PackDiffView
            version={deployed.version} testId="draft-diff"
            load={() => api.packDraftDiff(packId, shown.id)} deps={[api, packId, shown.id, shown.revision]}
          />
        </Panel>
      )}
      {deployed && (
        <Panel title={t('draftEditing')}>
          <PackDiffView version={deployed.version} testId="editor-diff" load={() => api.packFilesDiff(packId, editing)} deps={[api, packId, editing, deployed.version]} />
        </Panel>
      )}
    </Space>
  );
}
