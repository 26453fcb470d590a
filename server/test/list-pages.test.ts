// Lists over HTTP: /api/cases and /api/tasks page by an opaque cursor (X-Next-Cursor), count up to
// a bound (X-Total-Count), search Chinese substrings of titles and party names — each within the
// caller's scope; a cursor that is not ours is 400 and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../engine/test/support/databases';
import { intake, PROCESS, startTestServer, type Json, type TestServer } from './support/harness';

describe.each(databaseTargets())('list pages over HTTP on $name PostgreSQL', (target) => {
  let s: TestServer;
  const a: Json[] = [];
  const b: Json[] = [];

  beforeAll(async () => {
    s = await startTestServer(target);
    const clerka = await s.login('clerka');
    const clerkb = await s.login('clerkb');
    for (let i = 0; i < 7; i++) {
      const r = await s.request('POST', '/api/cases', { token: clerka, body: { process: PROCESS, title: `东关村第${i}号宅基地纠纷`, data: intake('t-a-1', { applicant: i === 3 ? '欧阳春花' : '张三丰' }) } });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      a.push(r.body);
    }
    for (let i = 0; i < 3; i++) {
      const r = await s.request('POST', '/api/cases', { token: clerkb, body: { process: PROCESS, title: `西街宅基地纠纷${i}`, data: intake('t-b-1', { applicant: '欧阳春花' }) } });
      b.push(r.body);
    }
  });
  afterAll(async () => {
    await s?.close();
  });

  /** Every page of `path` (limit 3) by following X-Next-Cursor. */
  async function walk(path: string, token: string): Promise<Json[]> {
    const out: Json[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 50; guard++) {
      const r = await s.request('GET', `${path}${path.includes('?') ? '&' : '?'}limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      out.push(...(r.body as Json[]));
      cursor = r.headers.get('x-next-cursor');
      if (!cursor) return out;
    }
    throw new Error('no last page');
  }

  it('pages the case list by cursor, newest first, within the scope', async () => {
    const admin = await s.login('admin');
    const all = (await s.request('GET', '/api/cases?limit=500', { token: admin })).body as Json[];
    expect((await walk('/api/cases', admin)).map((c) => c.id)).toEqual(all.map((c) => c.id));
    expect(all.map((c) => c.id).slice(0, 10)).toEqual([...a, ...b].reverse().map((c) => c.id));
    // a township clerk pages through their township's cases only
    const clerka = await s.login('clerka');
    expect((await walk('/api/cases', clerka)).map((c) => c.id)).toEqual([...a].reverse().map((c) => c.id));
    // the offset still works
    const second = (await s.request('GET', '/api/cases?limit=3&offset=3', { token: clerka })).body as Json[];
    expect(second.map((c) => c.id)).toEqual([...a].reverse().slice(3, 6).map((c) => c.id));
  });

  it('pages the inbox by cursor', async () => {
    const clerka = await s.login('clerka');
    const all = (await s.request('GET', '/api/tasks?limit=500', { token: clerka })).body as Json[];
    expect(all.length).toBe(a.length);
    expect((await walk('/api/tasks', clerka)).map((t) => t.id)).toEqual(all.map((t) => t.id));
  });

  it('counts up to a bound when asked', async () => {
    const clerka = await s.login('clerka');
    const r = await s.request('GET', '/api/cases?count=true&limit=1', { token: clerka });
    expect(r.headers.get('x-total-count')).toBe(String(a.length));
    expect((await s.request('GET', '/api/cases?limit=1', { token: clerka })).headers.get('x-total-count')).toBeNull();
  });

  it('finds Chinese substrings of titles and party names, within the scope', async () => {
    const admin = await s.login('admin');
    const clerka = await s.login('clerka');
    const ids = async (token: string, q: string) => ((await s.request('GET', `/api/cases?limit=500&q=${encodeURIComponent(q)}`, { token })).body as Json[]).map((c) => c.id).sort();
    expect(await ids(admin, '宅基地')).toEqual([...a, ...b].map((c) => c.id).sort());
    expect(await ids(admin, '第3号')).toEqual([a[3].id]);
    expect(await ids(admin, '欧阳春')).toEqual([a[3], ...b].map((c) => c.id).sort());
    expect(await ids(clerka, '欧阳春')).toEqual([a[3].id]);
    expect(await ids(clerka, '西街')).toEqual([]);
    expect(await ids(admin, String(b[1].number))).toContain(b[1].id);
  });

  it('answers 400 to a cursor it did not make', async () => {
    const admin = await s.login('admin');
    for (const path of ['/api/cases?cursor=not-ours', '/api/tasks?cursor=bm90LW91cnM']) {
      const r = await s.request('GET', path, { token: admin });
      expect(r.status, path).toBe(400);
      expect(r.body.error.code).toBe('BAD_REQUEST');
    }
    // longer than any cursor we make: refused by the parameter's schema
    const long = await s.request('GET', `/api/cases?cursor=${'A'.repeat(201)}`, { token: admin });
    expect(long.status).toBe(400);
    expect(long.body.error.code).toBe('VALIDATION_FAILED');
  });
});
