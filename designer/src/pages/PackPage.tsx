// 流程包设计：open a pack (from the server, or a local folder), edit its process (BPMN modeler),
// routing rules, forms and pack.json, save the edits as a draft on the server (shared by the pack's
// editors; `?draft=<id>` reopens it after a reload), compare it with the deployed version, and
// deploy it as a new version. The deploy check's problems are listed and shown on the offending
// element / rule / field. Leaving with unsaved edits asks first (reload, closing the tab, links).
import { Alert, Button, Input, Segmented, Select, Space, Spin, Tag } from 'antd';
import { PageTitle, Panel, useToast } from '../app/ui';
import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError } from '../api/client';
import type { ErrorDetail, PackDeployment, PackDraft, PackFiles, WhatIfReport } from '../api/types';
import { formatTime } from '../app/common';
import { useI18n } from '../app/i18n';
import { useLeaveGuard, useRouter } from '../app/router';
import { useSession } from '../app/session';
import { bpmnFiles, filesFromFolder, formFiles, formKeyOf, intakeFields, nextVersion, packInfo, ruleFiles, withVersion } from '../pack/pack-files';
import { WhatIfBadge, WhatIfPanel } from '../pack/WhatIfPanel';
import { PackVersions } from './PacksPage';

const PackModeler = lazy(() => import('../bpmn/PackModeler'));
const BpmnViewer = lazy(() => import('../bpmn/BpmnViewer'));
const RulesEditor = lazy(() => import('../rules/RulesEditor').then((m) => ({ default: m.RulesEditor })));
const FormDesigner = lazy(() => import('../forms/FormDesigner').then((m) => ({ default: m.FormDesigner })));
const DraftsPanel = lazy(() => import('../pack/DraftsPanel'));

/** Whether two packs hold the same files with the same texts. */
function sameFiles(a: PackFiles | undefined, b: PackFiles | undefined): boolean {
  if (!a || !b) return a === b;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

const EMPTY_FORM = `${JSON.stringify({ schema: { type: 'object', properties: {} }, uiSchema: {} }, null, 2)}\n`;

function Loading({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return <Suspense fallback={<Spin description={t('modelerLoading')}><div style={{ height: 300 }} /></Spin>}>{children}</Suspense>;
}

/** Editors shown to a reader: every control inside disabled (a fieldset disables its inputs and buttons). */
function ReadOnly({ on, children }: { on: boolean; children: ReactNode }) {
  if (!on) return <>{children}</>;
  return <fieldset disabled style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }} data-testid="read-only-editor">{children}</fieldset>;
}

function FolderPicker({ onFiles }: { onFiles: (files: PackFiles) => void }) {
  const { t } = useI18n();
  return (
    <label style={{ display: 'inline-block' }}>
      <span className="ant-btn ant-btn-default" style={{ padding: '4px 15px', border: '1px solid #d9d9d9', borderRadius: 4, cursor: 'pointer', background: '#fff' }}>{t('openLocal')}</span>
      <input type="file" style={{ display: 'none' }} data-testid="pack-folder" multiple
        ref={(el) => { if (el) el.setAttribute('webkitdirectory', ''); }}
        onChange={async (e) => { if (e.target.files?.length) onFiles(await filesFromFolder(e.target.files)); }} />
    </label>
  );
}

