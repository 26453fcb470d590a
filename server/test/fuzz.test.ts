// A fuzz corpus against every declared route (the registry lists them), from a seeded generator:
// bad percent-encoding, multipart on JSON routes, multipart without a boundary, garbage gzip /
// deflate / br bodies, JSON nested 10,000 deep, NUL bytes and lone surrogates (body, keys, query,
// path), numbers out of range (`offset=1e20`), broken and wrongly typed JSON, foreign media types
// and charsets, `pack.json` with non-array `users`, bodies on GET, bad tokens and Idempotency-Keys —
// each signed out and signed in. Every answer must be a 4xx with the API's error shape (never a
// 5xx), and nothing in the database may change.
import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../engine/test/support/databases';
import type { RouteDef } from '../src/registry';
import { FIXTURE_PACK, intake, PROCESS, startTestServer, type TestServer } from './support/harness';
import { prng } from './support/prng';

const SEED = 20260411;
const REQUESTS = 2400;

interface FuzzRequest {
  kind: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

const json = (v: unknown) => Buffer.from(JSON.stringify(v));
const deep = (n: number, open = '[', close = ']') => Buffer.from(open.repeat(n) + close.repeat(n));
const deepObject = (n: number) => Buffer.from('{"a":'.repeat(n) + '1' + '}'.repeat(n));

function packFiles(users: unknown): Record<string, string> {
  const read = (p: string) => readFileSync(join(FIXTURE_PACK, p), 'utf8');
  const manifest = { ...JSON.parse(read('pack.json')), version: '99.0.0', users };
  return {
    'pack.json': JSON.stringify(manifest), 'dispute.bpmn': read('dispute.bpmn'), 'forms/intake.json': read('forms/intake.json'),
    'forms/mediation.json': read('forms/mediation.json'), 'forms/feedback.json': read('forms/feedback.json'), 'rules/routing.json': read('rules/routing.json'),
  };
}

function multipart(files: Record<string, string>, boundary = 'FuZzBoUnDaRy'): Buffer {
  const parts = Object.entries(files).map(([name, content]) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n${content}\r\n`);
  return Buffer.from(`${parts.join('')}--${boundary}--\r\n`);
}

/** A path for the route with its parameters filled by `param`. */
function pathOf(route: RouteDef, param: () => string): string {
  return route.path.replace(/:([A-Za-z0-9_]+)/g, () => param());
}

function corpus(routes: RouteDef[], seed: number, count: number, ids: { caseId: string; taskId: string }): FuzzRequest[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
  const nul = () => pick(['a\u0000b', '\u0000', 'x'.repeat(5) + '\u0000']);
  const lone = () => pick(['\ud800', 'a\udc00b', '\udbff', '\udfff\ud800']);
  const badParam = () => pick(['%zz', '%E0%A4%A', '%', '%C0%80', '%ED%A0%80', '%00', '%FF%FE', 'a%0', '%uD800', '..%2F..%2Fetc', 'x'.repeat(300)]);
  // Real ids on reads; a write to a real task or case with only its query malformed would be a valid request.
  const okParam = (read: boolean) => pick(read ? ['00000000-0000-0000-0000-000000000000', ids.caseId, ids.taskId, 'servertest', 'intake', '1', 'nope']
    : ['00000000-0000-0000-0000-000000000000', 'servertest', '1', 'nope']);
  const badQuery = () => pick([
    'offset=1e20', 'offset=99999999999999999999', 'limit=-1', 'limit=1.5', 'limit=NaN', 'limit=Infinity', 'offset=0x10', 'limit=',
    'from=2026-13-45', 'to=9999-99-99T99:99', 'from=%zz', 'q=%00', 'q=%ED%A0%80', 'q=%E0%A4%A', 'status=%00', 'caseId=%00',
    'groupBy=__proto__', 'format=pdf', 'scope=everything', 'version=%00', 'key=%00', 'limit=1&limit=%00', 'process=' + 'x'.repeat(5000),
    'offset=-0', 'offset=1e308', 'limit=9007199254740993', 'sheet=%00',
  ]);
  const tokens = ['', 'Bearer', 'Bearer ', 'Basic YWRtaW46eA==', 'Bearer ' + 'a'.repeat(4000), 'Bearer 0000', 'bearer x y', 'Bearer %00'];
  const garbageJson = () => pick([
    Buffer.from('{'), Buffer.from('{"process":'), Buffer.from('nul'), Buffer.from('[1,2'), Buffer.from('{"a":1}}'), Buffer.from('\uFEFF{}'),
    Buffer.from('{"__proto__":{"x":1}}'), Buffer.from('"just a string"'), Buffer.from('null'), Buffer.from('123'), Buffer.from('[]'), Buffer.from('true'),
    Buffer.from('{"data": "not an object", "process": 5}'), Buffer.from('{"files": []}'), Buffer.from('{"files": {"pack.json": 5}}'),
    Buffer.from('{"username": ["a"], "password": {}}'), Buffer.from('{"data": [], "process": "servertest/dispute"}'), bytes(64),
  ]);
  /** A body that would pass on the route but for NUL bytes or lone surrogates somewhere in it. */
  const tainted = (route: RouteDef, bad: string): unknown => {
    const p = route.path;
    if (p === '/api/cases') return { process: PROCESS, data: intake('t-a-1', { applicant: `张${bad}三` }) };
    if (p === '/api/auth/login') return { username: `admin${bad}`, password: 'x' };
    if (p === '/api/users') return { username: 'fuzzuser', password: `pass${bad}word`, role: 'staff', unit: 't-a' };
    if (p === '/api/packs') return { files: { ...packFiles(undefined), [`forms/x${bad}.json`]: '{}' } };
    if (p.endsWith('/complete')) return { data: { result: 'success', [`note${bad}`]: 'x' } };
    if (p.endsWith('/return')) return { reason: `退回${bad}` };
    if (p.endsWith('/transfer')) return { department: `t-labour${bad}` };
    return { x: bad };
  };
  const kinds = [
    'bad-percent-path', 'bad-query', 'multipart-on-json', 'multipart-no-boundary', 'garbage-gzip', 'garbage-br', 'garbage-deflate',
    'deep-array', 'deep-object', 'deep-in-data', 'nul-body', 'surrogate-body', 'nul-path', 'broken-json', 'media-type', 'charset',
    'pack-users-not-array', 'get-with-body', 'bad-token', 'bad-idempotency-key', 'gzip-bomb-ish',
  ] as const;

  const out: FuzzRequest[] = [];
  for (let i = 0; i < count; i++) {
    const route = routes[i % routes.length];
    const kind = kinds[Math.floor(i / routes.length) % kinds.length];
    const signedIn = rand() < 0.5;
    const method = route.method.toUpperCase();
    const headers: Record<string, string> = {};
    // logout with a live token would sign that user out: it gets its own token
    if (signedIn) headers.authorization = route.path === '/api/auth/logout' ? '@auditor' : pick(['@admin', '@admin', '@admin', '@integrator', '@clerka']);
    let path = pathOf(route, () => okParam(route.method === 'get'));
    let body: Buffer | undefined;
    const jsonBody = (b: Buffer) => {
      headers['content-type'] = 'application/json';
      body = b;
    };
    switch (kind) {
      case 'bad-percent-path': path = route.path.includes(':') ? pathOf(route, badParam) : `${path}/${badParam()}`; break;
      case 'bad-query': path = `${path}?${badQuery()}&${badQuery()}`; break;
      case 'multipart-on-json': {
        const b = `b${Math.floor(rand() * 1e6)}`;
        headers['content-type'] = `multipart/form-data; boundary=${b}`;
        body = route.path === '/api/packs' ? multipart({ 'pack.json': '{', 'x.bpmn': '<x/>' }, b) : multipart({ 'a.json': JSON.stringify(tainted(route, '')) }, b);
        break;
      }
      case 'multipart-no-boundary': headers['content-type'] = pick(['multipart/form-data', 'multipart/form-data; boundary=', 'multipart/form-data; charset=utf-8']); body = Buffer.from('--x\r\nContent-Disposition: form-data; name="files"; filename="a"\r\n\r\nabc\r\n--x--'); break;
      case 'garbage-gzip': jsonBody(bytes(32 + Math.floor(rand() * 200))); headers['content-encoding'] = 'gzip'; break;
      case 'garbage-br': jsonBody(bytes(32 + Math.floor(rand() * 200))); headers['content-encoding'] = 'br'; break;
      case 'garbage-deflate': jsonBody(bytes(16)); headers['content-encoding'] = pick(['deflate', 'compress', 'x-gzip', 'gzip, br', 'identity, gzip']); break;
      case 'gzip-bomb-ish': jsonBody(Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0, 0x03]), bytes(100)])); headers['content-encoding'] = 'gzip'; break;
      case 'deep-array': jsonBody(deep(10_000)); break;
      case 'deep-object': jsonBody(deepObject(pick([100, 1000, 10_000]))); break;
      case 'deep-in-data': jsonBody(Buffer.from(`{"process":"${PROCESS}","data":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`)); break;
      case 'nul-body': jsonBody(json(tainted(route, nul()))); break;
      case 'surrogate-body': jsonBody(json(tainted(route, lone()))); break;
      case 'nul-path': path = route.path.includes(':') ? pathOf(route, () => pick(['%00', 'a%00b', '%ED%B0%80'])) : `${path}?q=%00&offset=%00&key=%00`; break;
      case 'broken-json': jsonBody(garbageJson()); break;
      case 'media-type': headers['content-type'] = pick(['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'application/octet-stream', 'image/png', 'application/json-patch+json; x', ';;;', '*/*']); body = json(tainted(route, '')); break;
      case 'charset': headers['content-type'] = pick(['application/json; charset=latin1', 'application/json; charset=utf-16', 'application/json; charset=klingon', 'application/json; charset=']); body = json(tainted(route, '')); break;
      case 'pack-users-not-array': {
        const users = pick(['clerka', 5, { username: 'x' }, [1, 2], [{ username: 5 }], null, true]);
        if (rand() < 0.5) jsonBody(json({ files: packFiles(users) }));
        else {
          headers['content-type'] = 'multipart/form-data; boundary=PaCk';
          body = multipart(packFiles(users), 'PaCk');
        }
        path = route.path === '/api/packs' || rand() < 0.5 ? '/api/packs' : path;
        break;
      }
      case 'get-with-body': jsonBody(pick([garbageJson(), deep(2000), json(tainted(route, nul()))])); break;
      case 'bad-token': headers.authorization = pick(tokens); jsonBody(json(tainted(route, lone()))); break;
      case 'bad-idempotency-key': headers['idempotency-key'] = pick(['has space', '', 'x'.repeat(300), 'ключ', '\t']); jsonBody(json(tainted(route, nul()))); break;
    }
    // `pack-users-not-array` may have moved to POST /api/packs
    const m = kind === 'pack-users-not-array' && path === '/api/packs' ? 'POST' : method;
    out.push({ kind, method: m, path, headers, body });
  }
  return out;
}

function send(url: string, r: FuzzRequest, tokens: Record<string, string>): Promise<{ status: number; text: string; type: string }> {
  const u = new URL(url);
  const headers: Record<string, string> = { ...r.headers, connection: 'close' };
  if (headers.authorization?.startsWith('@')) headers.authorization = `Bearer ${tokens[headers.authorization.slice(1)]}`;
  if (headers.authorization === '') delete headers.authorization;
  if (headers['idempotency-key'] !== undefined && !/^[\t\x20-\x7e]*$/.test(headers['idempotency-key'])) headers['idempotency-key'] = encodeURIComponent(headers['idempotency-key']);
  if (r.body) headers['content-length'] = String(r.body.length);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: u.hostname, port: u.port, method: r.method, path: r.path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), type: String(res.headers['content-type'] ?? '') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(r.body);
  });
}

describe.each(databaseTargets())('fuzz corpus ($name PostgreSQL)', (target) => {
  let s: TestServer;
  const tokens: Record<string, string> = {};
  const ids = { caseId: '', taskId: '' };
  beforeAll(async () => {
    s = await startTestServer(target);
    for (const u of ['admin', 'integrator', 'clerka', 'auditor']) tokens[u] = await s.login(u);
    const c = await s.request('POST', '/api/cases', { token: tokens.clerka, body: { process: PROCESS, data: intake('t-a-1') } });
    ids.caseId = c.body.id;
    ids.taskId = c.body.openTasks[0].id;
  });
  afterAll(async () => {
    await s?.close();
  });

  const checksum = async () => (await s.db.pool.query(`select
      (select count(*) || ':' || coalesce(md5(string_agg(id::text || version || status || coalesce(title, ''), ',' order by id)), '') from cases) as cases,
      (select count(*) || ':' || coalesce(md5(string_agg(id::text || status || coalesce(assignee, '') || candidate_groups::text, ',' order by id)), '') from tasks) as tasks,
      (select count(*) || ':' || coalesce(md5(string_agg(username || password_hash || disabled::text || role, ',' order by username)), '') from users) as users,
      (select count(*) || ':' || coalesce(md5(string_agg(pack_id || version, ',' order by id)), '') from pack_deployments) as packs,
      (select count(*) from definitions) as definitions,
      (select count(*) from history) as history`)).rows[0];

  it(`answers ${REQUESTS} malformed requests on every route with 4xx and the error shape, and changes nothing`, async () => {
    const routes = s.yizhan.routes;
    const requests = corpus(routes, SEED, REQUESTS, ids);
    expect(new Set(requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).size).toBeGreaterThan(routes.length);
    const before = await checksum();
    const failures: string[] = [];
    const byStatus = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < requests.length; i = next++) {
        const r = requests[i];
        const res = await send(s.url, r, tokens);
        byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
        if (process.env.FUZZ_DEBUG) console.log(`${r.kind}\t${r.method} ${r.path.slice(0, 60)}\t${res.status}\t${res.text.slice(0, 100)}`);
        const problem = (why: string) => failures.push(`#${i} ${r.kind} ${r.method} ${r.path.slice(0, 120)} → ${res.status} ${why} ${res.text.slice(0, 200)}`);
        if (res.status >= 500 || res.status < 200) problem('5xx');
        else if (res.status >= 400) {
          let body: { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined;
          try {
            body = JSON.parse(res.text);
          } catch {
            body = undefined;
          }
          if (!body?.error || typeof body.error.code !== 'string' || typeof body.error.message !== 'string' || !Array.isArray(body.error.details)) problem('not the error shape');
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    expect(failures.slice(0, 30), `${failures.length} failures`).toEqual([]);
    expect(await checksum()).toEqual(before);
    // Some GETs on clean paths legitimately answer 200 (a GET ignores an unexpected body or query); the rest are refused.
    const ok = [...byStatus].filter(([st]) => st < 400).reduce((a, [, n]) => a + n, 0);
    expect(ok).toBeLessThan(REQUESTS / 4);
    // the server still serves
    expect((await s.request('GET', '/api/me', { token: tokens.clerka })).status).toBe(200);
  }, 240_000);
});
