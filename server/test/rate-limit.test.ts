// Login attempts are limited per client address: beyond the limit, 429 RATE_LIMITED — even with
// the right password — so passwords cannot be guessed at speed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../engine/test/support/databases';
import { PASSWORD, startTestServer, type TestServer } from './support/harness';

describe.each(databaseTargets().slice(0, 1))('login rate limit ($name PostgreSQL)', (target) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(target, { loginLimit: { windowMs: 60_000, limit: 5 } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('answers 429 after five attempts in a minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await s.request('POST', '/api/auth/login', { body: { username: 'clerka', password: `guess-${i}` } })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const r = await s.request('POST', '/api/auth/login', { body: { username: 'clerka', password: PASSWORD } });
    expect(r.status).toBe(429);
    expect(r.body.error.code).toBe('RATE_LIMITED');
    expect(r.headers.get('ratelimit-policy') ?? r.headers.get('ratelimit')).toBeTruthy();
    // Other endpoints are not limited by it.
    expect((await s.request('GET', '/api/health')).status).toBe(200);
  });
});
