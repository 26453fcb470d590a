// Two `yizhan serve` processes on one database (the same DATABASE_URL), on the embedded PostgreSQL
// and on the PostgreSQL server: both complete the same task at the same moment in every round and
// exactly one wins; both run the timer sweeper and every timer fires once.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, databaseTargets, type TestDatabase } from '../../../engine/test/support/databases';
import { call, FIXTURE_PACKS, intake, login, serve, type Json, type Served } from './support';

const ROUNDS = 8;
const TIMER_CASES = 8;

/** The fixture pack as version 1.1.0, with a one-second timer between routing and handling. */
function timerPackFiles(): Record<string, string> {
  const dir = join(FIXTURE_PACKS, 'pack');
  const files: Record<string, string> = {};
  for (const p of ['pack.json', 'dispute.bpmn', 'forms/intake.json', 'forms/mediation.json', 'forms/feedback.json', 'rules/routing.json']) {
    files[p] = readFileSync(join(dir, p), 'utf8');
  }
  files['pack.json'] = JSON.stringify({ ...JSON.parse(files['pack.json']), version: '1.1.0' });
  files['dispute.bpmn'] = files['dispute.bpmn']
    .replace('<bpmn:sequenceFlow id="f2" sourceRef="route" targetRef="handle" />',
      '<bpmn:sequenceFlow id="f2" sourceRef="route" targetRef="wait" />' +
      '<bpmn:intermediateCatchEvent id="wait" name="等待"><bpmn:incoming>f2</bpmn:incoming><bpmn:outgoing>f2w</bpmn:outgoing>' +
      '<bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT1S</bpmn:timeDuration></bpmn:timerEventDefinition>' +
      '</bpmn:intermediateCatchEvent><bpmn:sequenceFlow id="f2w" sourceRef="wait" targetRef="handle" />')
    .replace('<bpmn:incoming>f2</bpmn:incoming>\n      <bpmn:outgoing>f3</bpmn:outgoing>', '<bpmn:incoming>f2w</bpmn:incoming>\n      <bpmn:outgoing>f3</bpmn:outgoing>')
    .replace('</bpmndi:BPMNPlane>',
      '<bpmndi:BPMNShape id="wait_di" bpmnElement="wait"><dc:Bounds x="290" y="140" width="36" height="36" /></bpmndi:BPMNShape>' +
      '<bpmndi:BPMNEdge id="f2w_di" bpmnElement="f2w"><di:waypoint x="308" y="140" /><di:waypoint x="375" y="110" /></bpmndi:BPMNEdge>' +
      '</bpmndi:BPMNPlane>');
  if (!files['dispute.bpmn'].includes('targetRef="wait"') || !files['dispute.bpmn'].includes('<bpmn:incoming>f2w</bpmn:incoming>')) {
    throw new Error('fixture BPMN changed: the timer could not be inserted');
  }
  return files;
}

describe.each(databaseTargets())('two servers on one database ($name)', (target) => {
  const started: Served[] = [];
  let tdb: TestDatabase | undefined;
  const packs = mkdtempSync(join(tmpdir(), 'yizhan-two-packs-'));
  cpSync(join(FIXTURE_PACKS, 'pack'), join(packs, 'pack'), { recursive: true });
  writeFileSync(join(packs, 'README.txt'), 'fixture pack only');
  afterAll(async () => {
    for (const s of started) await s.interrupt().catch(() => null);
    await tdb?.drop().catch(() => {});
    rmSync(packs, { recursive: true, force: true });
  });

  it('one winner per race on the same task, and every timer fires once', async () => {
    tdb = await createTestDatabase(target);
    const env = { DATABASE_URL: tdb.url };
    const a = await serve(['--demo', '--packs', packs], env);
    started.push(a);
    const b = await serve(['--demo', '--packs', packs], env);
    started.push(b);
    const [ta, tb] = [await login(a.url), await login(b.url)];
    const db = new pg.Client({ connectionString: tdb.url });
    await db.connect();
    try {
      // Races: both servers complete the same task at once.
      for (let round = 0; round < ROUNDS; round++) {
        const c = await call(a.url, 'POST', '/api/cases', ta, { process: 'servertest/dispute', data: intake(`race-${round}`) });
        expect(c.status, JSON.stringify(c.body)).toBe(201);
        const task = c.body.openTasks[0].id as string;
        const body = { data: { result: 'success' } };
        const replies = await Promise.all([
          call(a.url, 'POST', `/api/tasks/${task}/complete`, ta, body),
          call(b.url, 'POST', `/api/tasks/${task}/complete`, tb, body),
        ]);
        const statuses = replies.map((r) => r.status).sort();
        expect(statuses, JSON.stringify(replies.map((r) => r.body))).toEqual([200, 409]);
        const loser = replies.find((r) => r.status === 409)!;
        expect(['TASK_ALREADY_COMPLETED', 'CONFLICT', 'TASK_NOT_OPEN']).toContain(loser.body.error.code);
        const completed = await db.query(`select count(*)::int as n from history where kind = 'task.completed' and task_id = $1`, [task]);
        expect(completed.rows[0].n).toBe(1);
      }

      // Timers: a version with a one-second timer; both servers sweep; each timer fires once.
      const deployed = await call(a.url, 'POST', '/api/packs', await login(a.url, 'integrator'), { files: timerPackFiles() });
      expect(deployed.status, JSON.stringify(deployed.body)).toBe(201);
      const ids: string[] = [];
      for (let i = 0; i < TIMER_CASES; i++) {
        const c = await call(i % 2 ? b.url : a.url, 'POST', '/api/cases', i % 2 ? tb : ta, { process: 'servertest/dispute', data: intake(`timer-${i}`) });
        expect(c.status, JSON.stringify(c.body)).toBe(201);
        expect(c.body.openTasks).toEqual([]); // waiting on the timer
        ids.push(c.body.id);
      }
      const handled = async () => (await db.query(
        `select count(*)::int as n from tasks where case_id = any($1::uuid[]) and element_id = 'handle'`, [ids])).rows[0].n as number;
      for (let i = 0; i < 300 && (await handled()) < TIMER_CASES; i++) await new Promise((ok) => setTimeout(ok, 100));
      // A little longer, so a second firing would have had its chance.
      await new Promise((ok) => setTimeout(ok, 2500));
      const fired = await db.query<{ case_id: string; n: number }>(
        `select case_id, count(*)::int as n from history where kind = 'timer.fired' and case_id = any($1::uuid[]) group by case_id`, [ids]);
      expect(fired.rows.map((r) => r.n)).toEqual(Array(TIMER_CASES).fill(1));
      const tasks = await db.query<{ case_id: string; n: number }>(
        `select case_id, count(*)::int as n from tasks where case_id = any($1::uuid[]) and element_id = 'handle' group by case_id`, [ids]);
      expect(tasks.rows.map((r) => r.n)).toEqual(Array(TIMER_CASES).fill(1));
      const views: Json[] = await Promise.all(ids.map(async (id) => (await call(b.url, 'GET', `/api/cases/${id}`, tb)).body));
      for (const v of views) expect(v.openTasks.map((t: Json) => t.elementId ?? t.element_id ?? t.name)).toHaveLength(1);
    } finally {
      await db.end();
    }
    expect(await a.interrupt()).toBe(0);
    expect(await b.interrupt()).toBe(0);
  }, 240_000);
});
