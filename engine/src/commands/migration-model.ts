// 流程版本迁移, what a migration reads and decides without the database: the request, plan and
// outcome shapes; the elements of a definition version (by id, with their sub-process, boundary
// timers and forms); where a saved case waits; its state with element ids renamed; the timers a
// target adds; and whether one case can move (checkCase). ./migration.ts runs plans and migrations.
import type { StoredState } from '../bpmn/case-execution';
import type { ModdleElement } from '../bpmn/moddle';
import { readBpmn } from '../bpmn/read';
import type { DefinitionRecord } from '../definitions';
import type { ReadScope } from '../read-scope';

export const MIGRATION_REFUSALS = [
  'MIGRATION_UNMAPPED_ELEMENT', 'MIGRATION_FORM_INCOMPATIBLE', 'MIGRATION_CASE_CHANGED', 'MIGRATION_NOT_RUNNING',
  'MIGRATION_UNSUPPORTED_ELEMENT', 'MIGRATION_MAPPING_CONFLICT', 'MIGRATION_FAILED', 'CASE_NOT_FOUND',
] as const;
export type MigrationRefusal = (typeof MIGRATION_REFUSALS)[number];

/** Cases a plan lists one by one at most (counts cover all). */
export const MIGRATION_PLAN_CASES = 500;

export interface MigrationRequest {
  processKey: string;
  fromVersion: number;
  toVersion: number;
  /** Source element id → target element id; overrides the proposal. */
  mapping?: Record<string, string>;
  /** Only these cases (else every running case of fromVersion in scope). */
  caseIds?: string[];
  /** Whose cases (the caller's visibility); left out: every case. */
  scope?: ReadScope;
}

export interface MigrationElement { elementId: string; name: string; type: string }

export interface MigrationPlan {
  processKey: string;
  fromVersion: number;
  toVersion: number;
  mapping: Record<string, string>;
  elements: Array<MigrationElement & {
    caseCount: number; mappedTo: string | null; proposed: boolean; problem?: { code: string; message: string };
    /** Timer boundary events new on the target step: armed at migration time (existing timers keep their due times). */
    newTimers?: MigrationNewTimer[];
  }>;
  targetElements: MigrationElement[];
  cases: Array<{ caseId: string; caseNo: string; title: string; waitingAt: string[]; migratable: boolean; code?: MigrationRefusal; reason?: string }>;
  caseCount: number;
  migratableCount: number;
  ok: boolean;
}

export interface MigrationOutcome {
  migrationId: string;
  migrated: number;
  refused: number;
  results: Array<{ caseId: string; caseNo: string; status: 'migrated' | 'refused'; code?: MigrationRefusal; reason?: string }>;
}

export interface MigrationVersions {
  processKey: string;
  name: string;
  latestVersion: number;
  versions: Array<{ version: number; runningCases: number }>;
}


export const WAITABLE = new Set([
  'bpmn:UserTask', 'bpmn:ManualTask', 'bpmn:ReceiveTask', 'bpmn:IntermediateCatchEvent', 'bpmn:BoundaryEvent',
  'bpmn:ParallelGateway', 'bpmn:InclusiveGateway', 'bpmn:EventBasedGateway', 'bpmn:SubProcess', 'bpmn:CallActivity',
]);
/** Waiting there, a case is refused: the inner state is not mapped. */
const UNSUPPORTED = new Set(['bpmn:SubProcess', 'bpmn:CallActivity', 'bpmn:Transaction', 'bpmn:AdHocSubProcess']);
export const TYPE_WORDS: Record<string, string> = {
  'bpmn:UserTask': '用户任务', 'bpmn:ManualTask': '人工任务', 'bpmn:ReceiveTask': '接收任务', 'bpmn:IntermediateCatchEvent': '中间捕获事件',
  'bpmn:BoundaryEvent': '边界事件', 'bpmn:ParallelGateway': '并行网关', 'bpmn:InclusiveGateway': '包容网关', 'bpmn:EventBasedGateway': '事件网关',
  'bpmn:SubProcess': '子流程', 'bpmn:CallActivity': '调用活动',
};

export interface ElementInfo extends MigrationElement {
  formKey?: string;
  /** The embedded sub-process holding it. */
  parent?: string;
  /** A boundary event: the activity it is attached to. */
  attachedTo?: string;
  /** A boundary event with a timer; `cancelActivity` false: non-interrupting. */
  timer?: { cancelActivity: boolean; duration: string | null };
}

/** A timer boundary event the target adds to a step a case waits at: armed by the migration, from then. */
export interface MigrationNewTimer { elementId: string; name: string; duration: string | null; interrupting: boolean }
export interface DefinitionElements { def: DefinitionRecord; byId: Map<string, ElementInfo> }

