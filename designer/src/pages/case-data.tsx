// What the case page, the task page and the print pages share: the case's definition and forms
// (the intake form and each step's form, to title the data), form data under its field titles with
// enum values by their names, one section per completed step, the timeline texts, and the reason a
// task came back or was handed over.
import { Descriptions, Empty } from 'antd';
import type { ApiClient } from '../api/client';
import { ApiError } from '../api/client';
import type { CaseDetail, DefinitionDetail, FormResource, HistoryEntry, OrgModel, Task } from '../api/types';
import { formatTime } from '../app/common';
import { CITIZEN } from './RatingLinkCard';
import { useLoad, type Loaded } from '../app/use-load';

/** Session key: the id of the case just registered (its page then offers the receipt). */
export const REGISTERED_KEY = 'yizhan.registered';

export const KIND_LABELS: Record<string, string> = {
  'case.started': '受理', 'element.passed': '流转', 'case.completed': '办结', 'service.completed': '自动处理', 'task.created': '生成待办',
  'task.claimed': '认领', 'task.unclaimed': '释放', 'task.transferred': '转办', 'task.returned': '退回',
  'task.completed': '办理完成', 'task.cancelled': '取消', 'timer.fired': '时限到期', incident: '异常', 'incident.retried': '异常重试',
  'message.received': '收到消息', 'signal.received': '收到信号',
  'case.withdrawn': '撤回', 'case.refused': '不予受理', 'case.suspended': '中止', 'case.resumed': '恢复', 'deadline.extension.requested': '申请延期', 'deadline.extension.approved': '批准延期', 'deadline.extension.rejected': '驳回延期',
  'case.rated': '当事人评价（办结后）',
  'case.supervised': '挂牌督办', 'case.supervision.closed': '督办销号', 'case.leader.assigned': '指定包案领导',
  migrated: '迁移到新版本',
};

/** One timeline line: what happened, at which step, and its reason or payload. */
export function historyText(h: HistoryEntry, c: Pick<CaseDetail, 'tasks'>, name: (code: string) => string = (x) => x): string {
  const task = c.tasks.find((x) => x.id === h.taskId);
  const data = (h.data ?? {}) as Record<string, unknown>;
  if (h.kind === 'migrated') return `${KIND_LABELS.migrated}：版本 ${String(data.fromVersion ?? '?')} → ${String(data.toVersion ?? '?')}`;
  const what = h.kind.startsWith('case.') ? '' : task?.name ?? (typeof data.name === 'string' && data.name ? data.name : h.elementId) ?? '';
  const payload = data.payload && typeof data.payload === 'object' ? Object.values(data.payload).filter((v) => typeof v === 'string' && v) : [];
  if (payload.length) return `${KIND_LABELS[h.kind] ?? h.kind}${what ? ` · ${what}` : ''}：${payload.join('；')}`;
  const to = Array.isArray(data.to) ? ` → ${data.to.map((x) => name(String(x))).join('、')}` : typeof data.to === 'string' ? ` → ${data.to}` : '';
  const said = [data.reason, data.instruction, data.note].find((x): x is string => typeof x === 'string' && !!x);
  const extra = said ? `${to}：${said}` : typeof data.department === 'string' ? ` → ${name(data.department)}` : to;
  return `${KIND_LABELS[h.kind] ?? h.kind}${what ? ` · ${what}` : ''}${extra}`;
}

export interface Handover {
  kind: 'task.returned' | 'task.transferred';
  at: string;
  actor: string | null;
  reason: string | null;
  from: string[];
  to: string[];
}

/** The last 退回 / 转办 of a task: why it came to its present department. */
export function lastHandover(c: Pick<CaseDetail, 'history'>, taskId: string): Handover | undefined {
  const h = [...c.history].reverse().find((x) => x.taskId === taskId && (x.kind === 'task.returned' || x.kind === 'task.transferred'));
  if (!h) return undefined;
  const data = (h.data ?? {}) as { reason?: unknown; from?: unknown; to?: unknown };
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  return {
    kind: h.kind as Handover['kind'], at: h.at, actor: h.actor,
    reason: typeof data.reason === 'string' && data.reason ? data.reason : null, from: list(data.from), to: list(data.to),
  };
}

