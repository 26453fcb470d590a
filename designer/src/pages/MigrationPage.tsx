// 案件迁移 (administrators who deploy packs): move the running cases of a process from an older
// version to a newer one. Choose the process and the versions (GET /api/migrations/versions), check
// the plan (POST /api/migrations/plan, read-only): where the cases wait, the element each maps to in
// the new version (proposed for unchanged ids, editable; a change checks the plan again), problems in
// red, each case 可迁移 / 不可迁移 with its reason; select cases, confirm, and read the report case by
// case (POST /api/migrations). Cases not migrated stay on their version. Errors are shown as they come.
import { Alert, Button, Checkbox, Empty, Select, Space, Spin, Statistic, Tag } from 'antd';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { MigrationPlan, MigrationProcess, MigrationReport, MigrationRequest } from '../api/types';
import { ErrorAlert } from '../app/common';
import { useI18n, type MessageKey } from '../app/i18n';
import { Link } from '../app/router';
import { SimpleTable } from '../app/SimpleTable';
import { PageTitle, Panel } from '../app/ui';
import { useSession } from '../app/session';
import { useLoad } from '../app/use-load';
import { PHONE, useNarrow } from '../app/use-narrow';

const BpmnViewer = lazy(() => import('../bpmn/BpmnViewer'));

type PlanElement = MigrationPlan['elements'][number];
type PlanCase = MigrationPlan['cases'][number];
type Result = MigrationReport['results'][number];
type Step = 'plan' | 'confirm' | 'report';

/** BPMN types by name; a boundary event (时限, 撤回) waits with the task it is attached to. */
const TYPES: Record<string, MessageKey> = {
  'bpmn:UserTask': 'migTypeUserTask', 'bpmn:BoundaryEvent': 'migTypeBoundary', 'bpmn:ReceiveTask': 'migTypeReceive',
  'bpmn:IntermediateCatchEvent': 'migTypeCatch', 'bpmn:SubProcess': 'migTypeSubProcess', 'bpmn:StartEvent': 'migTypeStart',
};
const BOUNDARY = 'bpmn:BoundaryEvent';

const REFUSALS = [
  'MIGRATION_UNMAPPED_ELEMENT', 'MIGRATION_FORM_INCOMPATIBLE', 'MIGRATION_CASE_CHANGED', 'MIGRATION_NOT_RUNNING',
  'MIGRATION_UNSUPPORTED_ELEMENT', 'MIGRATION_MAPPING_CONFLICT', 'MIGRATION_FAILED',
] as const;

/** The reason of a refusal: the server's words in Chinese; in English the stable code's meaning when known. */
function useReason() {
  const { t, lang } = useI18n();
  return (code?: string, reason?: string) => {
    const known = (REFUSALS as readonly string[]).includes(code ?? '') ? t(`migCode_${code}` as MessageKey) : undefined;
    return (lang === 'en' ? known ?? reason : reason ?? known) ?? code ?? '';
  };
}

