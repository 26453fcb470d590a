// What changed between two versions of a pack: BPMN elements added / removed / changed (the
// bpmn.io differ, bpmn-js-differ, over the documents as bpmn-moddle reads them), rules, forms
// (fields added / removed / made required) and the org model — as data and as Chinese lines.
import { diff as diffBpmn } from 'bpmn-js-differ';
import { readBpmn } from '@yizhan/engine';
import type { OrgModel, OrgUnit } from '@yizhan/rules';
import type { PackBundle } from './types';

export interface ElementChange {
  id: string;
  type: string;
  name: string | null;
  /** Changed attributes (for `changed`). */
  attrs?: string[];
  /** A sequence flow's ends (element ids): in the version it is in; for `changed`, also before. */
  ends?: string[];
}

export interface BpmnFileDiff {
  file: string;
  status: 'added' | 'removed' | 'changed' | 'unchanged';
  added: ElementChange[];
  removed: ElementChange[];
  changed: ElementChange[];
  /** Elements only moved or resized in the diagram. */
  layoutChanged: string[];
}

export interface RuleSetDiff {
  name: string;
  status: 'added' | 'removed' | 'changed';
  rulesAdded: string[];
  rulesRemoved: string[];
  rulesChanged: string[];
  /** hitPolicy, defaults, timeLimits, groups or shared conditions changed. */
  settingsChanged: string[];
}

export interface FormDiff {
  key: string;
  status: 'added' | 'removed' | 'changed';
  fieldsAdded: string[];
  fieldsRemoved: string[];
  nowRequired: string[];
  noLongerRequired: string[];
  /** Fields whose definition (type, title, enum, limits …) changed. */
  fieldsChanged: string[];
}

export interface OrgDiff {
  unitsAdded: string[];
  unitsRemoved: string[];
  unitsRenamed: { code: string; from: string; to: string }[];
  departmentsAdded: string[];
  departmentsRemoved: string[];
  departmentsChanged: string[];
}

export interface PackDiff {
  from: string;
  to: string;
  bpmn: BpmnFileDiff[];
  rules: RuleSetDiff[];
  forms: FormDiff[];
  org: OrgDiff;
  /** Top-level pack.json settings that changed (deadlines, public, users …). */
  manifestChanged: string[];
  /** The whole diff in Chinese, one line a change; empty when nothing changed. */
  summary: string[];
}

const TYPE_LABELS: Record<string, string> = {
  'bpmn:UserTask': '用户任务', 'bpmn:ServiceTask': '服务任务', 'bpmn:ManualTask': '人工任务', 'bpmn:Task': '任务',
  'bpmn:ReceiveTask': '接收任务', 'bpmn:SendTask': '发送任务', 'bpmn:CallActivity': '调用活动', 'bpmn:SubProcess': '子流程',
  'bpmn:StartEvent': '开始事件', 'bpmn:EndEvent': '结束事件', 'bpmn:BoundaryEvent': '边界事件',
  'bpmn:IntermediateCatchEvent': '中间捕获事件', 'bpmn:IntermediateThrowEvent': '中间抛出事件',
  'bpmn:ExclusiveGateway': '排他网关', 'bpmn:ParallelGateway': '并行网关', 'bpmn:InclusiveGateway': '包容网关',
  'bpmn:EventBasedGateway': '事件网关', 'bpmn:SequenceFlow': '顺序流', 'bpmn:Process': '流程',
};

const typeLabel = (t: string) => TYPE_LABELS[t] ?? t.replace(/^bpmn:/, '');
const label = (e: ElementChange) => `${typeLabel(e.type)}「${e.name ?? e.id}」`;

/** Diagram-only types: their changes are layout, not behaviour. */
const DI = /^(bpmndi|dc|di):/;