export interface CaseForms {
  /** The definition running the case (its name and version), null when the server does not say. */
  definition: DefinitionDetail | null;
  intake: FormResource | null;
  /** Each step's form by form key. */
  forms: Map<string, FormResource>;
}

/**
 * The case's definition, its intake form and the forms of its completed steps (forms that fail to
 * load are left out). `data` is undefined until the forms of the case as it is now are loaded, so
 * nothing shows raw field keys in between.
 */
export function useCaseForms(api: ApiClient, c: CaseDetail | undefined): Loaded<CaseForms> & { definition: DefinitionDetail | null | undefined } {
  const definitionId = c?.definitionId;
  // the definition first and on its own: the diagram needs only it, and need not wait for the forms
  const def = useLoad(async () => {
    if (!definitionId || !(await api.supports('/api/definitions/{id}'))) return null;
    return api.definition(definitionId).catch((e: unknown) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e)));
  }, [api, definitionId]);
  const definition = definitionId && def.data?.id === definitionId ? def.data : def.data === null && !def.loading ? null : undefined;
  const keys = [...new Set((c?.tasks ?? []).filter((t) => t.status === 'completed' && t.formKey).map((t) => t.formKey as string))].sort();
  const signature = `${definition?.id ?? ''}|${keys.join(',')}`;
  const loaded = useLoad(async (): Promise<CaseForms & { signature: string }> => {
    if (!definition) return { definition: null, intake: null, forms: new Map(), signature };
    const load = (key: string) => api.form(key, definition.key, definition.version).catch(() => null);
    const [intake, ...steps] = await Promise.all([definition.startFormKey ? load(definition.startFormKey) : Promise.resolve(null), ...keys.map(load)]);
    const forms = new Map<string, FormResource>();
    keys.forEach((k, i) => { if (steps[i]) forms.set(k, steps[i]); });
    return { definition, intake, forms, signature };
  }, [api, signature]);
  const settled = definition !== undefined;
  const current = settled && loaded.data?.signature === signature ? loaded.data : undefined;
  return {
    ...loaded,
    error: def.error ?? loaded.error,
    data: current,
    loading: def.loading || loaded.loading || (Boolean(definitionId) && !current && !loaded.error && !def.error),
    definition,
  };
}

type Prop = { title?: string; enum?: unknown[]; oneOf?: { const?: unknown; title?: string }[]; items?: Prop };

function propOf(form: FormResource | null | undefined, key: string): Prop | undefined {
  const p = (form?.schema as { properties?: Record<string, unknown> } | undefined)?.properties?.[key];
  return p && typeof p === 'object' ? (p as Prop) : undefined;
}

export function fieldTitle(form: FormResource | null | undefined, key: string): string {
  return propOf(form, key)?.title ?? key;
}

