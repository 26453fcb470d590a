// CI check of `npm start` as a user runs it: a fresh data dir, the demo logins printed, a case
// from intake to closure over HTTP, Ctrl-C, a restart that still has the case, and a start
// without --demo where the demo accounts no longer work.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_PACK, intake, type Json } from './support/harness';
import { spawnServer, type Served } from './reliability/support';


const start = (command: string, args: string[], env: Record<string, string> = {}): Promise<Served> => spawnServer(command, args, env, 240_000);

async function call(url: string, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const res = await fetch(url + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text() };
}

async function login(url: string, username: string): Promise<string> {
  const r = await call(url, 'POST', '/api/auth/login', undefined, { username, password: 'demo1234' });
  expect(r.status, `${username}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body.token;
}

describe('npm start', () => {
  const data = mkdtempSync(join(tmpdir(), 'yizhan-start-'));
  const running: Served[] = [];
  afterAll(async () => {
    for (const s of running) if (s.child.exitCode === null) await s.interrupt().catch(() => null);
    rmSync(data, { recursive: true, force: true });
  });

  it('starts on a fresh data dir, runs a case to closure, stops on Ctrl-C and keeps the case across a restart', async () => {
    const first = await start('npm', ['start', '--', '--port', '0', '--data', data]);
    running.push(first);
    expect(first.output()).toContain('演示账号（密码均为 demo1234）');
    for (const user of ['admin', 'integrator', 'leader']) expect(first.output()).toMatch(new RegExp(`^\\s+${user}\\s`, 'm'));
    // The web app (designer/dist when built, else the API page) and its client-side routes.
    expect((await call(first.url, 'GET', '/')).body).toMatch(/<html lang="zh-CN"/);
    expect((await call(first.url, 'GET', '/api/nowhere')).body.error.code).toBe('NOT_FOUND');

    // An integrator deploys a pack over HTTP; the admin runs a case through every step.
    const integrator = await login(first.url, 'integrator');
    const files = Object.fromEntries(['pack.json', 'dispute.bpmn', 'forms/intake.json', 'forms/mediation.json', 'forms/feedback.json', 'rules/routing.json']
      .map((p) => [p, readFileSync(join(FIXTURE_PACK, p), 'utf8')]));
    const deployed = await call(first.url, 'POST', '/api/packs', integrator, { files });
    expect(deployed.status, JSON.stringify(deployed.body)).toBe(201);
    const admin = await login(first.url, 'admin');
    let c = (await call(first.url, 'POST', '/api/cases', admin, { process: 'servertest/dispute', data: intake('t-a-1') })).body;
    expect(c.status).toBe('active');
    const answers: Record<string, unknown> = { mediation: { result: 'success' }, feedback: { message: '已反馈当事人' } };
    for (let step = 0; c.status === 'active' && step < 10; step++) {
      const task = c.openTasks[0];
      const r = await call(first.url, 'POST', `/api/tasks/${task.id}/complete`, admin, { data: answers[task.formKey] });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      c = r.body;
    }
    expect(c.status).toBe('completed');
    await first.interrupt(); // npm itself dies of the signal; the server below it stops cleanly:
    expect(first.output()).toContain('已停止');
    expect(existsSync(join(data, 'postmaster.pid'))).toBe(false);

    // Restart on the same data dir: the case is there, the pack is not deployed twice.
    const second = await start('npm', ['start', '--', '--port', '0', '--data', data]);
    running.push(second);
    const admin2 = await login(second.url, 'admin');
    const back = await call(second.url, 'GET', `/api/cases/${c.id}`, admin2);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: 'completed', number: c.number });
    expect(back.body.history.filter((h: Json) => h.kind === 'task.completed').map((h: Json) => h.actor)).toEqual(['admin', 'admin']);
    const versions = await call(second.url, 'GET', '/api/packs/servertest/versions', admin2);
    expect(versions.body).toHaveLength(1);
    await second.interrupt();
    expect(second.output()).toContain('已停止');

    // Without --demo the demo accounts do not work.
    const plain = await start(process.execPath, ['server/bin/yizhan.js', 'serve', '--port', '0', '--data', data, '--no-packs']);
    running.push(plain);
    expect(plain.output()).not.toContain('演示账号');
    const denied = await call(plain.url, 'POST', '/api/auth/login', undefined, { username: 'admin', password: 'demo1234' });
    expect(denied.status).toBe(401);
    expect(await plain.interrupt()).toBe(0);
  }, 300_000);
});
