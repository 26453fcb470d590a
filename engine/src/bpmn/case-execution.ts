// The one typed adapter around bpmn-engine (whose API is effectively `any`). A CaseExecution is
// one running case: started fresh or recovered from stored state, driven by signals and timer
// fires, and "settled" (all built-in services finished) before its state is read and persisted.
import { EventEmitter } from 'node:events';
import { Engine } from 'bpmn-engine';
import { describeTask, mapTaskOutput, type Api, type WaitingTask } from './activities';
import { BudgetGuard, DEFAULT_BUDGET, type ExecutionHalt } from './budget';
import { builtinService } from './builtin-service';
import { loadSourceContext } from './definition';
import { DurableTimers, type PendingTimer } from './durable-timers';
import { feelConditionScripts } from './conditions';
import { countTimersAs, guardedExpressions } from './expressions';
import { findCatches, mapPayload, rearmNonInterrupting, type WaitingCatch } from './message-events';
import { moddleOptions } from './moddle';
import { ITERATION_HOOK } from './standard-loop';
import type { ExecutionEvent, ExecutionOptions, Incident, ServiceInvoker, StoredState } from './execution-types';

export type { ExecutionEvent, ExecutionOptions, Incident, ServiceCall, ServiceInvoker, ServiceOutcome, StoredState } from './execution-types';

/* eslint-disable @typescript-eslint/no-explicit-any -- bpmn-engine's activity objects are untyped; see also activities.ts */
const silentLogger = () => ({ debug() {}, error() {}, warn() {} });

const NO_FIELDS: ReadonlySet<string> = new Set();

export class CaseExecution {
  private readonly engine: any;
  private readonly timers = new DurableTimers();
  private readonly inflight = new Set<Promise<void>>();
  private incidentsFound: Incident[] = [];
  private eventsSeen: ExecutionEvent[] = [];
  private ended = false;
  private failure: Error | undefined;
  private readonly guard: BudgetGuard;

  private constructor(name: string, options: ExecutionOptions) {
    this.guard = new BudgetGuard(options.budget ?? DEFAULT_BUDGET);
    const ctx = loadSourceContext(options.definitionKey, options.sourceContext);
    this.engine = new Engine({
      name,
      sourceContext: ctx as never,
      moddleOptions,
      timers: this.timers as never,
      Logger: silentLogger as never,
      expressions: guardedExpressions(this.guard) as never,
      scripts: feelConditionScripts() as never, // FEEL conditions only: no JavaScript (node:vm) at all
      extensions: {
        yizhan: ((activity: any) => {
          if (options.timerDuration) countTimersAs(activity, options.timerDuration);
          return this.extend(activity, options.invoke, options.intakeFields ?? NO_FIELDS);
        }) as never,
      },
    });
    this.engine.on('end', () => (this.ended = true));
    this.engine.on('error', (err: Error) => (this.failure = err));
  }

