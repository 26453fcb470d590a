// Messages and signals from outside: a BPMN message delivered by name to one case waiting for it
// (intermediate catch event, boundary event, receive task, event-based gateway branch), a signal
// broadcast to every case waiting for it. Each delivery is one command on one case — row lock,
// engine step, projection, version + 1 — like a task completion; one nobody waits for changes nothing.
import type { WaitingCatch } from '../bpmn/message-events';
import { intakeFields } from '../definitions';
import { NotFoundError, NotWaitingError, YizhanError } from '../errors';
import { checkForm, type FormValidator } from '../form-validation';
import { HistoryKind } from '../history';
import { isUuid } from '../ids';
import { transaction } from './lock';
import type { CaseCommandRunner } from './runner';

/** A message a case waits for: what a client may send it (`POST /api/cases/{id}/messages`). */
export interface WaitingMessage {
  /** The message name (`name` of the bpmn:message). */
  name: string;
  /** The catching element. */
  elementId: string;
  /** What to call it (the catching element's name, else the message name). */
  label: string;
  /** The form the payload must fit (the element's camunda property `formKey`), if any. */
  formKey?: string;
}

/** Which cases a broadcast may reach (all waiting cases when left out). */
export interface SignalScope {
  /** Only cases of these process keys. */
  processes?: string[];
  /** Only the cases this says yes to (e.g. the sender's jurisdiction); asked before each delivery. */
  includes?: (caseId: string) => boolean | Promise<boolean>;
}

/** What a broadcast did: the cases it reached, and those it could not (e.g. a form mismatch, a halt). */
export interface SignalResult {
  reached: string[];
  failed: { caseId: string; code: string; message: string }[];
}

export class MessageCommands {
  /** (definition id, signal name) → whether the version declares that signal (versions are immutable). */
  private readonly declares = new Map<string, boolean>();

  constructor(private readonly runner: CaseCommandRunner, private readonly validateForm: FormValidator) {}

  /**
   * Delivers the message `name` to the case, which must wait for it (else NOT_WAITING, nothing
   * changed). The payload is validated against the catching element's form, then mapped into the
   * case data like a task's form data, and recorded in history with the actor.
   */
  async correlate(caseId: string, name: string, payload: Record<string, unknown>, actor: string | undefined): Promise<void> {
    if (!isUuid(caseId)) throw new NotFoundError('CASE', caseId);
    await this.deliver(caseId, 'message', name, payload, actor);
  }

  /** Delivers the signal `name` to every case in scope waiting for it, each in its own transaction. */
  async broadcast(name: string, payload: Record<string, unknown>, actor: string | undefined, scope: SignalScope = {}): Promise<SignalResult> {
    const result: SignalResult = { reached: [], failed: [] };
    for (const caseId of await this.candidates(name, scope)) {
      if (scope.includes && !(await scope.includes(caseId))) continue;
      try {
        await this.deliver(caseId, 'signal', name, payload, actor);
        result.reached.push(caseId);
      } catch (err) {
        if (!(err instanceof YizhanError)) throw err;
        // moved on since it was listed: not waiting any more (or gone)
        if (err.code === 'NOT_WAITING' || err.code === 'CASE_NOT_FOUND') continue;
        result.failed.push({ caseId, code: err.code, message: err.message });
      }
    }
    return result;
  }

  /** The messages a case waits for now. */
  async waiting(caseId: string): Promise<WaitingMessage[]> {
    if (!isUuid(caseId)) throw new NotFoundError('CASE', caseId);
    const { ctx } = this.runner;
    let catches: WaitingCatch[] = [];
    await transaction(ctx.pool, async (client) => {
      const { rows } = await client.query<{ id: string; definition_id: string; status: string; version: number; unit: string | null }>(
        'select id, definition_id, status, version, unit from cases where id = $1', [caseId]);
      const row = rows[0];
      if (!row) throw new NotFoundError('CASE', caseId);
      // ended (办结, 撤回, 不予受理: a refused case keeps the engine state it had)
      if (row.status === 'completed' || row.status === 'withdrawn' || row.status === 'refused') return;
      // the live engine is read and put back at once; a recovered one is dropped (recovering may
      // have moved it on past the stored version, e.g. a service retried)
      const live = ctx.live.take(row.id, row.version);
      if (live) {
        catches = live.waitingCatches();
        ctx.live.remember(row.id, live, row.version);
        return;
      }
      const def = await ctx.definitions.byIdOrThrow(row.definition_id);
      const exec = await this.runner.execution(client, row, def);
      if (!exec.halted) catches = exec.waitingCatches();
    });
    const seen = new Set<string>();
    return catches
      .filter((c) => c.kind === 'message' && !seen.has(c.name) && seen.add(c.name))
      .map((c) => ({ name: c.name, elementId: c.elementId, label: c.label, ...(c.formKey ? { formKey: c.formKey } : {}) }));
  }

  /** One delivery: under the case lock, to the first catcher waiting for `name` (every one, for a signal). */
  private async deliver(caseId: string, kind: 'message' | 'signal', name: string, payload: Record<string, unknown>, actor: string | undefined): Promise<void> {
    await this.runner.onCase(caseId, async (_client, row, def, log) => {
      const exec = await this.runner.execution(_client, row, def);
      const targets = exec.waitingCatches().filter((c) => c.kind === kind && c.name === name);
      if (!targets.length) throw new NotWaitingError(kind, name, caseId);
      // a message goes to one catcher (the first waiting); a signal to every one
      const chosen = kind === 'message' ? targets.slice(0, 1) : targets;
      for (const target of chosen) checkForm(this.validateForm, def, target.formKey, payload);
      const fields = intakeFields(def);
      for (const target of chosen) {
        exec.deliver(target.executionId, payload, fields);
        log.push({
          actor: actor ?? null, kind: kind === 'message' ? HistoryKind.MessageReceived : HistoryKind.SignalReceived,
          elementId: target.elementId, taskId: null, data: { name, payload },
        });
      }
      await exec.settle();
      return exec;
    });
  }

  /** Active cases whose definition version declares a signal named `name` (the rest cannot wait for it). */
  private async candidates(name: string, scope: SignalScope): Promise<string[]> {
    const { ctx } = this.runner;
    const { rows } = await ctx.pool.query<{ id: string; definition_id: string }>(
      `select c.id, c.definition_id from cases c
        where c.status in ('active', 'incident') and ($1::text[] is null or c.process_key = any($1::text[]))
        order by c.created_at, c.id`,
      [scope.processes ?? null],
    );
    const out: string[] = [];
    for (const r of rows) {
      const key = `${r.definition_id} ${name}`;
      let declares = this.declares.get(key);
      if (declares === undefined) {
        const def = await ctx.definitions.byIdOrThrow(r.definition_id);
        declares = declaresSignal(def.bpmn, name);
        if (this.declares.size > 10_000) this.declares.clear();
        this.declares.set(key, declares);
      }
      if (declares) out.push(r.id);
    }
    return out;
  }
}

/** Whether the BPMN XML declares a bpmn:signal named `name` (or with that id); a cheap pre-filter. */
function declaresSignal(xml: string, name: string): boolean {
  const escaped = name.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return /<(?:\w+:)?signal\b/.test(xml) && (xml.includes(`"${escaped}"`) || xml.includes(`'${escaped}'`));
}
