// The budget of one command: how much it may make bpmn-engine do (activities started, CPU time of
// its synchronous runs) before the case is halted — and the guard every call into the engine runs
// under, so that nothing the engine throws escapes and nothing runs after a halt.

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

/** Thrown inside bpmn-engine's synchronous run to unwind it once the command is halted. */
export class HaltSignal extends Error {}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Counts a command's steps and engine time, and records the first reason it stopped. */
export class BudgetGuard {
  private steps = 0;
  private engineMs = 0;
  private segmentStart: number | undefined;
  private lastElement = '';
  private halt: ExecutionHalt | undefined;
  /** Engine events since the last reading of the CPU time. */
  private unchecked = 0;

  constructor(private readonly budget: ExecutionBudget) {}

  /** Set once the command was abandoned; the engine instance must then be dropped. */
  get halted(): ExecutionHalt | undefined {
    return this.halt;
  }

  /** Starts a new command's budget. */
  arm(): void {
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
  stopOn(err: unknown): void {
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

  /** A value the engine must not use (e.g. a resolved timer the validator would refuse): halts at the last element and unwinds. */
  refuse(problem: string): never {
    if (!this.halt) {
      this.halt = { reason: 'engine', elementId: this.lastElement, message: `${this.lastElement}：${problem}`, steps: this.steps, ms: Math.round(this.elapsed()) };
    }
    throw new HaltSignal('halted');
  }

  /** Unwinds the engine's run once halted. */
  throwIfHalted(): void {
    if (this.halt) throw new HaltSignal('halted');
  }

  /** Runs a synchronous call into bpmn-engine: nothing it throws escapes, no call after a halt. */
  enter(fn: () => void): void {
    if (this.halt) return;
    try {
      fn();
    } catch (err) {
      this.stopOn(err);
    }
  }

  /**
   * Over budget: too many steps; or over the time budget while looping (a fiftieth of the steps
   * already taken — a loop nothing waits in takes hundreds of steps within its first
   * milliseconds); or ten times the time budget whatever the steps. A legitimate command takes a
   * few dozen steps: on a machine so loaded that its CPU time stretches (other threads of the
   * process count too), it is not halted for being slow.
   */
  private overBudget(ms: number): boolean {
    const { maxSteps, maxMs } = this.budget;
    return this.steps > maxSteps || (ms > maxMs && this.steps > maxSteps / 50) || ms > 10 * maxMs;
  }

  /**
   * Counts one step; over budget, halts and unwinds the engine's synchronous loop by throwing. The
   * CPU time is read at the first event of a synchronous run and then every 8th event: a
   * branching process makes the engine emit thousands of events per command (discarded flows
   * propagate through the model), and reading the time at each was a twentieth of a server's CPU.
   */
  step(counts: boolean, elementId: string | undefined): void {
    if (this.halt) throw new HaltSignal('halted');
    if (counts) {
      if (elementId) this.lastElement = elementId;
      this.steps++;
    }
    if (this.segmentStart !== undefined && ++this.unchecked < 8 && this.steps <= this.budget.maxSteps) return;
    this.unchecked = 0;
    const ms = this.elapsed();
    if (!this.overBudget(ms)) return;
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
}
