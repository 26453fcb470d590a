// Login limits: failed logins count per client address and per account, in PostgreSQL. Beyond a
// limit, 429 RATE_LIMITED — even with the right password — with the wait in the message and in
// Retry-After, so passwords cannot be guessed at speed, not even from many addresses. Successful
// logins never count (an office behind one NAT address does not lock itself out) and clear the
// account's failures. Two server nodes on one database share the counts.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createApp } from '../src/app';
import { databaseTargets } from '../../engine/test/support/databases';
import { PASSWORD, startTestServer, type Json, type TestServer } from './support/harness';

/** A login from a given loopback address (127.0.0.x), as from another machine. */
function loginFrom(url: string, localAddress: string, body: unknown): Promise<{ status: number; body: Json; headers: Record<string, string | string[] | undefined> }> {
  const u = new URL('/api/auth/login', url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', localAddress, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe.each(databaseTargets())('login limits ($name PostgreSQL)', (target) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(target, { loginLimit: { windowMs: 15 * 60_000, limit: 5, accountLimit: 3 } });
  });
  afterAll(async () => {
    await s?.close();
  });

  // The address limit: as before, five failures from one address and the sixth attempt is refused
  // even with the right password (the old limit counted every attempt; now only failures count).
  it('answers 429 with the wait in the message and Retry-After after five failures from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await loginFrom(s.url, '127.0.0.1', { username: ['clerka', 'clerkb', 'labour', 'centre', 'leader'][i], password: `guess-${i}` })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const r = await loginFrom(s.url, '127.0.0.1', { username: 'auditor', password: PASSWORD });
    expect(r.status).toBe(429);
    expect(r.body.error.code).toBe('RATE_LIMITED');
    expect(r.body.error.message).toBe('登录失败次数过多，请 15 分钟后再试');
    expect(Number(r.headers['retry-after'])).toBe(900);
    expect(r.headers['ratelimit-policy']).toBeTruthy();
    // Other endpoints are not limited by it; another address still logs in.
    expect((await s.request('GET', '/api/health')).status).toBe(200);
    expect((await loginFrom(s.url, '127.0.0.2', { username: 'auditor', password: PASSWORD })).status).toBe(200);
    // The wait shrinks with the clock, and the window ends.
    s.clock.advance(10 * 60_000);
    const later = await loginFrom(s.url, '127.0.0.1', { username: 'auditor', password: PASSWORD });
    expect(later.body.error.message).toBe('登录失败次数过多，请 5 分钟后再试');
    expect(Number(later.headers['retry-after'])).toBe(300);
    s.clock.advance(5 * 60_000 + 1000);
    expect((await loginFrom(s.url, '127.0.0.1', { username: 'auditor', password: PASSWORD })).status).toBe(200);
  });

  it('never counts successful logins: an office behind one address logs in all day', async () => {
    for (let i = 0; i < 30; i++) {
      const r = await loginFrom(s.url, '127.0.0.3', { username: ['clerka', 'clerka2', 'centre'][i % 3], password: PASSWORD });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
  });

  it('limits guesses per account from rotating addresses, and a success clears the account', async () => {
    s.clock.advance(60 * 60_000);
    // three failures, each from a different address: the account is locked for every address
    for (let i = 0; i < 3; i++) expect((await loginFrom(s.url, `127.0.1.${i + 1}`, { username: 'clerkb', password: `guess-${i}` })).status).toBe(401);
    for (const address of ['127.0.1.9', '127.0.2.1']) {
      const r = await loginFrom(s.url, address, { username: 'clerkb', password: PASSWORD });
      expect(r.status).toBe(429);
      expect(r.body.error.message).toMatch(/^登录失败次数过多，请 \d+ 分钟后再试$/);
    }
    // other accounts are not affected
    expect((await loginFrom(s.url, '127.0.1.9', { username: 'labour', password: PASSWORD })).status).toBe(200);

    // two failures, then the right password: the account's count starts again
    s.clock.advance(16 * 60_000);
    for (let i = 0; i < 2; i++) expect((await loginFrom(s.url, `127.0.3.${i + 1}`, { username: 'labour', password: `guess-${i}` })).status).toBe(401);
    expect((await loginFrom(s.url, '127.0.3.9', { username: 'labour', password: PASSWORD })).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await loginFrom(s.url, `127.0.4.${i + 1}`, { username: 'labour', password: `guess-${i}` })).status).toBe(401);
    expect((await loginFrom(s.url, '127.0.4.9', { username: 'labour', password: PASSWORD })).status).toBe(200);
  });

  it('shares the counts between two server nodes on one database', async () => {
    s.clock.advance(60 * 60_000);
    const other = await createApp({
      pool: s.db.pool, engine: s.engine, clock: s.clock, logger: pino({ level: 'silent' }), webDir: null,
      loginLimit: { windowMs: 15 * 60_000, limit: 5, accountLimit: 3 },
    });
    const server = other.listen(0, '127.0.0.1');
    await new Promise<void>((ok) => server.once('listening', ok));
    const url2 = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      expect((await loginFrom(s.url, '127.0.5.1', { username: 'centre', password: 'x1' })).status).toBe(401);
      expect((await loginFrom(url2, '127.0.5.2', { username: 'centre', password: 'x2' })).status).toBe(401);
      expect((await loginFrom(s.url, '127.0.5.3', { username: 'centre', password: 'x3' })).status).toBe(401);
      expect((await loginFrom(url2, '127.0.5.4', { username: 'centre', password: PASSWORD })).status).toBe(429);
    } finally {
      await new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
    }
  });
});