export default function MigrationPage() {
  const { api } = useSession();
  const { t } = useI18n();
  const processes = useLoad(() => api.migrationVersions(), [api]);
  const [choice, setChoice] = useState<{ processKey?: string; from?: number; to?: number }>({});
  // a changed choice drops the plan shown; 检查迁移方案 checks it (again) from the start
  const [planned, setPlanned] = useState<{ request: MigrationRequest; name: string; run: number }>();

  const list = processes.data ?? [];
  const process: MigrationProcess | undefined = list.find((p) => p.processKey === choice.processKey);
  // the first process and its oldest version with running cases, to the latest version
  useEffect(() => {
    if (!choice.processKey && list[0]) {
      const p = list[0];
      setChoice({ processKey: p.processKey, from: p.versions[0]?.version, to: p.latestVersion });
    }
  }, [list]);

  const targets = process && choice.from !== undefined
    ? Array.from({ length: Math.max(0, process.latestVersion - choice.from) }, (_, i) => choice.from! + 1 + i)
    : [];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="migration-page">
      <PageTitle testId="migration-title">{t('migTitle')}</PageTitle>
      <div style={{ color: '#595959' }}>{t('migIntro')}</div>
      <ErrorAlert error={processes.error} onRetry={processes.reload} />
      {processes.loading && !processes.data ? <Spin /> : list.length === 0 && !processes.error ? (
        <Panel><Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('migNothing')} /></Panel>
      ) : list.length > 0 && (
        <Panel testId="migration-choose">
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-end' }}>
            <label style={{ display: 'flex', flexDirection: 'column', gap: 4, flex: '1 1 260px', minWidth: 0 }}>
              <span>{t('migProcess')}</span>
              <Select
                data-testid="mig-process"
                value={choice.processKey}
                options={list.map((p) => ({ value: p.processKey, label: `${p.name}（${p.processKey}）` }))}
                onChange={(key: string) => {
                  const p = list.find((x) => x.processKey === key);
                  setPlanned(undefined);
                  setChoice({ processKey: key, from: p?.versions[0]?.version, to: p?.latestVersion });
                }}
              />
            </label>
            <label style={{ display: 'flex', flexDirection: 'column', gap: 4, flex: '1 1 180px', minWidth: 0 }}>
              <span>{t('migFrom')}</span>
              <Select
                data-testid="mig-from"
                value={choice.from}
                options={(process?.versions ?? []).map((v) => ({ value: v.version, label: t('migVersionOption', { version: v.version, n: v.runningCases }) }))}
                onChange={(from: number) => { setPlanned(undefined); setChoice((c) => ({ ...c, from, to: process?.latestVersion })); }}
              />
            </label>
            <label style={{ display: 'flex', flexDirection: 'column', gap: 4, flex: '1 1 160px', minWidth: 0 }}>
              <span>{t('migTo')}</span>
              <Select
                data-testid="mig-to"
                value={choice.to}
                options={targets.map((v) => ({ value: v, label: v === process?.latestVersion ? t('migLatest', { version: v }) : t('migTargetOption', { version: v }) }))}
                onChange={(to: number) => { setPlanned(undefined); setChoice((c) => ({ ...c, to })); }}
              />
            </label>
            <Button
              type="primary"
              data-testid="mig-plan"
              disabled={!process || choice.from === undefined || choice.to === undefined}
              onClick={() => process && choice.from !== undefined && choice.to !== undefined
                && setPlanned((p) => ({ name: process.name, run: (p?.run ?? 0) + 1, request: { processKey: process.processKey, fromVersion: choice.from!, toVersion: choice.to! } }))}
            >
              {t('migPlan')}
            </Button>
          </div>
        </Panel>
      )}
      {planned && (
        <Migration
          key={`${planned.request.processKey}@${planned.request.fromVersion}>${planned.request.toVersion}#${planned.run}`}
          request={planned.request}
          name={planned.name}
          onAgain={() => { setPlanned(undefined); setChoice({}); processes.reload(); }}
          onMigrated={processes.reload}
        />
      )}
    </Space>
  );
}

/** The target version's diagram with the elements the waiting cases will be at marked as current. */
function TargetDiagram({ processKey, version, mapped }: { processKey: string; version: number; mapped: string[] }) {
  const { api } = useSession();
  const { t } = useI18n();
  const xml = useLoad(async () => {
    const def = (await api.definitions(processKey)).find((d) => d.version === version);
    return def ? (await api.definition(def.id)).bpmn : null;
  }, [api, processKey, version]);
  if (xml.error) return <ErrorAlert error={xml.error} />;
  if (xml.loading) return <Spin />;
  if (!xml.data) return <span style={{ color: '#8c8c8c' }}>{t('diagramUnavailable')}</span>;
  return <div data-testid="mig-diagram"><Suspense fallback={<Spin />}><BpmnViewer xml={xml.data} current={mapped} height={360} /></Suspense></div>;
}

