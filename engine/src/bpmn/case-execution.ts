// The one typed adapter around bpmn-engine (whose API is effectively `any`). A CaseExecution is
// one running case: started fresh or recovered from stored state, driven by signals and timer
// fires, and "settled" (all built-in services finished) before its state is read and persisted.
import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';
import { Environment } from 'bpmn-elements';
import { camundaProperties, loadSourceContext } from './definition';
import { DurableTimers, type PendingTimer } from './durable-timers';
import { timerProblem } from './limits';
import { moddleOptions } from './moddle';

export interface ServiceCall {
  elementId: string;
  topic: string;
  properties: Record<string, string>;
  variables: Readonly<Record<string, unknown>>;
}

export interface ServiceOutcome {
  /** Merged into the case variables (the service's outputs). */
  variables?: Record<string, unknown>;
  /** Anything the store should keep beside the case (e.g. the routing explanation). */
  annotations?: Record<string, unknown>;
}

export type ServiceInvoker = (call: ServiceCall) => Promise<ServiceOutcome>;

export interface WaitingTask {
  executionId: string;
  elementId: string;
  name?: string;
  formKey?: string;
  candidateGroups: string[];
  assignee?: string;
  dueDate?: string;
  priority?: number;
  /** Multi-instance iteration index and element (e.g. the department of a joint mediation). */
  index?: number;
  item?: unknown;
}

export interface Incident {
  elementId: string;
  executionId?: string;
  message: string;
}

export interface ExecutionEvent {
  kind: 'activity.end' | 'service.completed';
  elementId: string;
  elementType: string;
  name?: string;
  annotations?: Record<string, unknown>;
}

/** How much one command may make the engine do before the case is halted (per command, not per case). */
export interface ExecutionBudget {
  /** Activities started (and timer firings) in one command. */
  maxSteps: number;
  /**
   * CPU milliseconds the engine may run synchronously in one command, summed over its runs (the
   * time it holds the event loop; waiting for handlers, other requests or other processes does
   * not count).
   */
  maxMs: number;
}

export const DEFAULT_BUDGET: ExecutionBudget = { maxSteps: 10_000, maxMs: 500 };

/**
 * Why a command was abandoned mid-run: it exceeded its budget (a loop nothing waits in), or
 * bpmn-engine threw (e.g. RangeError: a synchronous loop overflowing the stack). The engine
 * instance is unusable afterwards; the command is rolled back and the case halted.
 */
export interface ExecutionHalt {
  reason: 'budget' | 'engine';
  elementId: string;
  message: string;
  steps: number;
  ms: number;
}

class HaltSignal extends Error {}

export interface StoredState {
  name: string;
  state: string;
  stopped: boolean;
  engineVersion?: string;
  environment: unknown;
  definitions: unknown[];
}

interface Api {
  id: string;
  type: string;
  name?: string;
  executionId: string;
  content: Record<string, unknown> & { index?: number; isRootScope?: boolean; isMultiInstance?: boolean };
  owner: { behaviour: Record<string, unknown> };
  environment: { resolveExpression(expr: string, message: unknown): unknown; variables: Record<string, unknown> };
  getExecuting(): Api[];
  getPostponed?(): Api[];
}

/* eslint-disable @typescript-eslint/no-explicit-any -- bpmn-engine's activity objects are untyped; confined to this file */
interface ExpressionResolver {
  resolveExpression(template: unknown, context: unknown, fnContext?: unknown): unknown;
  isExpression?(text: unknown): boolean;
  hasExpression?(text: unknown): boolean;
}
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** bpmn-elements' own resolver (property paths only), which ours wraps. */
const stockExpressions = (new Environment() as unknown as { expressions: ExpressionResolver }).expressions;

const silentLogger = () => ({ debug() {}, error() {}, warn() {} });