export default function PackPage({ id }: { id: string }) {
  const { api, org: serverOrg, refreshOrg, can, user } = useSession();
  // Leaders and auditors read packs (pack:read) but do not deploy: a viewer, no editing, no 部署.
  const readOnly = !can('deploy');
  const { t, lang } = useI18n();
  const { navigate, location } = useRouter();
  const message = useToast();
  const [files, setFiles] = useState<PackFiles>();
  // what the editors were loaded from or last saved as: edits beyond it are unsaved
  const [savedFiles, setSavedFiles] = useState<PackFiles>();
  // the deployed version (to compare a draft with) and the draft being edited, if any
  const [deployedFiles, setDeployedFiles] = useState<{ version: string; files: PackFiles }>();
  const [draft, setDraft] = useState<Omit<PackDraft, 'files'>>();
  const [draftTitle, setDraftTitle] = useState('');
  const [draftError, setDraftError] = useState<unknown>();
  // bumped when the files are replaced as a whole (a draft opened): the editors start afresh
  const [loadKey, setLoadKey] = useState(0);
  const draftId = location.query.get('draft');
  const [loadError, setLoadError] = useState<unknown>();
  const [problems, setProblems] = useState<ErrorDetail[]>([]);
  const [deployError, setDeployError] = useState<unknown>();
  const [deployed, setDeployed] = useState<PackDeployment>();
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState('');
  const [tab, setTabState] = useState('process');
  const [opened, setOpened] = useState<string[]>(['process']);
  const setTab = (k: string) => {
    setTabState(k);
    setOpened((o) => (o.includes(k) ? o : [...o, k]));
  };
  const [formFile, setFormFile] = useState<string>();
  const [ruleFile, setRuleFile] = useState<string>();
  const [bpmnFile, setBpmnFile] = useState<string>();
  // 试算影响: its figures stand beside 部署 until the pack is edited again
  const [whatIfOpen, setWhatIfOpen] = useState(false);
  const [whatIf, setWhatIf] = useState<WhatIfReport>();
  useEffect(() => setWhatIf(undefined), [files]);

  const load = (next: PackFiles, fromDraft?: PackDraft) => {
    setFiles(next);
    setSavedFiles(next);
    setProblems([]);
    setDraft(fromDraft);
    setDraftTitle(fromDraft?.title ?? '');
    setLoadKey((k) => k + 1);
  };
  useEffect(() => {
    if (id === '_local') return;
    let stop = false;
    api.supports('/api/packs/{id}/files')
      .then(async (yes) => {
        if (!yes) throw new Error('GET /api/packs/{id}/files');
        const deployedPack = await api.packFiles(id).catch((e: unknown) => (e instanceof ApiError && e.status === 404 && draftId ? undefined : Promise.reject(e)));
        // a draft deployed or deleted meanwhile: the deployed pack opens, with the draft's error above it
        const opened = draftId && can('deploy')
          ? await api.packDraft(id, draftId).catch((e: unknown) => (e instanceof ApiError && e.status === 404 && deployedPack ? (setDraftError(e), undefined) : Promise.reject(e)))
          : undefined;
        if (stop) return;
        if (draftId && !opened) navigate(`/admin/packs/${encodeURIComponent(id)}`, true);
        if (deployedPack) setDeployedFiles({ version: deployedPack.version, files: deployedPack.files });
        if (opened) load(opened.files, opened);
        else if (deployedPack) load(deployedPack.files);
      })
      .catch((e: unknown) => { if (!stop) setLoadError(e); });
    return () => { stop = true; };
    // a draft opened from the list changes `draftId` after its files are loaded: no second load
  }, [api, id]);

  const dirty = !!files && !!savedFiles && !sameFiles(files, savedFiles);
  useLeaveGuard(dirty && !readOnly ? t('leaveUnsaved') : null);

  const info = useMemo(() => (files ? packInfo(files) : undefined), [files]);
  useEffect(() => {
    if (info) setVersion((v) => v || nextVersion(info.version));
  }, [info]);
  const org = info?.org.units.length ? info.org : serverOrg;
  const forms = files ? formFiles(files) : [];
  const formKeys = forms.map(formKeyOf).join(',');
  const choices = useMemo(() => ({ forms: formKeys ? formKeys.split(',') : [], departments: org.departments }), [formKeys, org]);

  const put = (path: string, text: string) => setFiles((f) => (f ? { ...f, [path]: text } : f));
  const problemsOf = (file: string) => problems.filter((p) => p.file === file);

  /** Saves the editors' files: over the open draft, or as a new one. */
  const saveDraft = async (): Promise<Omit<PackDraft, 'files'> | undefined> => {
    if (!files || !info?.id) return undefined;
    setBusy(true);
    setDraftError(undefined);
    try {
      const title = draftTitle.trim() || t('draftDefaultTitle', { user: user?.displayName ?? user?.username ?? '' });
      const saved = draft
        ? await api.savePackDraft(info.id, draft.id, { revision: draft.revision, title, files })
        : await api.createPackDraft(info.id, { title, baseVersion: deployedFiles?.version ?? null, files });
      setDraft(saved);
      setDraftTitle(saved.title);
      setSavedFiles(files);
      if (!draft) navigate(`/admin/packs/${encodeURIComponent(id)}?draft=${encodeURIComponent(saved.id)}`, true);
      message.success(t('draftSaved', { revision: saved.revision }));
      return saved;
    } catch (e) {
      setDraftError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  };

  const deploy = async () => {
    if (!files) return;
    setDeployError(undefined);
    setProblems([]);
    // an open draft is saved first and deployed as itself (the server deletes it once deployed)
    const current = draft && dirty ? await saveDraft() : draft;
    if (draft && !current) return;
    setBusy(true);
    try {
      const d = current && info?.id
        ? await api.deployPackDraft(info.id, current.id, { version, revision: current.revision })
        : await api.deployPack(withVersion(files, version));
      setDeployed(d);
      const now = withVersion(files, version);
      setFiles(now);
      setSavedFiles(now);
      setDeployedFiles({ version: d.version, files: now });
      if (current) {
        setDraft(undefined);
        setDraftTitle('');
        navigate(`/admin/packs/${encodeURIComponent(id)}`, true);
      }
      setVersion(nextVersion(version));
      message.success(`${t('deployed')} ${d.version}`);
      void refreshOrg();
    } catch (e) {
      setDeployError(e);
      if (e instanceof ApiError) setProblems(e.details);
    } finally {
      setBusy(false);
    }
  };

  if (!files) {
    return (
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <PageTitle>{t('packs')} · {id === '_local' ? t('openLocal') : id}</PageTitle>
        {id !== '_local' && !loadError && <Spin />}
        {loadError !== undefined && <Alert type="warning" showIcon title={t('packFilesUnavailable')} description={loadError instanceof Error ? loadError.message : undefined} />}
        {(id === '_local' || loadError !== undefined) && !readOnly && <FolderPicker onFiles={(f) => load(f)} />}
      </Space>
    );
  }

  const bpmnList = bpmnFiles(files);
  const ruleList = ruleFiles(files);
  const currentBpmn = bpmnFile ?? bpmnList[0];
  const currentRules = ruleFile ?? ruleList[0];
  const currentForm = formFile ?? forms[0];
  const goTo = (p: ErrorDetail) => {
    if (!p.file) return;
    if (p.file.endsWith('.bpmn')) { setBpmnFile(p.file); setTab('process'); }
    else if (p.file.startsWith('rules/')) { setRuleFile(p.file); setTab('rules'); }
    else if (p.file.startsWith('forms/')) { setFormFile(p.file); setTab('forms'); }
    else if (p.file === 'pack.json') setTab('manifest');
  };
  const picker = (list: string[], value: string | undefined, set: (v: string) => void, testId: string) => (
    <Select size="small" style={{ minWidth: 220 }} value={value} onChange={set} options={list.map((f) => ({ value: f, label: `${f}${problemsOf(f).length ? `（${problemsOf(f).length}）` : ''}` }))} data-testid={testId} />
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Panel>
        <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <strong style={{ fontSize: 18 }} data-testid="pack-title">{info?.name ?? id}</strong>
            <Tag>{info?.id}</Tag>
            <Tag color="blue">{t('version')} {info?.version}</Tag>
            {deployed && <Tag color="green" data-testid="deployed-version">{t('deployed')} {deployed.version}</Tag>}
            {readOnly && <Tag color="default" data-testid="pack-read-only">{t('packReadOnly')}</Tag>}
            {dirty && !readOnly && <Tag color="orange" data-testid="unsaved">{t('unsavedChanges')}</Tag>}
          </Space>
          <Space wrap>
            {!readOnly && info?.id && id !== '_local' && (
              <>
                <Input size="small" style={{ width: 200, maxWidth: '100%' }} placeholder={t('draftTitle')} value={draftTitle} onChange={(e) => setDraftTitle(e.target.value)} data-testid="draft-title" />
                <Button loading={busy} disabled={!dirty && !!draft} onClick={() => void saveDraft()} data-testid="save-draft">{t('saveDraft')}</Button>
              </>
            )}
            {!readOnly && (
              <>
                <span>{t('newVersion')}</span>
                <Input size="small" style={{ width: 110 }} value={version} onChange={(e) => setVersion(e.target.value.trim())} data-testid="deploy-version" />
                <Button onClick={() => setWhatIfOpen((o) => !o)} data-testid="whatif-toggle">{t('whatIf')}</Button>
                {whatIf && <WhatIfBadge report={whatIf} />}
                <Button type="primary" loading={busy} disabled={!version} onClick={() => void deploy()} data-testid="deploy">{t('deploy')}</Button>
                <FolderPicker onFiles={(f) => { load(f); setVersion(''); }} />
              </>
            )}
            <Button onClick={() => navigate('/admin/packs')}>{t('back')}</Button>
          </Space>
        </Space>
      </Panel>
      {whatIfOpen && !readOnly && <WhatIfPanel files={withVersion(files, version || info?.version || '')} onReport={setWhatIf} />}
      {draft && (
        <Alert type="info" showIcon data-testid="draft-current"
          title={t('draftCurrent', { title: draft.title, revision: draft.revision, by: draft.updatedBy, at: formatTime(draft.updatedAt) })}
          action={<Button size="small" onClick={() => {
            if (dirty && !window.confirm(t('leaveUnsaved'))) return;
            if (deployedFiles) load(deployedFiles.files);
            navigate(`/admin/packs/${encodeURIComponent(id)}`, true);
          }} data-testid="close-draft">{t('closeDraft')}</Button>}
        />
      )}
      {draftError !== undefined && <Alert type="error" showIcon data-testid="draft-error" title={draftError instanceof Error ? draftError.message : String(draftError)} />}
      {deployError !== undefined && (
        <Alert type="error" showIcon data-testid="deploy-problems"
          title={deployError instanceof ApiError && deployError.code === 'PACK_INVALID' ? `${t('deployFailed')}（${problems.length}）` : (deployError instanceof Error ? deployError.message : String(deployError))}
          description={problems.length > 0 && (
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {problems.map((p, i) => (
                <li key={i}><a onClick={() => goTo(p)}>{p.file}{p.elementId ? ` · ${p.elementId}` : ''}{p.pointer ? ` · ${p.pointer}` : ''}</a> {p.message}</li>
              ))}
            </ul>
          )}
        />
      )}
      {(() => {
        const tabs = [
          {
            key: 'process', label: `${t('tabProcess')}${bpmnList.some((f) => problemsOf(f).length) ? ' ⚠' : ''}`,
            children: currentBpmn && (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {bpmnList.length > 1 && picker(bpmnList, currentBpmn, setBpmnFile, 'bpmn-file')}
                <Loading>
                  {readOnly
                    ? <BpmnViewer key={currentBpmn} xml={files[currentBpmn]} height={560} />
                    : <PackModeler key={`${currentBpmn}|${lang}|${loadKey}`} xml={files[currentBpmn]} onChange={(x) => put(currentBpmn, x)} choices={choices} problems={problemsOf(currentBpmn)} />}
                </Loading>
              </Space>
            ),
          },
          {
            key: 'rules', label: `${t('tabRules')}${ruleList.some((f) => problemsOf(f).length) ? ' ⚠' : ''}`,
            children: currentRules && (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {ruleList.length > 1 && picker(ruleList, currentRules, setRuleFile, 'rules-file')}
                <Loading>
                  <ReadOnly on={readOnly}>
                  <RulesEditor key={`${currentRules}|${loadKey}`} text={files[currentRules]} onChange={(x) => put(currentRules, x)} org={org}
                    problems={problemsOf(currentRules)} dataFields={intakeFields(files)} intakeFormText={files['forms/intake.json']}
                    sampleFacts={JSON.stringify({ case: { type: '劳资纠纷', channel: '来访', unit: org.units[0]?.code ?? '', partyCount: 3 }, data: {} }, null, 2)} />
                  </ReadOnly>
                </Loading>
              </Space>
            ),
          },
          {
            key: 'forms', label: `${t('tabForms')}${forms.some((f) => problemsOf(f).length) ? ' ⚠' : ''}`,
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Space>
                  {picker(forms, currentForm, setFormFile, 'form-file')}
                  {!readOnly && <Button size="small" onClick={() => {
                    const key = window.prompt(t('formKey'));
                    if (key && /^[A-Za-z0-9_-]+$/.test(key)) { put(`forms/${key}.json`, EMPTY_FORM); setFormFile(`forms/${key}.json`); }
                  }}>{t('newForm')}</Button>}
                </Space>
                {currentForm && (
                  <Loading>
                    <ReadOnly on={readOnly}>
                      <FormDesigner key={`${currentForm}|${loadKey}`} text={files[currentForm]} onChange={(x) => put(currentForm, x)} org={org} problems={problemsOf(currentForm)} />
                    </ReadOnly>
                  </Loading>
                )}
              </Space>
            ),
          },
          {
            key: 'manifest', label: t('tabManifest'),
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {problemsOf('pack.json').map((p, i) => <Alert key={i} type="error" title={`${p.pointer ?? ''} ${p.message}`} />)}
                <Input.TextArea key={loadKey} rows={28} readOnly={readOnly} value={files['pack.json']} onChange={(e) => put('pack.json', e.target.value)} style={{ fontFamily: 'monospace', fontSize: 12 }} />
              </Space>
            ),
          },
          ...(info?.id && !readOnly && id !== '_local' ? [{
            key: 'drafts', label: t('packDrafts'),
            children: (
              <Loading>
                <DraftsPanel
                  packId={info.id}
                  files={files}
                  deployed={deployedFiles}
                  current={draft?.id}
                  refresh={`${draft?.id}|${draft?.revision}|${deployed?.version}`}
                  onOpen={(d) => {
                    if (dirty && !window.confirm(t('leaveUnsaved'))) return;
                    load(d.files, d);
                    navigate(`/admin/packs/${encodeURIComponent(id)}?draft=${encodeURIComponent(d.id)}`, true);
                    setTab('process');
                  }}
                  onDeleted={(draftId) => {
                    if (draftId !== draft?.id) return;
                    setDraft(undefined);
                    navigate(`/admin/packs/${encodeURIComponent(id)}`, true);
                  }}
                />
              </Loading>
            ),
          }] : []),
          ...(info?.id ? [{ key: 'versions', label: t('packVersions'), children: <PackVersions packId={info.id} key={deployed?.version} /> }] : []),
        ];
        return (
          <>
            {/* six tabs are wider than a phone: they scroll sideways inside the page */}
            <div style={{ overflowX: 'auto', maxWidth: '100%' }}>
              <Segmented value={tab} onChange={(v) => setTab(String(v))} options={tabs.map((x) => ({ value: x.key, label: x.label }))} data-testid="pack-tabs" />
            </div>
            {/* one item of the page's column, so the hidden editors leave no gaps */}
            <div>
              {tabs.map((x) => (
                // Keep every opened editor mounted (the modeler's undo stack, scroll positions).
                <div key={x.key} style={{ display: x.key === tab ? undefined : 'none' }}>{opened.includes(x.key) || x.key === tab ? x.children : null}</div>
              ))}
            </div>
          </>
        );
      })()}
    </Space>
  );
}