const elementCache = new WeakMap<DefinitionRecord, Promise<Map<string, ElementInfo>>>();

/** The flow nodes of a definition's executable process (sub-processes' included), by id. */
export function elementsOf(def: DefinitionRecord): Promise<Map<string, ElementInfo>> {
  let found = elementCache.get(def);
  if (!found) {
    found = readBpmn(def.bpmn).then((doc) => {
      const root = doc.rootElement.rootElements as ModdleElement[] | undefined;
      const proc = (root ?? []).find((e) => e.$type === 'bpmn:Process' && e.isExecutable === true);
      const out = new Map<string, ElementInfo>();
      const visit = (container: ModdleElement, parent: string | undefined) => {
        for (const el of (container.flowElements as ModdleElement[] | undefined) ?? []) {
          if (!el.id || el.$type === 'bpmn:SequenceFlow') continue;
          const formKey = typeof el.formKey === 'string' ? el.formKey : undefined;
          const attachedTo = (el.attachedToRef as ModdleElement | undefined)?.id;
          const timerDef = ((el.eventDefinitions as ModdleElement[] | undefined) ?? []).find((d) => d.$type === 'bpmn:TimerEventDefinition');
          const duration = (timerDef?.timeDuration as ModdleElement | undefined)?.body;
          out.set(el.id, {
            elementId: el.id, name: typeof el.name === 'string' ? el.name : '', type: el.$type, ...(formKey ? { formKey } : {}), ...(parent ? { parent } : {}),
            ...(attachedTo ? { attachedTo } : {}),
            ...(timerDef ? { timer: { cancelActivity: el.cancelActivity !== false, duration: typeof duration === 'string' ? duration.trim() : null } } : {}),
          });
          if (el.$type === 'bpmn:SubProcess') visit(el, el.id);
        }
      };
      if (proc) visit(proc, undefined);
      return out;
    });
    elementCache.set(def, found);
  }
  return found;
}

/** A node of bpmn-engine's saved state, as far as migration reads it. */
interface StateNode { id?: unknown; type?: unknown; status?: unknown; execution?: { processes?: StateNode[]; children?: StateNode[] } }

/** A waiting element of a saved case; `opaque`: a sub-process whose inside is not mapped (called, multi-instance …). */
export interface WaitingElement { id: string; type: string; opaque?: true }

/**
 * The elements a saved case waits at, in state order: an embedded sub-process and, inside it, its
 * own waiting elements; a call activity or a sub-process whose inner state is not a plain list of
 * children (multi-instance) is `opaque`.
 */
export function waitingInState(state: Partial<StoredState>): WaitingElement[] {
  const out: WaitingElement[] = [];
  const visit = (children: StateNode[]) => {
    for (const c of children) {
      if (typeof c.id !== 'string' || typeof c.status !== 'string') continue;
      if (c.status === 'completed' || c.status === 'discarded') continue;
      const type = String(c.type ?? '');
      const inner = c.execution?.children;
      const opaque = UNSUPPORTED.has(type) && !(type === 'bpmn:SubProcess' && Array.isArray(inner));
      if (!out.some((o) => o.id === c.id)) out.push({ id: c.id, type, ...(opaque ? { opaque: true as const } : {}) });
      if (type === 'bpmn:SubProcess' && Array.isArray(inner)) visit(inner);
    }
  };
  for (const d of (state.definitions ?? []) as StateNode[]) {
    for (const p of d?.execution?.processes ?? []) visit(p?.execution?.children ?? []);
  }
  return out;
}

const ID_KEYS = new Set(['id', 'attachedTo', 'targetId', 'sourceId']);

/**
 * The saved state with its element ids renamed per `renames` (one pass: swaps are safe). The old
 * state of an element whose id a renamed one takes (and that is not renamed away itself) is dropped
 * from the children lists: recovered, it would overwrite the moved one.
 */