export interface ExecutionOptions {
  /** Identifies the definition version whose context is cached. */
  definitionKey: string;
  sourceContext: string;
  invoke: ServiceInvoker;
  /**
   * The intake (start form) fields. A completed task's data is kept per step (`outputs[elementId]`) and merged
   * into `data`, except these fields: a task writes an intake field only when its `mapsIntake` property lists it.
   */
  intakeFields?: ReadonlySet<string>;
  budget?: ExecutionBudget;
}

export class CaseExecution {
  private readonly engine: any;
  private readonly timers = new DurableTimers();
  private readonly inflight = new Set<Promise<void>>();
  private incidentsFound: Incident[] = [];
  private eventsSeen: ExecutionEvent[] = [];
  private ended = false;
  private failure: Error | undefined;
  private readonly budget: ExecutionBudget;
  private steps = 0;
  private engineMs = 0;
  private segmentStart: number | undefined;
  private lastElement = '';
  private halt: ExecutionHalt | undefined;

  private constructor(name: string, options: ExecutionOptions) {
    this.budget = options.budget ?? DEFAULT_BUDGET;
    this.arm();
    const ctx = loadSourceContext(options.definitionKey, options.sourceContext);
    this.engine = new Engine({
      name,
      sourceContext: ctx as never,
      moddleOptions,
      timers: this.timers as never,
      Logger: silentLogger as never,
      expressions: this.expressions() as never,
      extensions: { yizhan: ((activity: any) => this.extend(activity, options.invoke, options.intakeFields ?? NO_FIELDS)) as never },
    });
    this.engine.on('end', () => (this.ended = true));
    this.engine.on('error', (err: Error) => (this.failure = err));
  }

  static async start(name: string, options: ExecutionOptions, variables: Record<string, unknown>): Promise<CaseExecution> {
    const exec = new CaseExecution(name, options);
    try {
      await exec.engine.execute({ listener: exec.listener(), variables });
    } catch (err) {
      exec.stopOn(err);
    }
    await exec.settle();
    return exec;
  }

  static async recover(name: string, options: ExecutionOptions, state: StoredState): Promise<CaseExecution> {
    const exec = new CaseExecution(name, options);
    try {
      exec.engine.recover(structuredClone(state));
      await exec.engine.resume({ listener: exec.listener() });
    } catch (err) {
      exec.stopOn(err);
    }
    // Services in flight when the state was saved (an incident) run again here: that is the retry.
    await exec.settle();
    return exec;
  }

  /**
   * Set when the last command was abandoned (budget exceeded, or bpmn-engine threw). The instance
   * must then be dropped: its state is not persisted.
   */
  get halted(): ExecutionHalt | undefined {
    return this.halt;
  }

