// A real server for a test file: a fresh database on the target, the app listening on port 0,
// the fixture pack deployed, and one user per role and position. Requests go over real HTTP.
import { readdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { ManualClock, type CaseEngine, type Database } from '@yizhan/engine';
import { openServerDatabase } from '../../src/database';
import { createApp, type AppOptions, type YizhanApp } from '../../src/app';
import { createPackEngine, loadPackDir } from '../../src/packs';
import type { Role } from '../../src/roles';
import { createTestDatabase, type DatabaseTarget, type TestDatabase } from '../../../engine/test/support/databases';

export const FIXTURE_PACK = fileURLToPath(new URL('../fixtures/pack', import.meta.url));
export const PROCESS = 'servertest/dispute';
export const PASSWORD = 'secret-pass-1';

/** Who is who in the fixture county 测试县 (t): townships 甲镇 (t-a) and 乙镇 (t-b). */
export const PEOPLE: Record<string, { role: Role; unit: string | null; departments: string[] }> = {
  admin: { role: 'admin', unit: null, departments: [] },
  countyadmin: { role: 'admin', unit: 't', departments: ['t-centre'] },
  integrator: { role: 'integrator', unit: null, departments: [] },
  leader: { role: 'leader', unit: 't', departments: ['t-centre'] },
  leadera: { role: 'leader', unit: 't-a', departments: ['t-a-centre'] },
  auditor: { role: 'auditor', unit: 't', departments: [] },
  centre: { role: 'staff', unit: 't', departments: ['t-centre'] },
  labour: { role: 'staff', unit: 't', departments: ['t-labour'] },
  clerka: { role: 'staff', unit: 't-a', departments: ['t-a-centre'] },
  clerka2: { role: 'staff', unit: 't-a', departments: ['t-a-centre'] },
  clerkb: { role: 'staff', unit: 't-b', departments: ['t-b-centre'] },
};

// Bodies are JSON of many shapes; tests read them structurally.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Reply {
  status: number;
  body: Json;
  headers: Headers;
}

export interface TestServer {
  url: string;
  clock: ManualClock;
  yizhan: YizhanApp;
  db: Database;
  engine: CaseEngine;
  request(method: string, path: string, options?: { token?: string; body?: unknown; raw?: string | FormData; headers?: Record<string, string> }): Promise<Reply>;
  /** Logs in and returns the token (a recent one of the same user unless `fresh`). */
  login(username: string, fresh?: boolean): Promise<string>;
  close(): Promise<void>;
}

export async function startTestServer(target: DatabaseTarget, options: Partial<AppOptions> = {}): Promise<TestServer> {
  const tdb: TestDatabase = await createTestDatabase(target);
  const db = await openServerDatabase({ url: tdb.url });
  const clock = new ManualClock('2026-03-02T09:00:00+08:00');
  const engine = createPackEngine({ pool: db.pool, clock });
  const yizhan = await createApp({
    pool: db.pool, engine, clock, logger: pino({ level: 'silent' }), webDir: null,
    loginLimit: { windowMs: 60_000, limit: 1000 }, ...options,
  });
  await yizhan.services.packs.deploy(await loadPackDir(FIXTURE_PACK), 'test');
  for (const [username, p] of Object.entries(PEOPLE)) {
    await yizhan.services.users.create({ username, password: PASSWORD, displayName: username, ...p });
  }
  const server: Server = yizhan.listen(0, '127.0.0.1');
  await new Promise<void>((ok) => server.once('listening', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Tokens live 8 hours on the test clock: reuse one only while it is young.
  const tokens = new Map<string, { token: string; at: number }>();

  const request: TestServer['request'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.token) headers.authorization = `Bearer ${o.token}`;
    let body: string | FormData | undefined;
    if (o.raw !== undefined) body = o.raw;
    else if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(url + path, { method, headers, body });
    const text = await res.text();
    let parsed: Json = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, body: parsed, headers: res.headers };
  };

  return {
    url, clock, yizhan, db, engine, request,
    async login(username, fresh = false) {
      const known = tokens.get(username);
      if (!fresh && known && clock.now().getTime() - known.at < 3600_000) return known.token;
      const r = await request('POST', '/api/auth/login', { body: { username, password: PASSWORD } });
      if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
      if (!fresh) tokens.set(username, { token: r.body.token, at: clock.now().getTime() });
      return r.body.token as string;
    },
    async close() {
      await new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
      await db.close();
      await tdb.drop();
    },
  };
}

/** Intake data for a dispute reported in `unit`. */
export function intake(unit: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { applicant: '张三丰', phone: '13812345678', idNumber: '110101199003077777', type: 'neighbour', unit, summary: '邻里纠纷', ...extra };
}

/** The fixture pack as `{ path: content }`, as POST /api/packs takes it. */
/** The fixture pack's deployable files as a JSON bundle, with `version` in pack.json and, optionally, another routing rule set. */
export function packFiles(version = '1.0.0', routing?: unknown): Record<string, string> {
  const read = (p: string) => readFileSync(join(FIXTURE_PACK, p), 'utf8');
  const manifest = JSON.parse(read('pack.json'));
  manifest.version = version;
  return {
    'pack.json': JSON.stringify(manifest),
    'dispute.bpmn': read('dispute.bpmn'),
    'forms/intake.json': read('forms/intake.json'),
    'forms/mediation.json': read('forms/mediation.json'),
    'forms/feedback.json': read('forms/feedback.json'),
    'rules/routing.json': routing === undefined ? read('rules/routing.json') : JSON.stringify(routing),
  };
}

export function fixtureFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else out[relative(FIXTURE_PACK, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(FIXTURE_PACK);
  return out;
}

/**
 * Another county, 另一县 (u), as a pack of its own (`othertest`): the fixture pack with every
 * unit and department code moved from `t…` to `u…` — townships u-a, u-b, departments u-centre …
 */
export function otherCountyPack(version = '1.0.0'): Record<string, string> {
  const files = fixtureFiles();
  const out: Record<string, string> = {};
  for (const [path, content] of Object.entries(files)) {
    let text = content.replace(/(["\s=,])t(?=["-])/g, '$1u').replace(/测试县/g, '另一县').replace(/甲镇/g, '丙镇').replace(/乙镇/g, '丁镇');
    if (path === 'pack.json') text = JSON.stringify({ ...JSON.parse(text), id: 'othertest', version, county: 'u' });
    out[path] = text;
  }
  return out;
}

/** Intake data of 另一县 (the `othertest` pack). */
export const OTHER_PROCESS = 'othertest/dispute';

/**
 * A test server with 另一县 deployed beside the fixture county (the othertest pack, by the admin of
 * every unit), and the tokens of that admin and of 测试县's own admin (countyadmin).
 */
export async function startTwoCountyServer(target: DatabaseTarget): Promise<{ s: TestServer; admin: string; countyadmin: string }> {
  const s = await startTestServer(target);
  const admin = await s.login('admin');
  const countyadmin = await s.login('countyadmin');
  const r = await s.request('POST', '/api/packs', { token: admin, body: { files: otherCountyPack('1.0.0') } });
  if (r.status !== 201) throw new Error(`othertest not deployed: ${r.status} ${JSON.stringify(r.body)}`);
  return { s, admin, countyadmin };
}