export async function diffPacks(before: PackBundle, after: PackBundle): Promise<PackDiff> {
  const bpmn: BpmnFileDiff[] = [];
  for (const file of union(Object.keys(before.bpmn), Object.keys(after.bpmn))) {
    bpmn.push(await diffBpmnFile(file, before.bpmn[file], after.bpmn[file]));
  }
  const rules = union(Object.keys(before.rules), Object.keys(after.rules))
    .map((name) => diffRuleSet(name, before.rules[name], after.rules[name]))
    .filter((d): d is RuleSetDiff => d !== undefined);
  const forms = union(Object.keys(before.forms), Object.keys(after.forms))
    .map((key) => diffForm(key, before.forms[key], after.forms[key]))
    .filter((d): d is FormDiff => d !== undefined);
  const org = diffOrg(before.manifest.org, after.manifest.org);
  const ignored = new Set(['$schema', 'version', 'org']);
  const manifestChanged = union(Object.keys(before.manifest), Object.keys(after.manifest))
    .filter((k) => !ignored.has(k) && !sameJson((before.manifest as unknown as Record<string, unknown>)[k], (after.manifest as unknown as Record<string, unknown>)[k]));
  const result: PackDiff = { from: before.manifest.version, to: after.manifest.version, bpmn, rules, forms, org, manifestChanged, summary: [] };
  result.summary = summarize(result);
  return result;
}

/** What the differ gives of an element (a sequence flow has its ends). */
interface FlowLike { $type: string; name?: string; sourceRef?: unknown; targetRef?: unknown }
/** A changed attribute's two values (the differ's names for them are not to be relied on: both are read). */
interface Change { oldValue?: unknown; newValue?: unknown }

/**
 * The flows that only come with an element added or removed — a task put between two others brings
 * its flows and re-points the one it was put on — are part of that change, not changes of their own:
 * the summary names the element only (the data keeps every flow).
 */
function consequentialFlows(f: BpmnFileDiff): Set<string> {
  const isFlow = (e: ElementChange) => e.type === 'bpmn:SequenceFlow';
  const touched = new Set([...f.added, ...f.removed].filter((e) => !isFlow(e)).map((e) => e.id));
  const touches = (e: ElementChange) => (e.ends ?? []).some((id) => touched.has(id));
  const rewired = (e: ElementChange) => (e.attrs ?? []).every((a) => a === 'sourceRef' || a === 'targetRef');
  return new Set([
    ...[...f.added, ...f.removed].filter((e) => isFlow(e) && touches(e)),
    ...f.changed.filter((e) => isFlow(e) && rewired(e) && touches(e)),
  ].map((e) => e.id));
}

