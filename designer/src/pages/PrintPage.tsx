// Print sheets, without the app's header: the 受理回执 handed to the applicant (case number,
// date, applicant, process, receiving unit, a QR code of the case number) and the 案卷 (intake
// data, routing decision, each step with its data, outcome, timeline). Plain HTML on white with
// @media print rules; the QR library is loaded with this page only.
import { useEffect, type ReactNode } from 'react';
import type { CaseDetail, OrgModel } from '../api/types';
import { ErrorAlert, formatTime } from '../app/common';
import { useI18n, type MessageKey } from '../app/i18n';
import { useRouter } from '../app/router';
import { useSession } from '../app/session';
import { useLoad } from '../app/use-load';
import { DecisionView } from '../rules/ExplanationView';
import { QrCode } from './QrCode';
import { intakeData, completedSteps, fieldText, fieldTitle, historyText, orderedKeys, orgNamer, personNamer, processLabel, stepLabel, useCaseForms, type CaseForms } from './case-data';

const STATUS: Record<CaseDetail['status'], MessageKey> = { active: 'statusActive', completed: 'statusCompleted', incident: 'statusIncident', failed: 'statusFailed', withdrawn: 'statusWithdrawn', refused: 'statusRefused' };

const CSS = `
.print-sheet { max-width: 794px; margin: 24px auto; background: #fff; color: #000; padding: 40px 48px; box-shadow: 0 2px 12px rgba(0,0,0,.12);
  font-family: "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; font-size: 14px; line-height: 1.6; }
.print-sheet h1 { text-align: center; font-size: 24px; margin: 0 0 4px; letter-spacing: 4px; }
.print-sheet h2 { font-size: 16px; margin: 20px 0 8px; border-left: 4px solid #000; padding-left: 8px; }
.print-sheet h3 { font-size: 14px; margin: 12px 0 4px; }
.print-sheet .sub { text-align: center; color: #333; margin-bottom: 16px; }
.print-sheet table { width: 100%; border-collapse: collapse; }
.print-sheet th, .print-sheet td { border: 1px solid #555; padding: 6px 8px; vertical-align: top; text-align: left; word-break: break-word; white-space: pre-wrap; }
.print-sheet th { width: 28%; background: #f3f3f3; font-weight: 600; }
.print-sheet .number { font-size: 28px; font-weight: 700; letter-spacing: 2px; }
.print-sheet .receipt { display: flex; gap: 24px; align-items: flex-start; flex-wrap: wrap; }
.print-sheet .receipt table { flex: 1 1 320px; }
.print-sheet .qr { text-align: center; flex: 0 0 auto; margin: 0 auto; }
.print-sheet .qr img { width: 148px; height: 148px; display: block; }
.print-sheet .note { margin-top: 20px; color: #333; }
.print-sheet .sign { display: flex; justify-content: space-between; margin-top: 32px; gap: 16px; flex-wrap: wrap; }
.print-bar { max-width: 794px; margin: 16px auto 0; display: flex; gap: 8px; padding: 0 12px; }
.print-bar button { font: inherit; padding: 6px 16px; border-radius: 4px; border: 1px solid #1f5fbf; background: #fff; color: #1f5fbf; cursor: pointer; }
.print-bar button.primary { background: #1f5fbf; color: #fff; }
@media (max-width: 600px) { .print-sheet { margin: 8px; padding: 20px 16px; } .print-sheet h1 { font-size: 20px; } .print-sheet th { width: 36%; } }
@media print {
  @page { size: A4; margin: 16mm; }
  body { background: #fff !important; }
  .print-bar { display: none !important; }
  .print-sheet { box-shadow: none; margin: 0; padding: 0; max-width: none; }
  .print-sheet tr, .print-sheet section { break-inside: avoid; }
}
`;

function Rows({ rows }: { rows: [ReactNode, ReactNode, string?][] }) {
  return (
    <table>
      <tbody>
        {rows.map(([label, value, testId], i) => <tr key={i} data-testid={testId}><th>{label}</th><td>{value}</td></tr>)}
      </tbody>
    </table>
  );
}

/** The applicant: the intake field `applicant` (or `caller`), else the first field titled as a person. */
function applicantOf(c: CaseDetail, forms: CaseForms | undefined): string | null {
  const data = intakeData(c, forms?.intake);
  for (const k of ['applicant', 'caller']) if (typeof data[k] === 'string' && data[k]) return data[k] as string;
  const key = orderedKeys(forms?.intake, data).find((k) => typeof data[k] === 'string' && /当事人|申请人|反映人|来电人|姓名/.test(fieldTitle(forms?.intake, k)));
  return key ? (data[key] as string) : null;
}

/** The receiving unit: the county centre of the case's process (its pack's org), else the clerk's unit. */
function receivingUnit(org: OrgModel | undefined, fallback: string | null | undefined): string {
  return org?.departments.find((d) => d.kind === 'centre')?.name ?? fallback ?? '—';
}

