// 案件详情：status, intake data, routing decision and its explanation, open tasks, the办理过程
// timeline, and the BPMN diagram with the current position highlighted.
import { Card, Col, Descriptions, Empty, Row, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { ApiError } from '../api/client';
import type { CaseDetail, HistoryEntry } from '../api/types';
import { DueTag, ErrorAlert, formatTime, StatusTag } from '../app/common';
import { useI18n } from '../app/i18n';
import { Link } from '../app/router';
import { useSession } from '../app/session';
import { useLoad } from '../app/use-load';
import { DecisionView, ExplanationView } from '../rules/ExplanationView';
import { CaseAttachments } from './CaseAttachments';
import CaseLifecycle from './CaseLifecycle';
import CaseMessages from './CaseMessages';

const BpmnViewer = lazy(() => import('../bpmn/BpmnViewer'));

const KIND_LABELS: Record<string, string> = {
  'case.started': '受理', 'element.passed': '流转', 'case.completed': '办结', 'service.completed': '自动处理', 'task.created': '生成待办',
  'task.claimed': '认领', 'task.unclaimed': '释放', 'task.transferred': '转办', 'task.returned': '退回',
  'task.completed': '办理完成', 'task.cancelled': '取消', 'timer.fired': '时限到期', incident: '异常', 'incident.retried': '异常重试',
  'message.received': '收到消息', 'signal.received': '收到信号',
  'case.withdrawn': '撤回', 'case.refused': '不予受理', 'case.suspended': '中止', 'case.resumed': '恢复', 'deadline.extension.requested': '申请延期', 'deadline.extension.approved': '批准延期', 'deadline.extension.rejected': '驳回延期',
};

function historyText(h: HistoryEntry, c: CaseDetail): string {
  const task = c.tasks.find((x) => x.id === h.taskId);
  const data = (h.data ?? {}) as Record<string, unknown>;
  const what = task?.name ?? (typeof data.name === 'string' && data.name ? data.name : h.elementId) ?? '';
  const payload = data.payload && typeof data.payload === 'object' ? Object.values(data.payload).filter((v) => typeof v === 'string' && v) : [];
  if (payload.length) return `${KIND_LABELS[h.kind] ?? h.kind}${what ? ` · ${what}` : ''}：${payload.join('；')}`;
  const extra = typeof data.reason === 'string' ? `：${data.reason}` : typeof data.department === 'string' ? ` → ${data.department}` : '';
  return `${KIND_LABELS[h.kind] ?? h.kind}${what ? ` · ${what}` : ''}${extra}`;
}

type Schema = { properties?: Record<string, boolean | { title?: string; enum?: unknown[] }> } | undefined;

function propOf(schema: Schema, key: string): { title?: string; enum?: unknown[] } | undefined {
  const p = schema?.properties?.[key];
  return typeof p === 'object' ? p : undefined;
}

function fieldTitle(schema: Schema, key: string): string {
  return propOf(schema, key)?.title ?? key;
}

/** A field's value as a clerk reads it: enum names, 是/否, and org codes as names. */
function fieldText(schema: Schema, uiSchema: Record<string, unknown> | undefined, key: string, v: unknown, name: (code: string) => string): string {
  const prop = propOf(schema, key);
  const enumNames = (uiSchema?.[key] as { 'ui:enumNames'?: string[] } | undefined)?.['ui:enumNames'];
  const one = (x: unknown): string => {
    if (typeof x === 'boolean') return x ? '是' : '否';
    const i = prop?.enum?.indexOf(x) ?? -1;
    if (i >= 0 && enumNames?.[i]) return enumNames[i];
    if (typeof x === 'string') return name(x);
    return typeof x === 'object' && x !== null ? JSON.stringify(x) : String(x);
  };
  return Array.isArray(v) ? v.map(one).join('、') : one(v);
}

function findUnitName(units: { code: string; name: string; children?: unknown[] }[], code: string): string | undefined {
  for (const u of units) {
    if (u.code === code) return u.name;
    const inner = findUnitName((u.children ?? []) as typeof units, code);
    if (inner) return inner;
  }
  return undefined;
}

export default function CasePage({ id }: { id: string }) {
  const { api, org, can } = useSession();
  const { t } = useI18n();
  const kase = useLoad(() => api.case(id), [api, id]);
  const definitionId = kase.data?.definitionId;
  const definition = useLoad(async () => {
    if (!definitionId) return undefined;
    if (!(await api.supports('/api/definitions/{id}'))) return null;
    try {
      return await api.definition(definitionId);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  }, [api, definitionId]);
  const diagram = { loading: definition.loading, data: definition.data?.bpmn ?? null };
  // the intake form gives the fields their titles (and enum values their names)
  const intake = useLoad(async () => {
    const d = definition.data;
    if (!d?.startFormKey) return null;
    return api.form(d.startFormKey, d.key, d.version).catch(() => null);
  }, [api, definition.data]);

  if (kase.error) return <ErrorAlert error={kase.error} onRetry={kase.reload} />;
  const c = kase.data;
  if (!c) return <Card loading />;
  const data = (c.variables.data ?? {}) as Record<string, unknown>;
  const deptName = (code: string) => org.departments.find((d) => d.code === code)?.name ?? code;
  const unitOrDept = (code: string) => findUnitName(org.units, code) ?? org.departments.find((d) => d.code === code)?.name ?? code;
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
      </Space>
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} items={[
        { key: 'process', label: t('process'), children: `${c.processKey} v${c.version}` },
        { key: 'type', label: t('type'), children: c.type ?? '—' },
        { key: 'unit', label: t('unit'), children: c.unitName ?? c.unit ?? '—' },
        { key: 'created', label: t('createdAt'), children: formatTime(c.createdAt) },
        { key: 'by', label: '受理人', children: c.createdBy ?? '—' },
        { key: 'done', label: t('completed'), children: formatTime(c.completedAt) },
      ]} />
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
                      {tk.assignee && <Tag color="blue">{tk.assignee}</Tag>}
                    </Space>
                  ))}
                </Space>
              )}
            </Card>
            <CaseLifecycle kase={c} onChanged={kase.reload} />
            {can('message') && c.status !== 'completed' && (
              <CaseMessages caseId={c.id} definition={definition.data} caseVersion={c.history.length} onSent={kase.reload} />
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
                    <div>{historyText(h, c)}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatTime(h.at)}{h.actor ? ` · ${h.actor}` : ''}</Typography.Text>
                  </div>
                ),
              }))} />
            </Card>
            <CaseAttachments api={api} caseId={c.id} canUpload={canUpload} />
            <Card size="small" title={t('variables')}>
              <Descriptions size="small" column={1} items={Object.entries(data).map(([k, v]) => ({
                key: k, label: fieldTitle(intake.data?.schema, k), children: fieldText(intake.data?.schema, intake.data?.uiSchema, k, v, unitOrDept),
              }))} />
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