  static async start(name: string, options: ExecutionOptions, variables: Record<string, unknown>): Promise<CaseExecution> {
    const exec = new CaseExecution(name, options);
    try {
      await exec.engine.execute({ listener: exec.listener(), variables });
    } catch (err) {
      exec.guard.stopOn(err);
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
      exec.guard.stopOn(err);
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
    return this.guard.halted;
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
    const { fields: _f, content: _c, properties: _p, ...rest } = this.caseVariables() ?? {};
    return rest;
  }

  /** The top-level process's variables object (sub-processes run on copies of it). */
  private caseVariables(): Record<string, unknown> | undefined {
    const def = this.engine.execution?.definitions?.[0];
    // the executable process (a called process may come first in the file)
    const proc = def?.getExecutableProcesses?.()[0] ?? def?.getProcesses?.()[0];
    return (proc?.environment?.variables ?? def?.environment?.variables) as Record<string, unknown> | undefined;
  }

  waitingTasks(): WaitingTask[] {
    return this.waitingApis().map((w) => w.task);
  }

  /** The waiting user / manual tasks with the engine API of each (top level and inside sub-processes). */
  private waitingApis(): { api: Api; task: WaitingTask }[] {
    const out: { api: Api; task: WaitingTask }[] = [];
    for (const api of this.postponed()) {
      if (api.type !== 'bpmn:UserTask' && api.type !== 'bpmn:ManualTask') continue;
      const b = api.owner.behaviour;
      const iterations = b.loopCharacteristics ? api.getExecuting() : [api];
      for (const it of iterations) out.push({ api: it, task: describeTask(it, b) });
    }
    return out;
  }

  /** Every waiting element, inside sub-processes too (the sub-processes themselves left out). */
  private postponed(): Api[] {
    const out: Api[] = [];
    const execution = this.engine.execution;
    if (!execution || this.ended) return out;
    // A sub-process's postponed list holds its own execution (and, multi-instance, its
    // iterations, whose lists are the same): visit each execution id once, or it never ends.
    const seen = new Set<string>();
    const visit = (apis: Api[]) => {
      for (const api of apis) {
        if (seen.has(api.executionId)) continue;
        seen.add(api.executionId);
        if (api.type === 'bpmn:SubProcess' && api.getPostponed) visit(api.getPostponed());
        else out.push(api);
      }
    };
    visit(execution.getPostponed() as Api[]);
    return out;
  }

  /** The message and signal catch events the case waits in (message-events.ts), inside sub-processes too. */
  waitingCatches(): WaitingCatch[] {
    return findCatches(this.postponed()).map((c) => c.catcher);
  }

  /**
   * Delivers a message or signal to a waiting catch event, its payload mapped like a task's form data —
   * for a catch inside a sub-process into the case's variables as well (what is kept and what the flow
   * after the sub-process reads).
   */
  deliver(executionId: string, payload: Record<string, unknown>, intakeFields: ReadonlySet<string>): boolean {
    const found = findCatches(this.postponed()).find((c) => c.catcher.executionId === executionId);
    if (!found) return false;
    this.guard.arm();
    this.guard.enter(() => {
      mapPayload(found.api, found.catcher.elementId, payload, intakeFields);
      const caseVariables = this.caseVariables();
      if (caseVariables && caseVariables !== found.api.environment.variables) {
        mapPayload({ environment: { variables: caseVariables }, owner: found.api.owner }, found.catcher.elementId, payload, intakeFields);
      }
      found.api.signal({ ...payload });
    });
    return true;
  }

  /**
   * Starts boundary events of waiting tasks that are not running yet (a migration's target added
   * them): each as if its task had just been entered, so a timer arms from now. `events`: task
   * element id → the boundary event ids to start. Returns the ids started.
   */
  startBoundaryEvents(events: ReadonlyMap<string, readonly string[]>): string[] {
    const started: string[] = [];
    const owners = new Set<any>();
    for (const { api } of this.waitingApis()) {
      const task: any = api.owner;
      if (owners.has(task)) continue; // a multi-instance task: its boundary events attach to the task itself
      owners.add(task);
      for (const id of events.get(task.id) ?? []) {
        const ev = task.context?.getActivityById?.(id);
        if (!ev || ev.status || ev.attachedTo?.id !== task.id) continue;
        this.guard.arm();
        this.guard.enter(() => {
          // the inbound message bpmn-elements queues for a boundary event when its task is entered
          ev.broker.getQueue('inbound-q').queueMessage({ routingKey: 'activity.enter' }, task._createMessage({ executionId: task.executionId }));
          ev.activate();
        });
        if (ev.status) started.push(id);
      }
    }
    return started;
  }

  pendingTimers(): PendingTimer[] {
    return this.ended ? [] : this.timers.pending();
  }

  /** Completes a waiting task. The caller must have checked it is waiting (the engine ignores unknown ids). */
  signal(task: { elementId: string; executionId: string }, data: Record<string, unknown>, actor: string | undefined): boolean {
    // Signalled through the task's own API: a signal by element id would reach every execution
    // of that element (e.g. the same task in each instance of a multi-instance sub-process).
    const waiting = this.waitingApis().find((w) => w.task.executionId === task.executionId);
    if (!waiting) return false;
    this.guard.arm();
    this.guard.enter(() => waiting.api.signal({ id: task.elementId, executionId: task.executionId, data, actor }));
    return true;
  }

  fireTimer(executionId: string): boolean {
    this.guard.arm();
    let fired = false;
    this.guard.enter(() => (fired = this.timers.fire(executionId)));
    return fired || this.guard.halted !== undefined;
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
    const step = (name: string, api: Api | undefined) => this.guard.step(name === 'activity.start' || name === 'activity.timeout', api?.id);
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
      activity.behaviour.Service = builtinService(invoke, {
        inflight: this.inflight,
        incidents: () => this.incidentsFound,
        events: () => this.eventsSeen,
        halted: () => this.guard.halted !== undefined,
        enter: (fn) => this.guard.enter(fn),
      });
    }
    if (activity.type === 'bpmn:BoundaryEvent') return rearmNonInterrupting(activity);
    if (activity.type !== 'bpmn:UserTask' && activity.type !== 'bpmn:ManualTask') return undefined;
    const tag = `_yizhan-output-${activity.id}`;
    const caseVariables = () => this.caseVariables();
    // a standard loop's condition reads the data of the pass just finished
    activity[ITERATION_HOOK] = (message: any) => mapTaskOutput(activity, message.content, intakeFields, caseVariables(), true);
    return {
      activate() {
        activity.broker.subscribeTmp('event', 'activity.end', (_: string, message: any) => mapTaskOutput(activity, message.content, intakeFields, caseVariables()), {
          noAck: true,
          consumerTag: tag,
        });
      },
      deactivate() {
        activity.broker.cancel(tag);
      },
    };
  }
}