  /**
   * bpmn-elements' expression resolver, with two guards: every `${…}` of a template is resolved
   * once (the stock resolver re-scans substituted values, so a variable holding `${…}` of itself
   * loops forever), and a resolved timer value the validator would refuse — a zero or sub-minute
   * cycle, on which the timer library itself loops forever, or a duration beyond ~100 years —
   * halts the case instead of reaching the timer.
   */
  private expressions() {
    const stock = stockExpressions;
    const check = (value: unknown): unknown => {
      if (typeof value !== 'string') return value;
      const kind = /^R\d*\//.test(value) ? 'timeCycle' : /^P/.test(value) ? 'timeDuration' : undefined;
      const problem = kind ? timerProblem(kind, value) : undefined;
      if (problem && !this.halt) {
        this.halt = { reason: 'engine', elementId: this.lastElement, message: `${this.lastElement}：${problem.message}`, steps: this.steps, ms: Math.round(this.elapsed()) };
      }
      if (this.halt) throw new HaltSignal('halted');
      return value;
    };
    return {
      ...stock,
      resolveExpression: (template: unknown, context: unknown, fnContext: unknown): unknown => {
        if (typeof template !== 'string' || /^\$\{[^}]+\}$/.test(template) || !template.includes('${')) {
          return check(stock.resolveExpression(template, context, fnContext));
        }
        return check(template.replace(/\$\{(.+?)\}/g, (whole) => {
          const v = stock.resolveExpression(whole, context, fnContext);
          return v === undefined || v === null ? '' : String(v);
        }));
      },
    };
  }

  /** Starts a new command's budget. */
  private arm(): void {
    this.steps = 0;
    this.engineMs = 0;
    this.segmentStart = undefined;
  }

  /**
   * Engine time of this command so far, in ms of this process's CPU time (so a machine busy with
   * other processes does not count against a case): closed synchronous runs plus the current one.
   */
  private elapsed(): number {
    const now = cpuMs();
    if (this.segmentStart === undefined) {
      // a synchronous run ends when the stack unwinds, i.e. before the next microtask
      this.segmentStart = now;
      queueMicrotask(() => {
        if (this.segmentStart === undefined) return;
        this.engineMs += cpuMs() - this.segmentStart;
        this.segmentStart = undefined;
      });
    }
    return this.engineMs + (now - this.segmentStart);
  }

  /** Records why the engine stopped (the first reason wins). */
  private stopOn(err: unknown): void {
    if (this.halt) return;
    const e = err instanceof Error ? err : new Error(String(err));
    this.halt = {
      reason: 'engine',
      elementId: this.lastElement,
      message: `流程引擎执行出错（${e.name}: ${e.message.slice(0, 200)}）${this.lastElement ? `，最后执行到 ${this.lastElement}` : ''}`,
      steps: this.steps,
      ms: Math.round(this.elapsed()),
    };
  }

  /** Runs a synchronous call into bpmn-engine: nothing it throws escapes, no call after a halt. */
  private enter(fn: () => void): void {
    if (this.halt) return;
    try {
      fn();
    } catch (err) {
      this.stopOn(err);
    }
  }

  /** Counts one step (every engine event checks the time); over budget, halts and unwinds the engine's synchronous loop by throwing. */
  private step(counts: boolean, elementId: string | undefined): void {
    if (this.halt) throw new HaltSignal('halted');
    if (counts) {
      if (elementId) this.lastElement = elementId;
      this.steps++;
    }
    const ms = this.elapsed();
    if (this.steps <= this.budget.maxSteps && ms <= this.budget.maxMs) return;
    const what = this.steps > this.budget.maxSteps ? `执行了超过 ${this.budget.maxSteps} 个流程步骤` : `运行超过 ${this.budget.maxMs} 毫秒`;
    this.halt = {
      reason: 'budget',
      elementId: this.lastElement,
      message: `单次操作${what}仍未到达等待环节（最后执行到 ${this.lastElement}）：流程可能在没有用户任务或定时器的循环中空转。案件已挂起为异常；请撤回该流程版本、修正流程后重新部署`,
      steps: this.steps,
      ms: Math.round(ms),
    };
    throw new HaltSignal('budget exceeded');
  }

  /** True once the process reached its end. */
  get completed(): boolean {
    return this.ended;
  }

  /** An engine-level failure (not a service incident), e.g. no gateway branch matched. */
  get error(): Error | undefined {
    return this.failure;
  }

  /** Waits until every built-in service call started so far (and any it triggered) has finished. */
  async settle(): Promise<void> {
    for (;;) {
      await new Promise((r) => setImmediate(r));
      if (this.inflight.size === 0) return;
      await Promise.allSettled([...this.inflight]);
    }
  }

  /** The process variables, without the names bpmn-engine copies in from messages. */
  variables(): Record<string, unknown> {
    const def = this.engine.execution?.definitions?.[0];
    const proc = def?.getProcesses?.()[0];
    const vars = (proc?.environment?.variables ?? def?.environment?.variables ?? {}) as Record<string, unknown>;
    const { fields: _f, content: _c, properties: _p, ...rest } = vars;
    return rest;
  }

  waitingTasks(): WaitingTask[] {
    const out: WaitingTask[] = [];
    const execution = this.engine.execution;
    if (!execution || this.ended) return out;
    const visit = (apis: Api[]) => {
      for (const api of apis) {
        if (api.type === 'bpmn:SubProcess' && api.getPostponed) {
          visit(api.getPostponed());
          continue;
        }
        if (api.type !== 'bpmn:UserTask' && api.type !== 'bpmn:ManualTask') continue;
        const b = api.owner.behaviour;
        const iterations = b.loopCharacteristics ? api.getExecuting() : [api];
        for (const it of iterations) out.push(describeTask(it, b));
      }
    };
    visit(execution.getPostponed() as Api[]);
    return out;
  }

  pendingTimers(): PendingTimer[] {
    return this.ended ? [] : this.timers.pending();
  }

  /** Completes a waiting task. The caller must have checked it is waiting (the engine ignores unknown ids). */
  signal(task: { elementId: string; executionId: string }, data: Record<string, unknown>, actor: string | undefined): boolean {
    if (!this.waitingTasks().some((t) => t.executionId === task.executionId)) return false;
    this.arm();
    this.enter(() => this.engine.execution.signal({ id: task.elementId, executionId: task.executionId, data, actor }));
    return true;
  }

  fireTimer(executionId: string): boolean {
    this.arm();
    let fired = false;
    this.enter(() => (fired = this.timers.fire(executionId)));
    return fired || this.halt !== undefined;
  }

  /**
   * True when the element ended since the last drain() — e.g. a timer that was already due when
   * this execution was recovered: bpmn-engine runs it out on resume instead of re-arming it.
   */
  elementEnded(elementId: string): boolean {
    return this.eventsSeen.some((e) => e.kind === 'activity.end' && e.elementId === elementId);
  }

  /** Service failures and engine events since the last call. */
  drain(): { incidents: Incident[]; events: ExecutionEvent[] } {
    const out = { incidents: this.incidentsFound, events: this.eventsSeen };
    this.incidentsFound = [];
    this.eventsSeen = [];
    return out;
  }

  /** The state to persist, without the definition source (stored once per version). */
  getState(): StoredState {
    const execution = this.engine.execution;
    return {
      name: this.engine.name,
      state: execution.state,
      stopped: execution.stopped,
      environment: execution.environment.getState(),
      definitions: execution.definitions.map((d: any) => d.getState()),
    };
  }

  private listener(): EventEmitter {
    // Every engine event passes through emit: the step counter sits there, so a loop that never
    // reaches a wait state is stopped inside bpmn-engine's synchronous run.
    const step = (name: string, api: Api | undefined) => this.step(name === 'activity.start' || name === 'activity.timeout', api?.id);
    const listener = new (class extends EventEmitter {
      override emit(name: string | symbol, ...args: unknown[]): boolean {
        step(String(name), args[0] as Api | undefined);
        return super.emit(name, ...args);
      }
    })();
    listener.on('activity.end', (api: Api) => {
      if (api.content.isMultiInstance && !api.content.isRootScope) return;
      this.eventsSeen.push({ kind: 'activity.end', elementId: api.id, elementType: api.type, name: api.name });
    });
    return listener;
  }

  private extend(activity: any, invoke: ServiceInvoker, intakeFields: ReadonlySet<string>) {
    if (activity.type === 'bpmn:ServiceTask' && activity.behaviour.topic) {
      activity.behaviour.Service = this.builtinService(invoke);
    }
    if (activity.type !== 'bpmn:UserTask' && activity.type !== 'bpmn:ManualTask') return undefined;
    const tag = `_yizhan-output-${activity.id}`;
    return {
      activate() {
        activity.broker.subscribeTmp('event', 'activity.end', (_: string, message: any) => mapTaskOutput(activity, message.content, intakeFields), {
          noAck: true,
          consumerTag: tag,
        });
      },
      deactivate() {
        activity.broker.cancel(tag);
      },
    };
  }

  private builtinService(invoke: ServiceInvoker) {
    // bpmn-elements instantiates `behaviour.Service` per execution.
    const inflight = this.inflight;
    const incidents = () => this.incidentsFound;
    const events = () => this.eventsSeen;
    const halted = () => this.halt !== undefined;
    const enter = (fn: () => void) => this.enter(fn);
    return function BuiltinService(activity: any) {
      return {
        type: 'yizhan:builtin',
        execute(message: any, callback: (err: Error | null, output?: unknown) => void) {
          const variables = activity.environment.variables as Record<string, unknown>;
          const call: ServiceCall = {
            elementId: activity.id,
            topic: String(activity.behaviour.topic),
            properties: camundaProperties(activity.behaviour),
            variables: structuredClone(variables),
          };
          // The handler runs on a later turn of the event loop: services chained in a loop can
          // never starve other requests of the event loop (microtasks alone would).
          const run = new Promise<void>((resolve) => setImmediate(resolve))
            .then(() => (halted() ? undefined : invoke(call)))
            .then(
              (outcome) => {
                if (!outcome || halted()) return;
                Object.assign(variables, outcome.variables ?? {});
                events().push({ kind: 'service.completed', elementId: activity.id, elementType: activity.type, name: activity.name, annotations: outcome.annotations });
                enter(() => callback(null, outcome.variables ?? {}));
              },
              (err: unknown) => {
                // No callback: the task stays in flight, the case keeps its state, and a retry
                // (recover) runs the service again. A dead case is never the outcome.
                incidents().push({ elementId: activity.id, executionId: message?.content?.executionId, message: err instanceof Error ? err.message : String(err) });
              },
            );
          const tracked = run.finally(() => inflight.delete(tracked));
          inflight.add(tracked);
        },
      };
    };
  }
}