/** The plan of one process from one version to another, then the confirmation, then the report. */
function Migration({ request, name, onAgain, onMigrated }: { request: MigrationRequest; name: string; onAgain: () => void; onMigrated: () => void }) {
  const { api } = useSession();
  const { t } = useI18n();
  const reason = useReason();
  const phone = useNarrow(PHONE);
  /** The mappings the administrator chose (source element → target element); the rest is the proposal. */
  const [overrides, setOverrides] = useState<Record<string, string>>({});
  const [plan, setPlan] = useState<MigrationPlan>();
  const [planError, setPlanError] = useState<unknown>();
  const [checking, setChecking] = useState(true);
  /** Migratable cases the administrator unticked: every other migratable case is selected. */
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const [step, setStep] = useState<Step>('plan');
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<unknown>();
  const [report, setReport] = useState<MigrationReport>();
  const [diagram, setDiagram] = useState(false);
  const seq = useRef(0);
  // the confirmation and the report come below a long plan: bring them into view
  const stepRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (step !== 'plan') stepRef.current?.scrollIntoView?.({ block: step === 'report' ? 'start' : 'nearest', behavior: 'smooth' });
  }, [step]);

  useEffect(() => {
    const mine = ++seq.current;
    setChecking(true);
    api.migrationPlan({ ...request, ...(Object.keys(overrides).length ? { mapping: overrides } : {}) }).then(
      (p) => { if (mine === seq.current) { setPlan(p); setPlanError(undefined); setChecking(false); } },
      (e: unknown) => { if (mine === seq.current) { setPlanError(e); setChecking(false); } },
    );
  }, [api, request, overrides]);

  if (!plan) return planError ? <ErrorAlert error={planError} /> : <Spin />;

  const migratable = plan.cases.filter((c) => c.migratable);
  const selected = migratable.filter((c) => !unticked.has(c.caseId));
  const everything = selected.length === migratable.length && plan.caseCount > plan.cases.length;
  const count = everything ? plan.migratableCount : selected.length;
  const elementName = (id: string) => {
    const e = plan.elements.find((x) => x.elementId === id);
    return e ? `${e.name || e.elementId}` : id;
  };
  // the element's id in every problem, once
  const problemText = (e: PlanElement) => {
    const text = reason(e.problem?.code, e.problem?.message);
    return text.includes(e.elementId) ? text : `${e.name || e.elementId}（${e.elementId}）：${text}`;
  };
  const titleOf = (caseId: string) => plan.cases.find((c) => c.caseId === caseId)?.title;
  const tick = (c: PlanCase) => (
    <Checkbox
      data-testid={`mig-check-${c.caseNo}`}
      disabled={!c.migratable || step !== 'plan'}
      checked={c.migratable && !unticked.has(c.caseId)}
      onChange={(ev) => setUnticked((u) => {
        const next = new Set(u);
        if (ev.target.checked) next.delete(c.caseId);
        else next.add(c.caseId);
        return next;
      })}
    />
  );
  // where a case is, as a clerk says it: its tasks, not the 时限 / 撤回 events attached to them
  const typeOf = (id: string) => plan.elements.find((x) => x.elementId === id)?.type;
  const steps = (ids: string[]) => (ids.some((id) => typeOf(id) !== BOUNDARY) ? ids.filter((id) => typeOf(id) !== BOUNDARY) : ids);
  const targetName = (id: string) => plan.targetElements.find((x) => x.elementId === id)?.name || id;
  const title = t('migPlanTitle', { process: name, from: plan.fromVersion, to: plan.toVersion });

  const run = async () => {
    setRunning(true);
    setRunError(undefined);
    try {
      const body: MigrationRequest = { ...request, mapping: plan.mapping, ...(everything ? {} : { caseIds: selected.map((c) => c.caseId) }) };
      setReport(await api.migrate(body));
      setStep('report');
      // the running cases per version above are now different
      onMigrated();
    } catch (e) {
      setRunError(e);
    } finally {
      setRunning(false);
    }
  };

  if (step === 'report' && report) {
    return (
      <div ref={stepRef}><Panel title={t('migReportTitle')} testId="mig-report">
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <div style={{ display: 'flex', gap: 32, flexWrap: 'wrap' }}>
            <Statistic title={t('migDone')} value={report.migrated} styles={{ content: { color: '#389e0d' } }} data-testid="mig-report-migrated" />
            <Statistic title={t('migRefused')} value={report.refused} styles={{ content: { color: report.refused ? '#cf1322' : undefined } }} data-testid="mig-report-refused" />
          </div>
          <div style={{ color: '#595959' }}>{t('migResultSummary', { migrated: report.migrated, refused: report.refused, id: report.migrationId })}</div>
          <SimpleTable<Result>
            cards={phone}
            rows={report.results}
            rowKey={(r) => r.caseId}
            rowTestId={(r) => `mig-result-${r.caseNo}`}
            columns={[
              { key: 'no', title: t('caseNo'), render: (r) => <Link to={`/cases/${r.caseId}`}>{r.caseNo}</Link> },
              { key: 'title', title: t('caseTitle'), render: (r) => <div style={{ maxWidth: 360, whiteSpace: 'normal' }}>{titleOf(r.caseId) ?? '—'}</div> },
              { key: 'st', title: t('migResult'), render: (r) => r.status === 'migrated'
                ? <Tag color="success" data-status="migrated">{t('migDone')}</Tag>
                : <Tag color="error" data-status="refused">{t('migRefused')}</Tag> },
              { key: 'why', title: t('migReason'), render: (r) => r.status === 'refused'
                ? <div style={{ color: '#cf1322', maxWidth: 420, whiteSpace: 'normal' }}>{reason(r.code, r.reason)}{r.code && <span style={{ color: '#8c8c8c' }}>（{r.code}）</span>}</div>
                : '—' },
            ]}
          />
          <Button onClick={onAgain} data-testid="mig-again">{t('migAgain')}</Button>
        </Space>
      </Panel></div>
    );
  }

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Panel title={title} testId="mig-plan-panel" extra={checking ? <Spin size="small" /> : undefined}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <ErrorAlert error={planError} />
          <div style={{ display: 'flex', gap: 32, flexWrap: 'wrap' }}>
            <Statistic title={t('migCases')} value={plan.caseCount} data-testid="mig-case-count" />
            <Statistic title={t('migMigratable')} value={plan.migratableCount} styles={{ content: { color: '#389e0d' } }} data-testid="mig-migratable-count" />
            <Statistic title={t('migNotMigratable')} value={plan.caseCount - plan.migratableCount} styles={{ content: { color: plan.caseCount > plan.migratableCount ? '#cf1322' : undefined } }} />
          </div>
          <Alert type={plan.ok ? 'success' : 'error'} showIcon title={plan.ok ? t('migPlanOk') : t('migPlanProblems')} data-testid="mig-plan-status" data-ok={String(plan.ok)} />
          <strong>{t('migElements')}</strong>
          <SimpleTable<PlanElement>
            cards={phone}
            rows={plan.elements}
            rowKey={(e) => e.elementId}
            rowTestId={(e) => `mig-element-${e.elementId}`}
            columns={[
              { key: 'el', title: t('migElement'), render: (e) => (
                <div>
                  <div>{e.name || e.elementId}</div>
                  <div style={{ fontSize: 12, color: '#8c8c8c' }}>{TYPES[e.type] ? t(TYPES[e.type]) : e.type.replace(/^bpmn:/, '')} · <code>{e.elementId}</code></div>
                </div>
              ) },
              { key: 'n', title: t('migWaiting'), render: (e) => e.caseCount },
              { key: 'to', title: t('migMapTo'), render: (e) => (
                <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                  <Select
                    data-testid={`mig-map-${e.elementId}`}
                    style={{ width: phone ? '100%' : 260, maxWidth: '100%' }}
                    status={e.problem ? 'error' : undefined}
                    disabled={step !== 'plan'}
                    placeholder={t('migUnmapped')}
                    value={e.mappedTo ?? undefined}
                    showSearch={{ optionFilterProp: 'label' }}
                    options={plan.targetElements.map((x) => ({ value: x.elementId, label: `${x.name || x.elementId}（${x.elementId}）` }))}
                    onChange={(to: string) => setOverrides((o) => ({ ...o, [e.elementId]: to }))}
                  />
                  <span style={{ fontSize: 12, color: '#8c8c8c' }}>
                    {overrides[e.elementId] ? t('migEdited') : e.proposed && e.mappedTo ? t('migProposed') : ''}
                  </span>
                </Space>
              ) },
              { key: 'p', title: t('migProblem'), render: (e) => e.problem
                ? <div style={{ color: '#cf1322', maxWidth: 420, whiteSpace: 'normal' }} data-testid={`mig-problem-${e.elementId}`}>
                    {problemText(e)}
                  </div>
                : '—' },
            ]}
          />
          {checking && Object.keys(overrides).length > 0 && <span style={{ color: '#8c8c8c' }}>{t('migReplanning')}</span>}
          <Button size="small" onClick={() => setDiagram((d) => !d)} data-testid="mig-diagram-toggle" style={{ alignSelf: 'flex-start' }}>
            {diagram ? t('migHideDiagram') : t('migShowDiagram', { version: plan.toVersion })}
          </Button>
          {diagram && <span style={{ color: '#8c8c8c' }}>{t('migDiagramHint')}</span>}
          {diagram && (
            <TargetDiagram
              processKey={plan.processKey}
              version={plan.toVersion}
              mapped={[...new Set(plan.elements.map((e) => e.mappedTo).filter((x): x is string => !!x))]}
            />
          )}
        </Space>
      </Panel>

      <Panel
        title={`${t('migCaseList')}（${plan.caseCount}）`}
        testId="mig-cases"
        extra={(
          <Checkbox
            data-testid="mig-select-all"
            disabled={step !== 'plan' || migratable.length === 0}
            checked={migratable.length > 0 && selected.length === migratable.length}
            indeterminate={selected.length > 0 && selected.length < migratable.length}
            onChange={(ev) => setUnticked(ev.target.checked ? new Set() : new Set(migratable.map((c) => c.caseId)))}
          >
            {phone ? t('migAll') : t('migSelectAll')}
          </Checkbox>
        )}
      >
        <Space orientation="vertical" size="small" style={{ width: '100%' }}>
          {plan.caseCount > plan.cases.length && <Alert type="info" showIcon title={t('migListedFirst', { total: plan.caseCount, shown: plan.cases.length })} />}
          <SimpleTable<PlanCase>
            cards={phone}
            rows={plan.cases}
            rowKey={(c) => c.caseId}
            rowTestId={(c) => `mig-case-${c.caseNo}`}
            columns={[
              ...(phone ? [] : [{ key: 'sel', title: '', width: 40, render: tick }]),
              { key: 'no', title: t('caseNo'), render: (c) => <Space size={8}>{phone && tick(c)}<Link to={`/cases/${c.caseId}`}>{c.caseNo}</Link></Space> },
              { key: 'title', title: t('caseTitle'), render: (c) => <div style={{ maxWidth: 360, whiteSpace: 'normal' }}>{c.title || '—'}</div> },
              { key: 'at', title: t('migWaitingAt'), render: (c) => steps(c.waitingAt).map((id) => {
                const to = plan.mapping[id];
                return <div key={id}>{elementName(id)}{to && <span style={{ color: '#8c8c8c' }}> → {targetName(to)}</span>}</div>;
              }) },
              { key: 'ok', title: t('migCaseState'), render: (c) => c.migratable
                ? <Tag color="success" data-state="migratable">{t('migMigratable')}</Tag>
                : (
                  <span data-state="refused">
                    <Tag color="error">{t('migNotMigratable')}</Tag>
                    <div style={{ color: '#cf1322', maxWidth: 360, whiteSpace: 'normal' }}>{reason(c.code, c.reason)}</div>
                  </span>
                ) },
            ]}
          />
        </Space>
      </Panel>

      {step === 'plan' ? (
        <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap' }}>
          <Button type="primary" data-testid="mig-start" disabled={count === 0 || checking} onClick={() => setStep('confirm')}>
            {t('migStart')}（{count}）
          </Button>
          <span style={{ color: count === 0 ? '#cf1322' : '#595959' }}>{count === 0 ? t('migNoneSelected') : t('migSelected', { n: count })}</span>
        </div>
      ) : (
        <div ref={stepRef}><Panel title={t('migConfirmTitle')} testId="mig-confirm-panel">
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Alert type="warning" showIcon title={t('migConfirmText', { n: count, process: name, from: plan.fromVersion, to: plan.toVersion })} />
            <ErrorAlert error={runError} />
            <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
              <Button type="primary" danger loading={running} onClick={run} data-testid="mig-confirm">{running ? t('migRunning') : t('migConfirm')}</Button>
              <Button disabled={running} onClick={() => setStep('plan')} data-testid="mig-back">{t('migBack')}</Button>
            </div>
          </Space>
        </Panel></div>
      )}
    </Space>
  );
}
