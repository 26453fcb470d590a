// bpmn-engine's timers go through `environment.timers`. This registry never calls setTimeout: it
// only records each timer (owner execution id, element, delay) so the case store can persist it
// with a due time, and the sweeper fires it from the database later. That is what makes timers
// survive restarts, removes the 24.8-day setTimeout limit and lets tests inject the clock.

interface TimerOwner {
  id?: string;
  executionId?: string;
  attachedTo?: string;
  timeDuration?: string;
  timeDate?: string;
  timeCycle?: string;
}

export interface RegisteredTimer {
  timerId: string;
  owner: TimerOwner;
  delay: number;
  fire: () => void;
}

export interface PendingTimer {
  /** Stable execution id of the timer event definition; survives recover. */
  executionId: string;
  /** The BPMN element (boundary or intermediate catch event). */
  elementId: string;
  delayMs: number;
  expression?: string;
}

export class DurableTimers {
  private readonly active = new Map<string, RegisteredTimer>();
  private count = 0;

  register(owner: TimerOwner) {
    return {
      setTimeout: (callback: (...args: unknown[]) => void, delay: number, ...args: unknown[]) => this.add(owner, callback, delay, args),
      clearTimeout: (ref: RegisteredTimer | undefined) => this.clear(ref),
    };
  }

  // Untyped uses (environment.timers.setTimeout without an owner) are not expected; keep them inert.
  setTimeout = (callback: (...args: unknown[]) => void, delay: number, ...args: unknown[]) => this.add({}, callback, delay, args);
  clearTimeout = (ref: RegisteredTimer | undefined) => this.clear(ref);

  private add(owner: TimerOwner, callback: (...args: unknown[]) => void, delay: number, args: unknown[]): RegisteredTimer {
    const ref: RegisteredTimer = {
      timerId: `timer_${this.count++}`,
      owner,
      delay,
      fire: () => {
        this.active.delete(ref.timerId);
        callback(...args);
      },
    };
    this.active.set(ref.timerId, ref);
    return ref;
  }

  private clear(ref: RegisteredTimer | undefined): undefined {
    if (ref?.timerId) this.active.delete(ref.timerId);
    return undefined;
  }

  /** bpmn-engine clears `executing` when a run completes. */
  get executing(): RegisteredTimer[] {
    return [...this.active.values()];
  }

  pending(): PendingTimer[] {
    return [...this.active.values()]
      .filter((t) => t.owner.executionId && t.owner.id)
      .map((t) => ({
        executionId: t.owner.executionId as string,
        elementId: t.owner.id as string,
        delayMs: Math.max(0, t.delay),
        expression: t.owner.timeDuration ?? t.owner.timeDate ?? t.owner.timeCycle,
      }));
  }

  /** Fires the timer with this execution id; false when the engine no longer has it. */
  fire(executionId: string): boolean {
    for (const t of this.active.values()) {
      if (t.owner.executionId === executionId) {
        t.fire();
        return true;
      }
    }
    return false;
  }
}