function describeTask(api: Api, b: Record<string, unknown>): WaitingTask {
  const resolve = (v: unknown): unknown => (typeof v === 'string' && v.includes('${') ? api.environment.resolveExpression(v, api) : v);
  const groups = resolve(b.candidateGroups);
  const elementVariable = (b.loopCharacteristics as any)?.behaviour?.elementVariable ?? 'item';
  const priority = resolve(b.priority);
  return {
    executionId: api.executionId,
    elementId: api.id,
    name: (b.name as string | undefined) ?? api.name,
    formKey: str(resolve(b.formKey)),
    candidateGroups: toList(groups),
    assignee: str(resolve(b.assignee)),
    dueDate: str(resolve(b.dueDate)),
    priority: priority === undefined || priority === '' ? undefined : Number(priority),
    index: typeof api.content.index === 'number' ? api.content.index : undefined,
    item: api.content[elementVariable],
  };
}

const NO_FIELDS: ReadonlySet<string> = new Set();

/**
 * A completed task's data: kept per step in `outputs[elementId]`, and merged into the case data so gateways can
 * test it (`${environment.variables.data.resolved}`) — but never over an intake field, unless the task's
 * camunda property `mapsIntake` ("field1,field2") names it.
 */
function mapTaskOutput(activity: any, content: any, intakeFields: ReadonlySet<string>): void {
  if (content.isMultiInstance && !content.isRootScope) return;
  const variables = activity.environment.variables as Record<string, any>;
  const outputs = (variables.outputs ??= {});
  const output = content.output;
  if (Array.isArray(output)) {
    outputs[activity.id] = output.map((o: any) => o?.data ?? null);
  } else if (output && typeof output === 'object') {
    const data: Record<string, unknown> = output.data ?? {};
    outputs[activity.id] = data;
    const mapped = new Set(toList(camundaProperties(activity.behaviour).mapsIntake));
    const merged = Object.fromEntries(Object.entries(data).filter(([field]) => !intakeFields.has(field) || mapped.has(field)));
    variables.data = { ...(variables.data ?? {}), ...merged };
  }
}

function str(v: unknown): string | undefined {
  return v === undefined || v === null || v === '' ? undefined : String(v);
}

function toList(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String).filter(Boolean);
  if (typeof v === 'string') return v.split(',').map((s) => s.trim()).filter(Boolean);
  return v === undefined || v === null ? [] : [String(v)];
}