export function renameStateElements<T>(state: T, renames: ReadonlyMap<string, string>): T {
  if (renames.size === 0) return structuredClone(state);
  const taken = new Set([...renames.values()].filter((id) => !renames.has(id)));
  const stale = (x: unknown) => !!x && typeof x === 'object' && taken.has((x as { id?: unknown }).id as string);
  const walk = (v: unknown, key?: string): unknown => {
    if (Array.isArray(v)) return (key === 'children' ? v.filter((x) => !stale(x)) : v).map((x) => walk(x));
    if (!v || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = ID_KEYS.has(k) && typeof x === 'string' && renames.has(x) ? renames.get(x) : walk(x, k);
    return out;
  };
  return walk(state) as T;
}

/**
 * The timer boundary events the target attaches to the element `srcId` maps to that none of the
 * source element's own boundary events map to: new, so no case waiting there has them running.
 */
export function newTimersFor(srcId: string, from: DefinitionElements, to: DefinitionElements, mapping: Record<string, string>): MigrationNewTimer[] {
  const dst = mapping[srcId];
  if (!dst) return [];
  const kept = new Set([...from.byId.values()].filter((e) => e.attachedTo === srcId && mapping[e.elementId]).map((e) => mapping[e.elementId]));
  return [...to.byId.values()]
    .filter((e) => e.attachedTo === dst && e.timer && !kept.has(e.elementId))
    .map((e) => ({ elementId: e.elementId, name: e.name, duration: e.timer?.duration ?? null, interrupting: e.timer?.cancelActivity ?? true }));
}

export interface CaseFacts {
  id: string;
  number: string;
  title: string | null;
  status: string;
  suspended: boolean;
  definitionId: string;
  state: Partial<StoredState>;
  data: Record<string, unknown>;
  openForms: { elementId: string; formKey: string | null }[];
}

export interface Check { waitingAt: WaitingElement[]; code?: MigrationRefusal; reason?: string }

const required = (schema: unknown): string[] => {
  const r = (schema as { required?: unknown } | undefined)?.required;
  return Array.isArray(r) ? r.filter((x): x is string => typeof x === 'string') : [];
};
const declared = (schema: unknown): Set<string> => {
  const p = (schema as { properties?: unknown } | undefined)?.properties;
  return new Set(p && typeof p === 'object' ? Object.keys(p) : []);
};

/** Whether one case can move, and why not. `named`: the caller chose it (a closed one then changed since the plan). */
export function checkCase(f: CaseFacts, from: DefinitionElements, to: DefinitionElements, mapping: Record<string, string>, named = false): Check {
  const waitingAt = f.status === 'active' || f.status === 'incident' ? waitingInState(f.state) : [];
  if (f.definitionId !== from.def.id) return { waitingAt, code: 'MIGRATION_CASE_CHANGED', reason: '案件已不在源版本上' };
  if (f.status !== 'active') {
    const closed = ['completed', 'withdrawn', 'refused', 'failed'].includes(f.status);
    return {
      waitingAt,
      code: closed && named ? 'MIGRATION_CASE_CHANGED' : 'MIGRATION_NOT_RUNNING',
      reason: f.status === 'incident' ? '案件有未处理的异常，请先处理异常再迁移' : '案件已结束，不在办理中',
    };
  }
  if (f.suspended) return { waitingAt, code: 'MIGRATION_NOT_RUNNING', reason: '案件已中止（停止计时），恢复后才能迁移' };
  for (const w of waitingAt) {
    const src = from.byId.get(w.id);
    const label = `「${src?.name || w.id}」（${w.id}）`;
    if (w.opaque) return { waitingAt, code: 'MIGRATION_UNSUPPORTED_ELEMENT', reason: `案件在${TYPE_WORDS[w.type] ?? w.type}${label}内等待，调用的流程或多实例子流程内的案件不支持迁移` };
    if (!mapping[w.id]) return { waitingAt, code: 'MIGRATION_UNMAPPED_ELEMENT', reason: `案件在${label}等待，新版本 ${to.def.version} 中没有对应的元素` };
  }
  const targets = new Map<string, string>();
  for (const w of waitingAt) {
    const other = targets.get(mapping[w.id]);
    if (other !== undefined) {
      return { waitingAt, code: 'MIGRATION_MAPPING_CONFLICT', reason: `案件同时在「${other}」和「${w.id}」等待，二者映射到同一元素「${mapping[w.id]}」` };
    }
    targets.set(mapping[w.id], w.id);
  }
  for (const t of f.openForms) {
    const target = to.byId.get(mapping[t.elementId] ?? '');
    const newKey = target?.formKey ?? t.formKey;
    if (!newKey) continue;
    const oldForm = t.formKey ? from.def.forms[t.formKey] : undefined;
    const newForm = to.def.forms[newKey];
    if (!newForm) continue;
    const known = declared(oldForm?.schema);
    const missing = required(newForm.schema).filter((k) => !known.has(k) && f.data[k] === undefined);
    if (missing.length) {
      return {
        waitingAt, code: 'MIGRATION_FORM_INCOMPATIBLE',
        reason: `待办「${target?.name || t.elementId}」在新版本的表单「${newKey}」要求字段 ${missing.join('、')}，原表单没有这些字段，案件数据中也没有`,
      };
    }
  }
  return { waitingAt };
}