export default function PrintPage({ kind, id }: { kind: 'receipt' | 'case'; id: string }) {
  const { api, user } = useSession();
  const { t } = useI18n();
  const { navigate } = useRouter();
  const kase = useLoad(() => api.case(id), [api, id]);
  const forms = useCaseForms(api, kase.data);
  const processKey = kase.data?.processKey;
  const org = useLoad(async () => (processKey ? api.org(processKey).catch(() => undefined) : undefined), [api, processKey]);
  useEffect(() => {
    const prev = document.body.style.background;
    document.body.style.background = '#f0f2f5';
    return () => { document.body.style.background = prev; };
  }, []);

  if (kase.error) return <div style={{ padding: 20 }}><ErrorAlert error={kase.error} onRetry={kase.reload} /></div>;
  const c = kase.data;
  const ready = c && !forms.loading && !org.loading;
  const name = orgNamer(org.data ?? { units: [], departments: [] });
  const unit = receivingUnit(org.data, user?.unitName);

  return (
    <>
      <style>{CSS}</style>
      <div className="print-bar">
        <button type="button" className="primary" onClick={() => window.print()} data-testid="print-now" disabled={!ready}>{t('print')}</button>
        <button type="button" onClick={() => (window.history.length > 1 ? window.history.back() : navigate(`/cases/${id}`))}>{t('back')}</button>
      </div>
      <article className="print-sheet" data-testid={`print-${kind}`} data-ready={ready ? 'true' : 'false'}>
        {!c || !ready ? <p>{t('loading')}</p> : kind === 'receipt' ? (
          <>
            <h1>{t('receiptTitle')}</h1>
            <div className="sub">{unit}</div>
            <div className="receipt">
              <Rows rows={[
                [t('caseNo'), <span className="number" data-testid="receipt-number">{c.number}</span>],
                [t('receivedAt'), formatTime(c.createdAt)],
                [t('applicant'), applicantOf(c, forms.data) ?? '—', 'receipt-applicant'],
                [t('process'), forms.data?.definition?.name ?? c.processKey],
                ...(c.type ? [[t('type'), c.type] as [string, string]] : []),
                [t('receivingUnit'), unit, 'receipt-unit'],
              ]} />
              <div className="qr">
                <QrCode text={String(c.number)} testId="receipt-qr" size={148} />
                <div>{t('qrCaption')}</div>
              </div>
            </div>
            <p className="note">{t('receiptNote')}</p>
            <div className="sign"><span>{unit}（盖章）</span><span>{t('printedAt')}：{formatTime(new Date().toISOString())}</span></div>
          </>
        ) : (
          <CaseFile c={c} forms={forms.data} name={name} unit={unit} />
        )}
      </article>
    </>
  );
}

function CaseFile({ c, forms, name, unit }: { c: CaseDetail; forms: CaseForms | undefined; name: (code: string) => string; unit: string }) {
  const { t } = useI18n();
  const data = intakeData(c, forms?.intake);
  const steps = completedSteps(c);
  const decision = c.routing?.decision ?? null;
  const last = steps[steps.length - 1];
  const person = personNamer(c, { system: t('actorSystem'), citizen: t('ratingCitizen') });
  return (
    <>
      <h1>{t('caseFileTitle')}</h1>
      <div className="sub">{unit} · {t('caseNo')} {c.number}</div>
      <Rows rows={[
        [t('caseTitle'), c.title ?? c.type ?? c.processKey],
        [t('process'), processLabel(c, forms?.definition), 'casefile-process'],
        [t('unit'), c.unitName ?? c.unit ?? '—'],
        [t('createdAt'), `${formatTime(c.createdAt)}${c.createdBy ? ` · ${person(c.createdBy)}` : ''}`],
        [t('status'), t(STATUS[c.status])],
      ]} />
      <h2>{t('variables')}</h2>
      <Rows rows={orderedKeys(forms?.intake, data).map((k) => [fieldTitle(forms?.intake, k), fieldText(forms?.intake, k, data[k], name)])} />
      {decision && (
        <>
          <h2>{t('decisions')}</h2>
          <DecisionView decision={decision} name={name} />
        </>
      )}
      <h2>{t('steps')}</h2>
      {steps.length === 0 ? <p>—</p> : steps.map(({ task, actor }) => {
        const form = task.formKey ? forms?.forms.get(task.formKey) : undefined;
        const d = (task.data ?? {}) as Record<string, unknown>;
        return (
          <section key={task.id} data-testid={`casefile-step-${task.elementId}`}>
            <h3>{stepLabel(task, person(actor))}</h3>
            <Rows rows={orderedKeys(form, d).map((k) => [fieldTitle(form, k), fieldText(form, k, d[k], name)])} />
          </section>
        );
      })}
      <h2>{t('outcome')}</h2>
      <Rows rows={[
        [t('status'), t(STATUS[c.status]), 'casefile-outcome'],
        [t('completed'), formatTime(c.completedAt)],
        ...(last ? [[t('taskName'), stepLabel(last.task, person(last.actor))] as [string, string]] : []),
      ]} />
      <h2>{t('timeline')}</h2>
      <table>
        <tbody>
          {c.history.filter((h) => h.kind !== 'element.passed').map((h) => (
            <tr key={h.id}><th style={{ width: '24%' }}>{formatTime(h.at)}</th><td>{historyText(h, c, name)}{h.actor ? ` · ${person(h.actor)}` : ''}</td></tr>
          ))}
        </tbody>
      </table>
      <div className="sign"><span>{t('printedAt')}：{formatTime(new Date().toISOString())}</span></div>
    </>
  );
}
