// 草稿 tab of the pack page (its own chunk): the pack's drafts on the server — open one to continue
// it, compare it with the deployed version, delete it — and what the editors' current files change
// against the deployed version, file by file in words (pack-diff.ts).
import { Alert, Button, Space, Tag } from 'antd';
import { useState } from 'react';
import type { PackDraft, PackDraftSummary, PackFiles } from '../api/types';
import { ErrorAlert, formatTime } from '../app/common';
import { useI18n, type MessageKey, type Translate } from '../app/i18n';
import { SimpleTable } from '../app/SimpleTable';
import { Panel, useToast } from '../app/ui';
import { useSession } from '../app/session';
import { useLoad } from '../app/use-load';
import { diffPack, type DiffNote, type FileDiff } from './pack-diff';

const CHANGE_COLOUR: Record<FileDiff['change'], string> = { added: 'green', removed: 'red', changed: 'blue' };
const CHANGE_WORD: Record<FileDiff['change'], MessageKey> = { added: 'diffAdded', removed: 'diffRemoved', changed: 'diffChanged' };
const NOTE_WORD: Record<Exclude<DiffNote['kind'], 'lines' | 'unreadable'>, MessageKey> = {
  rulesAdded: 'diffRulesAdded', rulesRemoved: 'diffRulesRemoved', rulesChanged: 'diffRulesChanged',
  fieldsAdded: 'diffFieldsAdded', fieldsRemoved: 'diffFieldsRemoved', fieldsChanged: 'diffFieldsChanged', keysChanged: 'diffKeysChanged',
};

function noteText(n: DiffNote, t: Translate, lang: string): string {
  if (n.kind === 'lines') return t('diffLines', { added: n.added, removed: n.removed });
  if (n.kind === 'unreadable') return t('diffUnreadable');
  return t(NOTE_WORD[n.kind], { names: n.names.join(lang === 'en' ? ', ' : '、') });
}

/** Every changed file with what changed in it. */
export function PackDiffView({ deployed, files, testId }: { deployed: { version: string; files: PackFiles }; files: PackFiles; testId?: string }) {
  const { t, lang } = useI18n();
  const diff = diffPack(deployed.files, files);
  return (
    <div data-testid={testId}>
      <div style={{ fontWeight: 600, marginBottom: 8 }}>{t('diffTitle', { version: deployed.version })}</div>
      {diff.length === 0 && <div style={{ color: '#666' }} data-testid="diff-none">{t('diffNone')}</div>}
      <ul style={{ margin: 0, paddingLeft: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: 8 }}>
        {diff.map((d) => (
          <li key={d.file} data-testid={`diff-${d.file}`} style={{ borderLeft: '3px solid #d9d9d9', paddingLeft: 10, overflowWrap: 'anywhere' }}>
            <Tag color={CHANGE_COLOUR[d.change]}>{t(CHANGE_WORD[d.change])}</Tag>
            <code>{d.file}</code>
            {d.notes.map((n, i) => <div key={i} style={{ color: '#444', marginTop: 2 }}>{noteText(n, t, lang)}</div>)}
          </li>
        ))}
      </ul>
    </div>
  );
}

export default function DraftsPanel({ packId, files, deployed, current, refresh, onOpen, onDeleted }: {
  packId: string;
  /** The editors' files now. */
  files: PackFiles;
  deployed?: { version: string; files: PackFiles };
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
  const [compared, setCompared] = useState<PackDraft>();
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
                  {deployed && <Button size="small" data-testid="draft-compare" onClick={async () => setCompared(await fetchDraft(d))}>{t('draftCompare')}</Button>}
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
      {compared && deployed && (
        <Panel title={compared.title} extra={<Button size="small" onClick={() => setCompared(undefined)}>{t('dashClose')}</Button>}>
          <PackDiffView deployed={deployed} files={compared.files} testId="draft-diff" />
        </Panel>
      )}
      {deployed && (
        <Panel title={t('draftEditing')}>
          <PackDiffView deployed={deployed} files={files} testId="editor-diff" />
        </Panel>
      )}
    </Space>
  );
}
