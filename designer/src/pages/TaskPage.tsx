// 办理：the task's form (the same CaseForm the designer previews), 认领 / 释放, 退回, 转办; the
// case's intake data under the intake form's titles, its timeline, and why the task came back
// (退回) or was handed over (转办) when it did.
import { CaseForm, type CaseFormData } from '@yizhan/forms/react';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Select, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client';
import type { OrgModel } from '../api/types';
import type { FieldError } from '@yizhan/forms';
import { DueTag, ErrorAlert, formatTime } from '../app/common';
import { useFormDraft } from '../app/form-draft';
import { useI18n } from '../app/i18n';
import { useToast } from '../app/ui';
import { Link, useRouter } from '../app/router';
import { useSession } from '../app/session';
import { useLoad } from '../app/use-load';
import { intakeData, FormDataView, historyText, lastHandover, orgNamer, personNamer, useCaseForms } from './case-data';

export default function TaskPage({ id }: { id: string }) {
  const { api, user, org: mergedOrg } = useSession();
  const { t, lang } = useI18n();
  const { navigate } = useRouter();
  const message = useToast();
  const task = useLoad(() => api.task(id), [api, id]);
  // The org of the case's own county (its process's pack): the form's pickers and 转办 list only
  // offer departments a case of this process can go to.
  const processKey = task.data?.processKey;
  const caseOrg = useLoad(async () => (processKey ? api.org(processKey).catch(() => undefined) : undefined), [api, processKey]);
  const org = caseOrg.data ?? mergedOrg;
  // the case it belongs to: its intake data and history (a reader who may not see it gets the task alone)
  const caseId = task.data?.caseId;
  const kase = useLoad(async () => (caseId ? api.case(caseId).catch(() => undefined) : undefined), [api, caseId, task.data]);
  const forms = useCaseForms(api, kase.data);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [modal, setModal] = useState<'return' | 'transfer' | null>(null);
  const [reason, setReason] = useState('');
  const [department, setDepartment] = useState<string>();
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  // the form's unsubmitted data, kept per user and task across a session expiry or a reload
  const draft = useFormDraft<CaseFormData>(user?.username, `task:${id}`);
  const [cleared, setCleared] = useState(0);
  const restored = cleared ? undefined : draft.restored;

  const act = async (fn: () => Promise<unknown>, done: string, after?: () => void) => {
    setBusy(true);
    setError(undefined);
    try {
      await fn();
      message.success(done);
      if (after) after();
      else task.reload();
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.code === 'FORM_INVALID') {
        setServerErrors(e.details.map((d) => ({ field: d.field ?? '', keyword: d.code ?? '', message: d.message })));
      }
    } finally {
      setBusy(false);
    }
  };

  if (task.error) return <ErrorAlert error={task.error} onRetry={task.reload} />;
  const tk = task.data;
  if (!tk) return <Card loading />;
  const mine = tk.assignee === user?.username;
  const open = tk.status === 'open';
  const canFill = open && tk.actionable && (mine || user?.role === 'admin');
  const deptName = (code: string) => org.departments.find((d) => d.code === code)?.name ?? code;
  const name = orgNamer(org);
  const c = kase.data;
  const handover = open && c ? lastHandover(c, tk.id) : undefined;
  const person = personNamer(c ?? {}, { system: t('actorSystem'), citizen: t('ratingCitizen') });

  const submit = (data: CaseFormData) => act(() => api.complete(tk.id, data), t('taskDone'), () => {
    draft.clear();
    navigate(`/cases/${tk.caseId}`);
  });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%', maxWidth: 960 }}>
      <Typography.Title level={3} style={{ margin: 0 }} data-testid="task-title">
        {tk.name ?? tk.elementId} · <Link to={`/cases/${tk.caseId}`}>{t('caseNo')} {tk.caseNumber}</Link>
      </Typography.Title>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={[
        { key: 'case', label: t('caseTitle'), children: tk.caseTitle ?? tk.caseType ?? tk.processKey },
        { key: 'due', label: t('dueAt'), children: <DueTag dueAt={tk.dueAt} colour={tk.colour} /> },
        { key: 'groups', label: t('departments'), children: tk.candidateGroups.map(deptName).join('、') || '—' },
        { key: 'assignee', label: t('assignee'), children: tk.assignee ? person(tk.assignee) : '—' },
        { key: 'status', label: t('status'), children: open ? t('statusActive') : `${t('completed')} ${formatTime(tk.completedAt)}` },
      ]} />
      {handover && (
        <Alert
          type={handover.kind === 'task.returned' ? 'warning' : 'info'}
          showIcon
          data-testid="task-handover"
          title={t(handover.kind === 'task.returned' ? 'returnedToYou' : 'transferredToYou', { from: handover.from.map(deptName).join('、') || '—', to: handover.to.map(deptName).join('、') || '—' })}
          description={<>
            <div style={{ whiteSpace: 'pre-wrap' }}>{t('reason')}：{handover.reason ?? t('noReason')}</div>
            <Typography.Text type="secondary">{t('handoverBy', { actor: person(handover.actor) || '—', at: formatTime(handover.at) })}</Typography.Text>
          </>}
        />
      )}
      {open && tk.supervision && (
        <Alert
          type="warning"
          showIcon
          data-testid="task-supervision"
          title={t('supOnTask', { by: person(tk.supervision.by) })}
          description={<>
            <div style={{ whiteSpace: 'pre-wrap', fontSize: 15 }}>{tk.supervision.instruction}</div>
            {tk.supervision.deadline && <div>{t('supDeadlineText', { at: formatTime(tk.supervision.deadline) })}</div>}
            {tk.supervision.leaderInCharge && <div>{t('supLeader')}：{person(tk.supervision.leaderInCharge)}</div>}
          </>}
        />
      )}
      <ErrorAlert error={error} />
      {open && !tk.actionable && <Alert type="info" showIcon title={t('notActionable')} />}
      {open && tk.actionable && (
        <Space wrap>
          {!tk.assignee && <Button type="primary" loading={busy} onClick={() => void act(() => api.claim(tk.id), t('claimed'))} data-testid="claim">{t('claim')}</Button>}
          {mine && <Button loading={busy} onClick={() => void act(() => api.unclaim(tk.id), t('unclaimed'))} data-testid="unclaim">{t('unclaim')}</Button>}
          <Button onClick={() => setModal('return')} data-testid="return">{t('returnTask')}</Button>
          <Button onClick={() => setModal('transfer')} data-testid="transfer">{t('transfer')}</Button>
        </Space>
      )}
      {open && tk.actionable && !canFill && <Alert type="warning" showIcon title={t('claimFirst')} />}
      {open && (
        <Card title={t('taskForm')} data-testid="task-form">
          {tk.form && canFill && restored && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="draft-restored"
              title={t('formDraftRestored', { at: formatTime(restored.savedAt) })}
              action={<Button size="small" onClick={() => { draft.clear(); setCleared((n) => n + 1); }} data-testid="draft-discard">{t('formDraftDiscard')}</Button>}
            />
          )}
          {tk.form ? (
            <CaseForm
              key={cleared}
              definition={tk.form}
              formData={canFill ? restored?.data : undefined}
              org={org}
              locale={lang}
              disabled={!canFill || busy}
              uploadAttachment={async (file) => {
                const a = await api.uploadAttachment(file, file.name, tk.caseId);
                return { id: a.id, name: a.name, size: a.size, contentType: a.contentType };
              }}
              onSubmit={(data) => void submit(data)}
              onChange={(d) => {
                if (serverErrors.length) setServerErrors([]);
                if (canFill) draft.save(d);
              }}
            />
          ) : (
            <Space orientation="vertical">
              <Typography.Text type="secondary">{t('noForm')}</Typography.Text>
              <Button type="primary" disabled={!canFill} loading={busy} onClick={() => void submit({})} data-testid="complete-without-form">{t('submit')}</Button>
            </Space>
          )}
          {serverErrors.length > 0 && <Alert type="error" title={serverErrors.map((e) => `${e.field} ${e.message}`).join('；')} />}
        </Card>
      )}
      {c && forms.data && (
        <Card size="small" title={t('caseDetails')} data-testid="task-case">
          <FormDataView form={forms.data?.intake} data={intakeData(c, forms.data?.intake)} name={name} column={{ xs: 1, md: 2 }} />
        </Card>
      )}
      {c && (
        <Card size="small" title={t('caseHistory')} data-testid="task-history">
          <Timeline items={c.history.filter((h) => h.kind !== 'element.passed').map((h) => ({
            key: h.id,
            color: h.kind === 'case.completed' ? 'green' : h.kind === 'task.returned' || h.kind.startsWith('incident') ? 'red' : 'blue',
            content: (
              <div>
                <div>{historyText(h, c, name)}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatTime(h.at)}{h.actor ? ` · ${person(h.actor)}` : ''}</Typography.Text>
              </div>
            ),
          }))} />
        </Card>
      )}
      <Modal
        open={modal === 'return'}
        title={t('returnTask')}
        okText={t('ok')}
        cancelText={t('cancel')}
        okButtonProps={{ disabled: !reason.trim(), loading: busy }}
        onCancel={() => setModal(null)}
        onOk={() => void act(() => api.returnTask(tk.id, reason.trim()), t('returned'), () => navigate('/inbox'))}
      >
        <Form layout="vertical">
          <Form.Item label={t('returnReason')} required>
            <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="return-reason" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal
        open={modal === 'transfer'}
        title={t('transfer')}
        okText={t('ok')}
        cancelText={t('cancel')}
        okButtonProps={{ disabled: !department, loading: busy }}
        onCancel={() => setModal(null)}
        onOk={() => department && void act(() => api.transfer(tk.id, department, reason.trim() || undefined), t('transferred'), () => navigate('/inbox'))}
      >
        <Form layout="vertical">
          <Form.Item label={t('transferTo')} required>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              value={department}
              onChange={setDepartment}
              options={transferOptions(org)}
              data-testid="transfer-department"
            />
          </Form.Item>
          <Form.Item label={t('reason')}>
            <Input.TextArea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}

/** 转办 choices: every department of the case's county, labelled with its unit so equal names stay distinct. */
function transferOptions(org: OrgModel): { value: string; label: string }[] {
  const unitNames = new Map<string, string>();
  const walk = (units: OrgModel['units']) => units.forEach((u) => {
    unitNames.set(u.code, u.name);
    walk(u.children ?? []);
  });
  walk(org.units);
  return org.departments.map((d) => {
    const unit = d.unit ? unitNames.get(d.unit) : undefined;
    return { value: d.code, label: unit && !d.name.startsWith(unit) ? `${unit} · ${d.name}` : d.name };
  });
}
