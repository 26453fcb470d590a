// Deploy-time guards against definitions that would take the server down when a case runs:
// loops in which nothing waits (bpmn-engine would spin synchronously or in microtasks until the
// stack or the CPU gives out), timer cycles that fire (almost) continuously, and timers so far
// away that their due date does not fit a database timestamp. Each problem names the elements.
import { isIsoDuration } from '../clock';
import type { ModdleElement } from './moddle';

/** The limits the validator and the runtime share (documented in the engine README). */
export const LIMITS = {
  /** Shortest period of a repeating timer (`timeCycle`). */
  minCyclePeriodMs: 60_000,
  /** Longest timer duration, and how far in the future a timer date may lie (about 100 years). */
  maxTimerHorizonMs: 100 * 366 * 86_400_000,
} as const;

type Add = (el: ModdleElement | undefined, code: string, message: string) => void;

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Approximate length of an ISO-8601 duration in ms (years 365.25 days, months 30.44), NaN if not one. */
export function durationMs(value: string): number {
  const m = DURATION.exec(value);
  if (!m || !isIsoDuration(value)) return Number.NaN;
  const [y, mo, w, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
  return ((((y * 365.25 + mo * 30.44 + w * 7 + d) * 24 + h) * 60 + mi) * 60 + s) * 1000;
}

export interface TimerProblem {
  code: 'TIMER_CYCLE_TOO_SHORT' | 'TIMER_OUT_OF_RANGE';
  message: string;
}

/**
 * Checks a literal timer value of one kind. Expressions (`${…}`) and values that are no timer
 * literal at all are left to the other checks (BAD_TIMER); the runtime guards resolved values.
 */
export function timerProblem(kind: 'timeDuration' | 'timeDate' | 'timeCycle', value: string, now = Date.now()): TimerProblem | undefined {
  const v = value.trim();
  if (!v || v.includes('${')) return undefined;
  const tooFar = (what: string): TimerProblem => ({
    code: 'TIMER_OUT_OF_RANGE',
    message: `定时器「${v}」${what}超出允许范围（最长约 100 年，日期不晚于 9999 年）；请改用实际的时限，如 P30D、P1Y，或截止日期 2027-01-01`,
  });
  if (kind === 'timeDuration') {
    const ms = durationMs(v);
    if (ms > LIMITS.maxTimerHorizonMs) return tooFar('时长');
    return undefined;
  }
  if (kind === 'timeDate') {
    const at = Date.parse(v);
    if (Number.isNaN(at)) return undefined;
    if (at - now > LIMITS.maxTimerHorizonMs || new Date(at).getUTCFullYear() > 9999) return tooFar('日期');
    return undefined;
  }
  // timeCycle: R[n]/<duration>, R[n]/<start>/<duration>, R[n]/<duration>/<end>, or a bare duration.
  const parts = v.split('/');
  const durations = parts.filter((p) => isIsoDuration(p));
  const dates = parts.slice(1).filter((p) => !isIsoDuration(p));
  for (const d of dates) {
    const at = Date.parse(d);
    if (!Number.isNaN(at) && (at - now > LIMITS.maxTimerHorizonMs || new Date(at).getUTCFullYear() > 9999)) return tooFar('日期');
  }
  for (const d of durations) {
    const ms = durationMs(d);
    if (ms > LIMITS.maxTimerHorizonMs) return tooFar('周期');
    if (/^R/.test(parts[0]) && !(ms >= LIMITS.minCyclePeriodMs)) {
      return {
        code: 'TIMER_CYCLE_TOO_SHORT',
        message: `循环定时器「${v}」的周期 ${d} 太短（至少 PT1M，即 1 分钟）：周期为零会让引擎无限空转，过短的周期会不断写入历史；提醒、催办请用 PT1H、P1D 等周期`,
      };
    }
  }
  return undefined;
}

/** Literal timer values of a timer event definition, by kind. */
function timerValues(def: ModdleElement): { kind: 'timeDuration' | 'timeDate' | 'timeCycle'; value: string }[] {
  const out: { kind: 'timeDuration' | 'timeDate' | 'timeCycle'; value: string }[] = [];
  for (const kind of ['timeDuration', 'timeDate', 'timeCycle'] as const) {
    const expr = def[kind] as ModdleElement | undefined;
    const body = typeof expr?.body === 'string' ? expr.body.trim() : '';
    if (body) out.push({ kind, value: body });
  }
  return out;
}

export function definitionsOf(el: ModdleElement): ModdleElement[] {
  return (el.eventDefinitions as ModdleElement[] | undefined) ?? [];
}

/** Every timer event of the process (and its sub-processes): range and cycle-period checks. */
export function checkTimers(flowElements: ModdleElement[], add: Add, now = Date.now()): void {
  for (const el of flowElements) {
    for (const def of definitionsOf(el)) {
      if (def.$type !== 'bpmn:TimerEventDefinition') continue;
      for (const { kind, value } of timerValues(def)) {
        const p = timerProblem(kind, value, now);
        if (p) add(el, p.code, p.message);
      }
    }
    if (el.$type === 'bpmn:SubProcess') checkTimers((el.flowElements as ModdleElement[] | undefined) ?? [], add, now);
  }
}

/** A timer that really waits: not a literal zero duration / past date. Expressions count as waiting. */
function timerWaits(def: ModdleElement): boolean {
  const values = timerValues(def);
  if (!values.length) return false;
  return values.some(({ kind, value }) => {
    if (value.includes('${')) return true;
    if (kind === 'timeDuration') return durationMs(value) > 0;
    if (kind === 'timeCycle') return value.split('/').some((p) => isIsoDuration(p) && durationMs(p) > 0);
    return true; // a date: it may lie in the past, but then it fires once and moves on
  });
}

const WAITING_DEFINITIONS = new Set(['bpmn:MessageEventDefinition', 'bpmn:SignalEventDefinition', 'bpmn:ConditionalEventDefinition']);

/** Whether the element stops the token until something outside the engine happens. */
function isWaitState(el: ModdleElement): boolean {
  switch (el.$type) {
    case 'bpmn:UserTask':
    case 'bpmn:ManualTask':
    case 'bpmn:ReceiveTask':
    case 'bpmn:EventBasedGateway':
      return true;
    case 'bpmn:IntermediateCatchEvent':
    case 'bpmn:BoundaryEvent':
      return definitionsOf(el).some((d) => WAITING_DEFINITIONS.has(d.$type) || (d.$type === 'bpmn:TimerEventDefinition' && timerWaits(d)));
    case 'bpmn:SubProcess':
      return ((el.flowElements as ModdleElement[] | undefined) ?? []).some(isWaitState);
    default:
      return false;
  }
}

export function refId(v: unknown): string | undefined {
  return typeof v === 'object' && v !== null ? (v as ModdleElement).id : undefined;
}

/**
 * Cycles of the sequence-flow graph of one scope (a process or a sub-process, each checked on its
 * own) in which no element waits: Tarjan's strongly connected components over the non-waiting
 * nodes; a component of two or more nodes, or a node with a flow to itself, is such a loop.
 */
export function checkLoops(flowElements: ModdleElement[], add: Add): void {
  const nodes = new Map<string, ModdleElement>();
  const edges = new Map<string, string[]>();
  const link = (from: string, to: string) => edges.set(from, [...(edges.get(from) ?? []), to]);
  for (const el of flowElements) {
    if (el.$type === 'bpmn:SequenceFlow' || !el.id) continue;
    if (el.$type === 'bpmn:SubProcess') checkLoops((el.flowElements as ModdleElement[] | undefined) ?? [], add);
    if (isWaitState(el)) continue;
    nodes.set(el.id, el);
  }
  for (const el of flowElements) {
    if (el.$type === 'bpmn:SequenceFlow') {
      const from = refId(el.sourceRef);
      const to = refId(el.targetRef);
      if (from && to && nodes.has(from) && nodes.has(to)) link(from, to);
    } else if (el.$type === 'bpmn:BoundaryEvent') {
      // an error / escalation boundary is reached from its activity without waiting
      const host = refId(el.attachedToRef);
      if (host && el.id && nodes.has(host) && nodes.has(el.id)) link(host, el.id);
    }
  }
  // a link throw event goes on at the link catch event of the same name (in the same scope)
  const linkName = (el: ModdleElement) => definitionsOf(el).find((d) => d.$type === 'bpmn:LinkEventDefinition')?.name as string | undefined;
  for (const thrower of flowElements.filter((el) => el.$type === 'bpmn:IntermediateThrowEvent' && linkName(el) !== undefined)) {
    for (const catcher of flowElements.filter((el) => el.$type === 'bpmn:IntermediateCatchEvent' && linkName(el) === linkName(thrower))) {
      if (thrower.id && catcher.id && nodes.has(thrower.id) && nodes.has(catcher.id)) link(thrower.id, catcher.id);
    }
  }

  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  // iterative Tarjan: a deep definition must not overflow the validator's stack either
  for (const root of nodes.keys()) {
    if (index.has(root)) continue;
    const work: { id: string; next: number }[] = [{ id: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const frame = work[work.length - 1];
      const out = edges.get(frame.id) ?? [];
      if (frame.next < out.length) {
        const to = out[frame.next++];
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ id: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].id;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.id)!));
      }
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let id: string;
        do {
          id = stack.pop()!;
          onStack.delete(id);
          component.push(id);
        } while (id !== frame.id);
        if (component.length > 1 || (edges.get(frame.id) ?? []).includes(frame.id)) components.push(component);
      }
    }
  }

  const order = [...nodes.keys()];
  for (const component of components) {
    const ids = component.sort((a, b) => order.indexOf(a) - order.indexOf(b));
    add(nodes.get(ids[0]), 'LOOP_WITHOUT_WAIT', `${ids.join(' → ')} 构成循环，但循环中没有等待环节（用户任务、人工任务、定时器或消息/信号捕获事件）：案件会在服务器上无限空转。请在循环中加入一个用户任务（如“复查”）或定时器（如 P1D），让循环每一轮都等待办理人或时间`);
  }
}
