// The live-execution cache: the engines of recently used cases stay in memory with the version
// they were saved as. A command reuses one only when the stored version still matches (no other
// process moved the case on); else the case is recovered from the store.
import type { CaseExecution } from '../bpmn/case-execution';

export class LiveExecutions {
  private readonly live = new Map<string, { exec: CaseExecution; version: number }>();

  /** `size`: how many to keep (0: none, recover on every step). */
  constructor(private readonly size: number) {}

  /** The live engine of the case when it is at `version`; taken out (a failed command must not leave it). */
  take(caseId: string, version: number): CaseExecution | undefined {
    const live = this.live.get(caseId);
    if (!live || live.version !== version) return undefined;
    this.live.delete(caseId);
    return live.exec;
  }

  /** Keeps the engine of a committed command (most recently used last; the oldest go first). */
  remember(caseId: string, exec: CaseExecution, version: number): void {
    if (this.size <= 0 || exec.completed) return;
    this.live.delete(caseId);
    this.live.set(caseId, { exec, version });
    while (this.live.size > this.size) this.live.delete(this.live.keys().next().value as string);
  }

  forget(caseId: string): void {
    this.live.delete(caseId);
  }

  clear(): void {
    this.live.clear();
  }
}
