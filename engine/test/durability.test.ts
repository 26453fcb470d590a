// Durability: timers survive restarts and fire once across processes; a SIGKILLed process loses
// nothing it acknowledged; a failing service becomes a visible, retryable incident.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseEngine, ManualClock, openDatabase, type Database, type ServiceHandler } from '../src';
import { spawnDriver } from './support/child';
import { createTestDatabase, databaseTargets, type TestDatabase } from './support/databases';
import { deployInput, routeHandler } from './support/fixture';

describe.each(databaseTargets())('durability on $name PostgreSQL', (target) => {
  let tdb: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    tdb = await createTestDatabase(target);
    db = await openDatabase({ url: tdb.url });
    await new CaseEngine({ pool: db.pool, handlers: { route: routeHandler } }).deploy(deployInput());
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it('fires a timer set before a restart after it (new process state, new pool)', async () => {
    const clock = new ManualClock('2026-05-01T10:00:00+08:00');
    const first = new CaseEngine({ pool: db.pool, clock, handlers: { route: routeHandler } });
    const c = await first.startCase({ process: 'test/dispute', data: { applicant: '周九', type: 'land', townships: ['a'] } });
    // "restart": a brand-new engine on a brand-new connection pool, nothing shared in memory
    const again = await openDatabase({ url: tdb.url });
    try {
      const second = new CaseEngine({ pool: again.pool, clock, handlers: { route: routeHandler } });
      clock.advance('P30DT1S');
      expect(await second.fireDueTimers()).toBe(1);
      const after = await second.getCase(c.id);
      expect(after.openTasks.map((t) => t.elementId)).toEqual(['supervise']);
    } finally {
      await again.close();
    }
  });

  it('fires 100 due timers exactly once with two sweeping processes', async () => {
    const clock = new ManualClock('2026-06-01T10:00:00+08:00');
    const engine = new CaseEngine({ pool: db.pool, clock, handlers: { route: routeHandler } });
    const ids: string[] = [];
    for (let i = 0; i < 100; i++) {
      const c = await engine.startCase({ process: 'test/dispute', data: { applicant: `批量${i}`, type: 'land', townships: ['a'] } });
      ids.push(c.id);
    }
    const at = new Date(clock.now().getTime() + 31 * 86400_000).toISOString();
    const a = spawnDriver(['sweep', tdb.url, at]);
    const b = spawnDriver(['sweep', tdb.url, at]);
    expect(await a.exited).toBe(0);
    expect(await b.exited).toBe(0);
    const fired = [a, b].map((p) => Number(p.lines.find((l) => l.startsWith('FIRED'))?.split(' ')[1]));
    expect(fired[0] + fired[1]).toBe(100);
    const { rows } = await db.pool.query(
      `select c.id, (select count(*)::int from history h where h.case_id = c.id and h.kind = 'timer.fired') as fired,
              (select count(*)::int from tasks t where t.case_id = c.id and t.element_id = 'supervise') as supervise
       from cases c where c.id = any($1)`, [ids]);
    expect(rows).toHaveLength(100);
    expect(rows.every((r) => r.fired === 1 && r.supervise === 1)).toBe(true);
  }, 120_000);

  it('loses no acknowledged step when the driving process is SIGKILLed mid-run', async () => {
    const run = spawnDriver(['drive', tdb.url]);
    await new Promise<void>((resolve, reject) => {
      const t = setInterval(() => {
        if (run.lines.filter((l) => l.startsWith('ACK')).length >= 60) {
          clearInterval(t);
          resolve();
        }
      }, 20);
      run.exited.then((code) => reject(new Error(`driver exited early (${code})`)));
    });
    run.child.kill('SIGKILL');
    await run.exited;
    const acks = run.lines.filter((l) => l.startsWith('ACK')).map((l) => l.split(' '));
    const started = acks.filter((a) => a[1] === 'start').map((a) => a[2]);
    const completed = acks.filter((a) => a[1] === 'complete').map((a) => a[2]);
    expect(started.length).toBeGreaterThan(5);

    const engine = new CaseEngine({ pool: db.pool, handlers: { route: routeHandler } });
    const cases = await db.pool.query('select id from cases where id = any($1)', [started]);
    expect(cases.rowCount).toBe(started.length);
    const done = await db.pool.query(`select id from tasks where id = any($1) and status = 'completed'`, [completed]);
    expect(done.rowCount).toBe(completed.length);
    const hist = await db.pool.query(`select task_id, count(*)::int as n from history where kind = 'task.completed' and task_id = any($1) group by task_id`, [completed]);
    expect(hist.rows.every((r) => r.n === 1)).toBe(true);
    expect(hist.rowCount).toBe(completed.length);
    const dup = await db.pool.query('select case_id, execution_id, count(*) from tasks group by 1, 2 having count(*) > 1');
    expect(dup.rowCount).toBe(0);

    // every case the driver touched can be finished
    const all = await db.pool.query(`select id from cases where status <> 'completed' and created_by is null and title is not null`);
    for (const { id } of all.rows) {
      let c = await engine.getCase(id);
      for (let guard = 0; c.status !== 'completed' && guard < 10; guard++) {
        expect(c.openTasks.length).toBeGreaterThan(0);
        const t = c.openTasks[0];
        const data = t.formKey === 'mediation' ? { result: 'success' } : t.formKey === 'feedback' ? { message: 'ok' } : { satisfaction: 'satisfied' };
        c = await engine.completeTask(t.id, data, 'after-crash');
      }
      expect(c.status).toBe('completed');
    }
  }, 120_000);

  it('turns a failing service into an incident on the case, and a retry resumes it', async () => {
    let failing = true;
    const flaky: ServiceHandler = async (ctx) => {
      if (failing) throw new Error('规则服务暂不可用');
      return routeHandler(ctx);
    };
    const engine = new CaseEngine({ pool: db.pool, handlers: { route: flaky } });
    const c = await engine.startCase({ process: 'test/dispute', data: { applicant: '吴十', type: 'land', townships: ['a'] } });
    expect(c.status).toBe('incident');
    expect(c.incidents).toEqual([expect.objectContaining({ elementId: 'route', status: 'open', message: '规则服务暂不可用' })]);
    expect(c.openTasks).toEqual([]);

    const stillFailing = await engine.retryIncidents(c.id);
    expect(stillFailing.status).toBe('incident');
    expect(stillFailing.incidents[0].attempts).toBe(2);

    failing = false;
    const fixed = await engine.retryIncidents(c.id);
    expect(fixed.status).toBe('active');
    expect(fixed.incidents[0].status).toBe('resolved');
    expect(fixed.openTasks.map((t) => t.elementId)).toEqual(['handle']);
  });
});
