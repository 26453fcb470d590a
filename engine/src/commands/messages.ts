// Messages and signals from outside the case: a message is correlated to one case (the first
// element there waiting for it: receive task, message catch or boundary event, event-based gateway
// branch); a signal is broadcast to every case waiting for it. Each delivery is one command on one
// case (lock → recover → deliver → settle → project → commit), like completing a task.
import { NotFoundError, NotWaitingError } from '../errors';
import { HistoryKind } from '../history';
import { isUuid } from '../ids';
import { CaseHaltedError, ProcessError } from './halt';
import type { CaseCommandRunner } from './runner';

export interface WaitingMessage {
  name: string;
  elementId: string;
}

export class CaseMessages {
  constructor(private readonly runner: CaseCommandRunner) {}

  /**
   * Delivers message `name` to the case; its payload becomes the catching element's step data
   * (`outputs[elementId]`, merged into `data` except intake fields). NOT_WAITING when the case
   * does not wait for that message.
   */
  async correlateMessage(caseId: string, name: string, payload: Record<string, unknown>, actor: string | undefined): Promise<void> {
    await this.runner.onCase(caseId, async (client, row, def, log) => {
      const exec = await this.runner.execution(client, row, def);
      const reached = exec.deliver('message', name, payload, actor);
      if (!reached.length) throw new NotWaitingError(caseId, name);
      await exec.settle();
      log.push({ actor: actor ?? null, kind: HistoryKind.MessageReceived, elementId: reached[0], taskId: null, data: { name, data: payload } });
      return exec;
    });
  }

  /**
   * Broadcasts signal `name` to every case waiting for it (signal catch or boundary events,
   * event-based gateway branches); returns the ids of the cases reached.
   */
  async broadcastSignal(name: string, payload: Record<string, unknown>, actor: string | undefined): Promise<string[]> {
    const { rows } = await this.runner.ctx.pool.query<{ case_id: string }>(
      `select distinct w.case_id from event_waits w join cases c on c.id = w.case_id
        where w.kind = 'signal' and w.name = $1 and c.status in ('active', 'incident') order by w.case_id`,
      [name],
    );
    const reached: string[] = [];
    for (const { case_id: caseId } of rows) {
      const done = await this.runner.onCase(caseId, async (client, row, def, log) => {
        const exec = await this.runner.execution(client, row, def);
        const elements = exec.deliver('signal', name, payload, actor);
        if (!elements.length) return undefined;
        await exec.settle();
        for (const elementId of elements) log.push({ actor: actor ?? null, kind: HistoryKind.SignalReceived, elementId, taskId: null, data: { name, data: payload } });
        return exec;
      }).catch((err: unknown) => {
        // one case that halts or fails (rolled back, the halt recorded) does not keep the signal from the others
        if (err instanceof CaseHaltedError || err instanceof ProcessError) return false;
        throw err;
      });
      if (done) reached.push(caseId);
    }
    return reached;
  }

  /** The messages the case waits for now, each with the element waiting (as last projected). */
  async waitingMessages(caseId: string): Promise<WaitingMessage[]> {
    if (!isUuid(caseId)) throw new NotFoundError('CASE', caseId);
    const { rows } = await this.runner.ctx.pool.query<{ name: string | null; element_id: string | null }>(
      `select w.name, w.element_id from cases c left join event_waits w on w.case_id = c.id and w.kind = 'message'
        where c.id = $1 order by w.element_id, w.name`,
      [caseId],
    );
    if (!rows.length) throw new NotFoundError('CASE', caseId);
    return rows.filter((r) => r.name !== null).map((r) => ({ name: r.name as string, elementId: r.element_id as string }));
  }
}
