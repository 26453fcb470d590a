// 案件详情：status, intake data, each completed step with its own form data, routing decision and
// its explanation, open tasks, the办理过程 timeline, the BPMN diagram with the current position
// highlighted, and 打印回执 / 打印案卷.
import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Row, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { DueTag, ErrorAlert, formatTime, StatusTag } from '../app/common';
import { useI18n } from '../app/i18n';
import { Link, useRouter } from '../app/router';
import { useSession } from '../app/session';
import { useLoad } from '../app/use-load';
import { DecisionView, ExplanationView } from '../rules/ExplanationView';
import { CaseAttachments } from './CaseAttachments';
import CaseLifecycle from './CaseLifecycle';
import CaseMessages from './CaseMessages';
import { RatingLinkCard } from './RatingLinkCard';
import { CaseRepeats, CaseSupervision } from './CaseSupervision';
import { intakeData, completedSteps, FormDataView, REGISTERED_KEY, historyText, orgNamer, personNamer, processLabel, stepLabel, useCaseForms } from './case-data';

const BpmnViewer = lazy(() => import('../bpmn/BpmnViewer'));

export default function CasePage({ id }: { id: string }) {
  const { api, org, can } = useSession();
  const { t } = useI18n();
  const { navigate } = useRouter();
  // right after intake the page offers the receipt (once: a reload shows the plain case)
  const [registered] = useState(() => window.sessionStorage.getItem(REGISTERED_KEY) === id);
  useEffect(() => {
    if (registered) window.sessionStorage.removeItem(REGISTERED_KEY);
  }, [registered]);
  const kase = useLoad(() => api.case(id), [api, id]);
  // the definition running the case (diagram, name and version), the intake form and each step's
  // form give the fields their titles (and enum values their names)
  const forms = useCaseForms(api, kase.data);
  const definition = forms.definition;
  const diagram = { loading: definition === undefined && !forms.error, data: definition?.bpmn ?? null };

  if (kase.error) return <ErrorAlert error={kase.error} onRetry={kase.reload} />;
  const c = kase.data;
  if (!c) return <Card loading />;
  const deptName = (code: string) => org.departments.find((d) => d.code === code)?.name ?? code;
  const unitOrDept = orgNamer(org);
  const steps = completedSteps(c);
  const person = personNamer(c, { system: t('actorSystem'), citizen: t('ratingCitizen') });
  // staff and administrators of a visible case may add evidence; leaders and auditors only read
  const canUpload = c.status !== 'completed' && can('act');
  const doneIds = [...new Set(c.tasks.filter((x) => x.status === 'completed').map((x) => x.elementId))];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space align="center" wrap>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="case-title">
          {t('caseNo')} {c.number} · {c.title ?? c.type ?? c.processKey}
        </Typography.Title>
        <StatusTag status={c.status} />
        {c.supervisedAt && <Tag color="red" data-testid="supervised-tag">{t('supTag')}</Tag>}
        <Button icon={<PrinterOutlined />} onClick={() => navigate(`/print/receipt/${c.id}`)} data-testid="print-receipt">{t('printReceipt')}</Button>
        <Button icon={<PrinterOutlined />} onClick={() => navigate(`/print/case/${c.id}`)} data-testid="print-case">{t('printCase')}</Button>
      </Space>
      {registered && (
        <Alert
          type="success"
          showIcon
          data-testid="registered"
          title={`${t('caseStarted')} ${c.number}`}
          description={t('caseStartedPrint')}
          action={<Button type="primary" icon={<PrinterOutlined />} onClick={() => navigate(`/print/receipt/${c.id}`)} data-testid="registered-print">{t('printReceipt')}</Button>}
        />
      )}
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} items={[
        { key: 'process', label: t('process'), children: <span data-testid="case-process">{processLabel(c, definition)}</span> },
        { key: 'type', label: t('type'), children: c.type ?? '—' },
        { key: 'unit', label: t('unit'), children: c.unitName ?? c.unit ?? '—' },
        { key: 'created', label: t('createdAt'), children: formatTime(c.createdAt) },
        { key: 'by', label: t('receivedBy'), children: person(c.createdBy) || '—' },
        { key: 'done', label: t('completed'), children: formatTime(c.completedAt) },
      ]} />
      <CaseRepeats caseId={c.id} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card size="small" title={t('openTasks')} data-testid="open-tasks">
              {c.openTasks.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={c.status === 'completed' ? t('statusCompleted') : t('noTasks')} /> : (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {c.openTasks.map((tk) => (
                    <Space key={tk.id} wrap>
                      <Link to={`/tasks/${tk.id}`}>{tk.name ?? tk.elementId}</Link>
                      {tk.candidateGroups.map((g) => <Tag key={g}>{deptName(g)}</Tag>)}
                      <DueTag dueAt={tk.dueAt} colour={tk.colour} />
                      {tk.assignee && <Tag color="blue">{person(tk.assignee)}</Tag>}
                    </Space>
                  ))}
                </Space>
              )}
            </Card>
            <CaseSupervision kase={c} onChanged={kase.reload} />
            <CaseLifecycle kase={c} onChanged={kase.reload} />
            {can('act') && <RatingLinkCard api={api} kase={c} />}
            {can('message') && c.status !== 'completed' && (
              <CaseMessages caseId={c.id} definition={definition} caseVersion={c.history.length} onSent={kase.reload} />
            )}
            <Card size="small" title={t('diagram')}>
              {diagram.loading ? <Spin /> : diagram.data ? (
                <Suspense fallback={<Spin description={t('viewerLoading')}><div style={{ height: 420 }} /></Spin>}>
                  <BpmnViewer xml={diagram.data} current={c.openTasks.map((x) => x.elementId)} done={doneIds} />
                </Suspense>
              ) : <Typography.Text type="secondary">{t('diagramUnavailable')}</Typography.Text>}
            </Card>
            <Card size="small" title={t('routing')} data-testid="routing">
              {c.routing?.explanation ? (
                <Space orientation="vertical" style={{ width: '100%' }}>
                  {c.routing.decision && <DecisionView decision={c.routing.decision} name={unitOrDept} />}
                  <ExplanationView explanation={c.routing.explanation} />
                </Space>
              ) : <Typography.Text type="secondary">{t('noRouting')}</Typography.Text>}
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card size="small" title={t('timeline')} data-testid="timeline">
              <Timeline items={c.history.map((h) => ({
                key: h.id,
                color: h.kind === 'case.completed' ? 'green' : h.kind === 'task.returned' || h.kind.startsWith('incident') ? 'red' : 'blue',
                content: (
                  <div>
                    <div>{historyText(h, c, unitOrDept)}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatTime(h.at)}{h.actor ? ` · ${person(h.actor)}` : ''}</Typography.Text>
                  </div>
                ),
              }))} />
            </Card>
            <CaseAttachments api={api} caseId={c.id} canUpload={canUpload} />
            <Card size="small" title={t('variables')} data-testid="intake-data" loading={!forms.data && forms.loading}>
              <FormDataView form={forms.data?.intake} data={intakeData(c, forms.data?.intake)} name={unitOrDept} />
            </Card>
            {steps.length > 0 && forms.data && (
              <Card size="small" title={t('steps')} data-testid="steps">
                <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
                  {steps.map(({ task, actor }) => (
                    <section key={task.id} data-testid={`step-${task.elementId}`}>
                      <Typography.Text strong>{stepLabel(task, person(actor))}</Typography.Text>
                      <FormDataView form={task.formKey ? forms.data?.forms.get(task.formKey) : undefined} data={(task.data ?? {}) as Record<string, unknown>} name={unitOrDept} />
                    </section>
                  ))}
                </Space>
              </Card>
            )}
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