/** A field's value as a clerk reads it: enum names, 是/否, org codes as names, files by name. */
export function fieldText(form: FormResource | null | undefined, key: string, v: unknown, name: (code: string) => string): string {
  const prop = propOf(form, key);
  const item = prop?.items ?? prop;
  const enumNames = ((form?.uiSchema as Record<string, unknown> | undefined)?.[key] as { 'ui:enumNames'?: string[]; items?: { 'ui:enumNames'?: string[] } } | undefined);
  const names = enumNames?.['ui:enumNames'] ?? enumNames?.items?.['ui:enumNames'];
  const one = (x: unknown): string => {
    if (typeof x === 'boolean') return x ? '是' : '否';
    const titled = item?.oneOf?.find((o) => o.const === x)?.title;
    if (titled) return titled;
    const i = item?.enum?.indexOf(x) ?? -1;
    if (i >= 0 && names?.[i]) return names[i];
    if (typeof x === 'string') return name(x);
    if (x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string') return (x as { name: string }).name;
    return typeof x === 'object' && x !== null ? JSON.stringify(x) : String(x);
  };
  if (v === null || v === undefined || v === '') return '—';
  return Array.isArray(v) ? v.map(one).join('、') || '—' : one(v);
}

/** The keys of `data` in the order of the form's fields, then any the form does not know. */
export function orderedKeys(form: FormResource | null | undefined, data: Record<string, unknown>): string[] {
  // `ui:order` when the form has one (the server adds it: stored JSON loses the fields' order)
  const declared = (form?.uiSchema as { 'ui:order'?: unknown } | undefined)?.['ui:order'];
  const fields = Object.keys((form?.schema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {});
  const listed = Array.isArray(declared) ? declared.filter((x): x is string => typeof x === 'string' && x !== '*') : [];
  const order = [...listed, ...fields.filter((k) => !listed.includes(k))];
  const present = order.filter((k) => k in data);
  return [...present, ...Object.keys(data).filter((k) => !order.includes(k))];
}

/** Form data under the form's field titles. */
export function FormDataView({ form, data, name, column = 1, testId }: {
  form: FormResource | null | undefined; data: Record<string, unknown>; name: (code: string) => string; column?: number | Record<string, number>; testId?: string;
}) {
  const keys = orderedKeys(form, data);
  if (!keys.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="—" />;
  return (
    <Descriptions size="small" column={column} data-testid={testId} items={keys.map((k) => ({
      key: k, label: fieldTitle(form, k), children: <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{fieldText(form, k, data[k], name)}</span>,
    }))} />
  );
}

/**
 * What was registered at intake: the data of the case.started entry (the case's data also holds
 * what later steps merged into it), else the case data limited to the intake form's fields.
 */
export function intakeData(c: Pick<CaseDetail, 'history' | 'variables'>, intake: FormResource | null | undefined): Record<string, unknown> {
  const started = c.history.find((h) => h.kind === 'case.started')?.data as { data?: unknown } | null | undefined;
  if (started?.data && typeof started.data === 'object') return started.data as Record<string, unknown>;
  const data = (c.variables.data ?? {}) as Record<string, unknown>;
  const fields = (intake?.schema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return fields ? Object.fromEntries(Object.entries(data).filter(([k]) => k in fields)) : data;
}

/** The completed steps of a case in the order they were done, each with who completed it. */
export function completedSteps(c: Pick<CaseDetail, 'tasks' | 'history'>): { task: Task; actor: string | null }[] {
  return c.tasks
    .filter((t) => t.status === 'completed')
    .sort((a, b) => (a.completedAt ?? '').localeCompare(b.completedAt ?? ''))
    .map((task) => ({ task, actor: task.completedBy ?? c.history.find((h) => h.taskId === task.id && h.kind === 'task.completed')?.actor ?? null }));
}

/** A step's heading: its name, when and by whom (`actor` already a name). */
export function stepLabel(task: Task, actor: string | null): string {
  return `${task.name ?? task.elementId} · ${formatTime(task.completedAt)}${actor ? ` · ${actor}` : ''}`;
}

/** The engine's own steps are the system's; a citizen's online rating is the applicant's. */
export const SYSTEM = 'system';

/**
 * Who did something, as a clerk reads it: staff by name (the case's `people`), the engine as
 * 系统, the applicant rating online as such; an unknown username as it is.
 */
export function personNamer(c: Pick<CaseDetail, 'people'>, words: { system: string; citizen: string }): (actor: string | null | undefined) => string {
  return (actor) => (!actor ? '' : actor === SYSTEM ? words.system : actor === CITIZEN ? words.citizen : c.people?.[actor] ?? actor);
}

/** Unit or department code → its name in the org. */
export function orgNamer(org: OrgModel): (code: string) => string {
  const names = new Map<string, string>();
  const walk = (units: OrgModel['units']) => units.forEach((u) => {
    names.set(u.code, u.name);
    walk(u.children ?? []);
  });
  walk(org.units);
  for (const d of org.departments) if (!names.has(d.code)) names.set(d.code, d.name);
  return (code) => names.get(code) ?? code;
}

/** The process that runs the case: its name and deployed version (not the case row's lock counter). */
export function processLabel(c: Pick<CaseDetail, 'processKey'>, definition: DefinitionDetail | null | undefined): string {
  if (!definition) return c.processKey;
  return `${definition.name ?? definition.key} v${definition.version}`;
}
