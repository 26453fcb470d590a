// The timer sweeper: timers are rows with a due time; due ones are fired under their case's row
// lock, once, across processes. A halted case's timers wait until its incident is resolved, a
// suspended (中止) case's until it resumes.
import { appendHistory, HistoryKind } from '../history';
import { NotFoundError } from '../errors';
import { CaseHaltedError } from './halt';
import type { CaseCommandRunner } from './runner';

/**
 * Fires timers that are due by the engine's clock. Safe with many processes: a timer is fired
 * under its case's row lock and only while still pending, so each fires exactly once.
 */
export async function fireDueTimers(runner: CaseCommandRunner, limit = 100): Promise<number> {
  const { pool, clock } = runner.ctx;
  const now = clock.now();
  const { rows } = await pool.query<{ id: string; case_id: string; execution_id: string; element_id: string }>(
    // a halted case's timers wait until its incident is resolved (else each sweep would re-trigger it)
    `select t.id, t.case_id, t.execution_id, t.element_id from timers t
      where t.status = 'pending' and t.due_at <= $1
        and not exists (select 1 from incidents i where i.case_id = t.case_id and i.status = 'open' and i.kind = 'halted')
        -- 中止: a suspended case's SLA clock stops; its timers move on 恢复
        and not exists (select 1 from cases c where c.id = t.case_id and c.suspended_at is not null)
      order by t.due_at limit $2`,
    [now, limit],
  );
  let fired = 0;
  for (const timer of rows) {
    try {
      const done = await runner.onCase(timer.case_id, async (client, row, def, _log, writes) => {
        writes.rowsChanged = true; // the timer's row is marked here, before the projection
        const still = await client.query(`select 1 from timers where id = $1 and status = 'pending'`, [timer.id]);
        if (!still.rowCount) return undefined;
        const exec = await runner.execution(client, row, def);
        // Recovered (another process or a restart) after the due time, the timer already ran on
        // resume: that is its firing, and the progress must be kept, not dropped.
        if (!exec.fireTimer(timer.execution_id) && !exec.elementEnded(timer.element_id)) {
          await client.query(`update timers set status = 'cancelled' where id = $1`, [timer.id]);
          return undefined;
        }
        await exec.settle();
        await client.query(`update timers set status = 'fired', fired_at = $2 where id = $1`, [timer.id, clock.now()]);
        await appendHistory(client, timer.case_id, clock.now(), { actor: 'system', kind: HistoryKind.TimerFired, elementId: timer.element_id, taskId: null, data: null });
        return exec;
      }, { skipLocked: true });
      if (done) fired++;
    } catch (err) {
      if (err instanceof NotFoundError || err instanceof CaseHaltedError) continue;
      throw err;
    }
  }
  return fired;
}

/** Calls `sweep` until it fires nothing, then every `intervalMs`, until stopped; the returned function stops it. */
export function startTimerSweeper(sweep: () => Promise<number>, intervalMs: number, onError: (err: unknown) => void): () => Promise<void> {
  let stopped = false;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      try {
        while (!stopped && (await sweep()) > 0);
      } catch (err) {
        onError(err);
      }
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, intervalMs).unref();
      });
    }
  })();
  return async () => {
    stopped = true;
    wake?.();
    await loop;
  };
}
