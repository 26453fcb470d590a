// The one typed adapter around bpmn-engine (whose API is effectively `any`). A CaseExecution is
// one running case: started fresh or recovered from stored state, driven by signals and timer
// fires, and "settled" (all built-in services finished) before its state is read and persisted.
import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';
import { camundaProperties, loadSourceContext } from './definition';
import { DurableTimers, type PendingTimer } from './durable-timers';
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
const silentLogger = () => ({ debug() {}, error() {}, warn() {} });

export interface ExecutionOptions {
  /** Identifies the definition version whose context is cached. */
  definitionKey: string;
  sourceContext: string;
  invoke: ServiceInvoker;
}

export class CaseExecution {
  private readonly engine: any;
  private readonly timers = new DurableTimers();
  private readonly inflight = new Set<Promise<void>>();
  private incidentsFound: Incident[] = [];
  private eventsSeen: ExecutionEvent[] = [];
  private ended = false;
  private failure: Error | undefined;

  private constructor(name: string, options: ExecutionOptions) {
    const ctx = loadSourceContext(options.definitionKey, options.sourceContext);
    this.engine = new Engine({
      name,
      sourceContext: ctx as never,
      moddleOptions,
      timers: this.timers as never,
      Logger: silentLogger as never,
      extensions: { yizhan: ((activity: any) => this.extend(activity, options.invoke)) as never },
    });
    this.engine.on('end', () => (this.ended = true));
    this.engine.on('error', (err: Error) => (this.failure = err));
  }

  static async start(name: string, options: ExecutionOptions, variables: Record<string, unknown>): Promise<CaseExecution> {
    const exec = new CaseExecution(name, options);
    await exec.engine.execute({ listener: exec.listener(), variables });
    await exec.settle();
    return exec;
  }

  static async recover(name: string, options: ExecutionOptions, state: StoredState): Promise<CaseExecution> {
    const exec = new CaseExecution(name, options);
    exec.engine.recover(structuredClone(state));
    await exec.engine.resume({ listener: exec.listener() });
    // Services in flight when the state was saved (an incident) run again here: that is the retry.
    await exec.settle();
    return exec;
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
    this.engine.execution.signal({ id: task.elementId, executionId: task.executionId, data, actor });
    return true;
  }

  fireTimer(executionId: string): boolean {
    return this.timers.fire(executionId);
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
    const listener = new EventEmitter();
    listener.on('activity.end', (api: Api) => {
      if (api.content.isMultiInstance && !api.content.isRootScope) return;
      this.eventsSeen.push({ kind: 'activity.end', elementId: api.id, elementType: api.type, name: api.name });
    });
    return listener;
  }

  private extend(activity: any, invoke: ServiceInvoker) {
    if (activity.type === 'bpmn:ServiceTask' && activity.behaviour.topic) {
      activity.behaviour.Service = this.builtinService(invoke);
    }
    if (activity.type !== 'bpmn:UserTask' && activity.type !== 'bpmn:ManualTask') return undefined;
    const tag = `_yizhan-output-${activity.id}`;
    return {
      activate() {
        activity.broker.subscribeTmp('event', 'activity.end', (_: string, message: any) => mapTaskOutput(activity, message.content), {
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
          const run = invoke(call).then(
            (outcome) => {
              Object.assign(variables, outcome.variables ?? {});
              events().push({ kind: 'service.completed', elementId: activity.id, elementType: activity.type, name: activity.name, annotations: outcome.annotations });
              callback(null, outcome.variables ?? {});
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

function mapTaskOutput(activity: any, content: any): void {
  if (content.isMultiInstance && !content.isRootScope) return;
  const variables = activity.environment.variables as Record<string, any>;
  const outputs = (variables.outputs ??= {});
  const output = content.output;
  if (Array.isArray(output)) {
    outputs[activity.id] = output.map((o: any) => o?.data ?? null);
  } else if (output && typeof output === 'object') {
    outputs[activity.id] = output.data ?? {};
    variables.data = { ...(variables.data ?? {}), ...(output.data ?? {}) };
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