async function diffBpmnFile(file: string, a: string | undefined, b: string | undefined): Promise<BpmnFileDiff> {
  const empty = { added: [], removed: [], changed: [], layoutChanged: [] };
  if (a === undefined || b === undefined) return { file, status: a === undefined ? 'added' : 'removed', ...empty };
  const [docA, docB] = await Promise.all([readBpmn(a), readBpmn(b)]);
  const d = diffBpmn(docA.rootElement, docB.rootElement);
  // a reference is the element, or in a change's values "#ref:<id>"
  const idOf = (x: unknown) => (typeof x === 'string' ? x.replace(/^#ref:/, '') : x && typeof x === 'object' && typeof (x as { id?: unknown }).id === 'string' ? (x as { id: string }).id : null);
  const ends = (...xs: unknown[]) => [...new Set(xs.map(idOf).filter((x): x is string => x !== null))];
  const element = (id: string, e: FlowLike, attrs?: Record<string, Change>): ElementChange => ({
    id, type: e.$type, name: typeof e.name === 'string' && e.name ? e.name : null,
    ...(attrs ? { attrs: Object.keys(attrs) } : {}),
    ...(e.$type === 'bpmn:SequenceFlow'
      ? { ends: ends(e.sourceRef, e.targetRef, ...[attrs?.sourceRef, attrs?.targetRef].flatMap((c) => [c?.oldValue, c?.newValue])) } : {}),
  });
  const keep = ([, e]: [string, { $type: string }]) => !DI.test(e.$type);
  const added = Object.entries(d._added).filter(keep).map(([id, e]) => element(id, e as FlowLike));
  const removed = Object.entries(d._removed).filter(keep).map(([id, e]) => element(id, e as FlowLike));
  const changed = Object.entries(d._changed)
    .filter(([, c]) => !DI.test(c.model.$type))
    .map(([id, c]) => element(id, c.model as FlowLike, c.attrs as Record<string, Change>));
  const layoutChanged = Object.keys(d._layoutChanged);
  const status = added.length || removed.length || changed.length || layoutChanged.length ? 'changed' : 'unchanged';
  return { file, status, added, removed, changed, layoutChanged };
}

interface RuleSetJson { hitPolicy?: unknown; defaults?: unknown; timeLimits?: unknown; groups?: unknown; conditions?: unknown; rules?: { name?: unknown }[] }

function diffRuleSet(name: string, a: unknown, b: unknown): RuleSetDiff | undefined {
  const none = { rulesAdded: [], rulesRemoved: [], rulesChanged: [], settingsChanged: [] };
  if (a === undefined) return { name, status: 'added', ...none };
  if (b === undefined) return { name, status: 'removed', ...none };
  const ra = a as RuleSetJson;
  const rb = b as RuleSetJson;
  const byName = (r: RuleSetJson) => new Map((Array.isArray(r.rules) ? r.rules : []).map((x) => [String(x.name ?? ''), x]));
  const ma = byName(ra);
  const mb = byName(rb);
  const diffs: RuleSetDiff = {
    name, status: 'changed',
    rulesAdded: [...mb.keys()].filter((k) => !ma.has(k)),
    rulesRemoved: [...ma.keys()].filter((k) => !mb.has(k)),
    rulesChanged: [...mb.keys()].filter((k) => ma.has(k) && !sameJson(ma.get(k), mb.get(k))),
    settingsChanged: (['hitPolicy', 'defaults', 'timeLimits', 'groups', 'conditions'] as const).filter((k) => !sameJson(ra[k], rb[k])),
  };
  const any = diffs.rulesAdded.length + diffs.rulesRemoved.length + diffs.rulesChanged.length + diffs.settingsChanged.length;
  return any ? diffs : undefined;
}

interface SchemaJson { properties?: Record<string, unknown>; required?: unknown }

function diffForm(key: string, a: { schema: unknown } | undefined, b: { schema: unknown } | undefined): FormDiff | undefined {
  const none = { fieldsAdded: [], fieldsRemoved: [], nowRequired: [], noLongerRequired: [], fieldsChanged: [] };
  if (a === undefined) return { key, status: 'added', ...none };
  if (b === undefined) return { key, status: 'removed', ...none };
  const sa = (a.schema ?? {}) as SchemaJson;
  const sb = (b.schema ?? {}) as SchemaJson;
  const pa = sa.properties ?? {};
  const pb = sb.properties ?? {};
  const req = (s: SchemaJson) => new Set(Array.isArray(s.required) ? s.required.map(String) : []);
  const qa = req(sa);
  const qb = req(sb);
  const d: FormDiff = {
    key, status: 'changed',
    fieldsAdded: Object.keys(pb).filter((f) => !(f in pa)),
    fieldsRemoved: Object.keys(pa).filter((f) => !(f in pb)),
    nowRequired: [...qb].filter((f) => !qa.has(f)),
    noLongerRequired: [...qa].filter((f) => !qb.has(f) && f in pb),
    fieldsChanged: Object.keys(pb).filter((f) => f in pa && !sameJson(pa[f], pb[f])),
  };
  const rest = { ...sa, properties: undefined, required: undefined };
  const restB = { ...sb, properties: undefined, required: undefined };
  const any = d.fieldsAdded.length + d.fieldsRemoved.length + d.nowRequired.length + d.noLongerRequired.length + d.fieldsChanged.length;
  // conditional parts (if / then / allOf …) changed without a top-level field moving
  if (!any && !sameJson(rest, restB)) d.fieldsChanged.push('（条件规则）');
  return any || d.fieldsChanged.length ? d : undefined;
}

function diffOrg(a: OrgModel | undefined, b: OrgModel | undefined): OrgDiff {
  const units = (m: OrgModel | undefined) => {
    const out = new Map<string, OrgUnit>();
    const walk = (list: OrgUnit[] | undefined) => list?.forEach((u) => { out.set(u.code, u); walk(u.children); });
    walk(m?.units);
    return out;
  };
  const ua = units(a);
  const ub = units(b);
  const da = new Map((a?.departments ?? []).map((d) => [d.code, d]));
  const db = new Map((b?.departments ?? []).map((d) => [d.code, d]));
  return {
    unitsAdded: [...ub.keys()].filter((k) => !ua.has(k)),
    unitsRemoved: [...ua.keys()].filter((k) => !ub.has(k)),
    unitsRenamed: [...ub.values()].filter((u) => ua.has(u.code) && ua.get(u.code)!.name !== u.name).map((u) => ({ code: u.code, from: ua.get(u.code)!.name, to: u.name })),
    departmentsAdded: [...db.keys()].filter((k) => !da.has(k)),
    departmentsRemoved: [...da.keys()].filter((k) => !db.has(k)),
    departmentsChanged: [...db.keys()].filter((k) => da.has(k) && !sameJson(da.get(k), db.get(k))),
  };
}

function summarize(d: PackDiff): string[] {
  const lines: string[] = [];
  const list = (xs: string[]) => xs.map((x) => `「${x}」`).join('、');
  for (const f of d.bpmn) {
    if (f.status === 'added') lines.push(`新增流程文件 ${f.file}`);
    else if (f.status === 'removed') lines.push(`删除流程文件 ${f.file}`);
    else {
      const folded = consequentialFlows(f);
      const own = (e: ElementChange) => !folded.has(e.id);
      for (const e of f.added.filter(own)) lines.push(`${f.file}：新增${label(e)}`);
      for (const e of f.removed.filter(own)) lines.push(`${f.file}：删除${label(e)}`);
      for (const e of f.changed.filter(own)) lines.push(`${f.file}：修改${label(e)}（${(e.attrs ?? []).join('、')}）`);
      if (f.layoutChanged.length) lines.push(`${f.file}：${f.layoutChanged.length} 个元素只调整了图中位置`);
    }
  }
  for (const r of d.rules) {
    if (r.status !== 'changed') { lines.push(`${r.status === 'added' ? '新增' : '删除'}规则集「${r.name}」`); continue; }
    if (r.rulesAdded.length) lines.push(`规则集「${r.name}」：新增规则${list(r.rulesAdded)}`);
    if (r.rulesRemoved.length) lines.push(`规则集「${r.name}」：删除规则${list(r.rulesRemoved)}`);
    if (r.rulesChanged.length) lines.push(`规则集「${r.name}」：修改规则${list(r.rulesChanged)}`);
    if (r.settingsChanged.length) lines.push(`规则集「${r.name}」：修改设置 ${r.settingsChanged.join('、')}`);
  }
  for (const f of d.forms) {
    if (f.status !== 'changed') { lines.push(`${f.status === 'added' ? '新增' : '删除'}表单「${f.key}」`); continue; }
    if (f.fieldsAdded.length) lines.push(`表单「${f.key}」：新增字段${list(f.fieldsAdded)}`);
    if (f.fieldsRemoved.length) lines.push(`表单「${f.key}」：删除字段${list(f.fieldsRemoved)}`);
    if (f.nowRequired.length) lines.push(`表单「${f.key}」：改为必填${list(f.nowRequired)}`);
    if (f.noLongerRequired.length) lines.push(`表单「${f.key}」：改为选填${list(f.noLongerRequired)}`);
    if (f.fieldsChanged.length) lines.push(`表单「${f.key}」：修改字段${list(f.fieldsChanged)}`);
  }
  const o = d.org;
  if (o.unitsAdded.length) lines.push(`组织架构：新增单位${list(o.unitsAdded)}`);
  if (o.unitsRemoved.length) lines.push(`组织架构：删除单位${list(o.unitsRemoved)}`);
  for (const r of o.unitsRenamed) lines.push(`组织架构：单位 ${r.code} 由「${r.from}」改名为「${r.to}」`);
  if (o.departmentsAdded.length) lines.push(`组织架构：新增部门${list(o.departmentsAdded)}`);
  if (o.departmentsRemoved.length) lines.push(`组织架构：删除部门${list(o.departmentsRemoved)}`);
  if (o.departmentsChanged.length) lines.push(`组织架构：修改部门${list(o.departmentsChanged)}`);
  if (d.manifestChanged.length) lines.push(`pack.json：修改 ${d.manifestChanged.join('、')}`);
  return lines;
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}

/** Equal as JSON, object keys in any order. */
function sameJson(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'undefined';
}
