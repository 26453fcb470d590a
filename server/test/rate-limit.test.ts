// Login throttling: only failed logins count, per client address and per account, in PostgreSQL.
// Past its free failures each further failure makes the next attempt wait twice as long (1 s, 2 s,
// 4 s … up to 15 minutes); while it waits every attempt — even with the right password — answers
// 429 RATE_LIMITED with the seconds left in the message and in Retry-After. Successful logins never
// count (an office behind one NAT address logs in all day) and clear the account's failures. Two
// server nodes on one database share the counts.
import { request as httpRequest } from 'node:http';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { createApp, type AppOptions } from '../src/app';
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

/** Another server node on the same database and clock (default limits unless given). */
async function otherNode(s: TestServer, loginLimit?: AppOptions['loginLimit']): Promise<{ url: string; close(): Promise<void> }> {
  const other = await createApp({
    pool: s.db.pool, engine: s.engine, clock: s.clock, logger: pino({ level: 'silent' }), webDir: null, ...(loginLimit ? { loginLimit } : {}),
  });
  const server: Server = other.listen(0, '127.0.0.1');
  await new Promise<void>((ok) => server.once('listening', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => new Promise<void>((ok) => {
      server.close(() => ok());
      server.closeAllConnections();
    }),
  };
}

const waitMessage = (seconds: number) => `登录失败次数过多，请在 ${seconds} 秒后重试`;

describe.each(databaseTargets())('login throttling ($name PostgreSQL)', (target) => {
  const LIMIT = { windowMs: 15 * 60_000, limit: 5, accountLimit: 3 };
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(target, { loginLimit: LIMIT });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('answers 429 with the wait in the message and Retry-After once an address is past its free failures', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await loginFrom(s.url, '127.0.0.1', { username: ['clerka', 'clerkb', 'labour', 'centre', 'leader', 'leadera'][i], password: `guess-${i}` })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 401]);
    const r = await loginFrom(s.url, '127.0.0.1', { username: 'auditor', password: PASSWORD });
    expect(r.status).toBe(429);
    expect(r.body.error.code).toBe('RATE_LIMITED');
    expect(r.body.error.message).toBe(waitMessage(1));
    expect(Number(r.headers['retry-after'])).toBe(1);
    expect(r.headers['ratelimit-policy']).toBeTruthy();
    // Other endpoints are not limited by it; another address still logs in.
    expect((await s.request('GET', '/api/health')).status).toBe(200);
    expect((await loginFrom(s.url, '127.0.0.2', { username: 'auditor', password: PASSWORD })).status).toBe(200);
    // The wait ends; each further failure from the address doubles it.
    s.clock.advance(1000);
    expect((await loginFrom(s.url, '127.0.0.1', { username: 'auditor', password: PASSWORD })).status).toBe(200);
    expect((await loginFrom(s.url, '127.0.0.1', { username: 'clerka', password: 'guess-7' })).status).toBe(401);
    const doubled = await loginFrom(s.url, '127.0.0.1', { username: 'auditor', password: PASSWORD });
    expect([doubled.status, doubled.body.error.message, doubled.headers['retry-after']]).toEqual([429, waitMessage(2), '2']);
    s.clock.advance(1000);
    expect(Number((await loginFrom(s.url, '127.0.0.1', { username: 'auditor', password: PASSWORD })).headers['retry-after'])).toBe(1);
    s.clock.advance(1000);
    expect((await loginFrom(s.url, '127.0.0.1', { username: 'auditor', password: PASSWORD })).status).toBe(200);
  });

  it('never counts successful logins: 30 different users log in within a minute from one address', async () => {
    s.clock.advance(60 * 60_000);
    const node = await otherNode(s); // the default limits
    try {
      for (let i = 0; i < 30; i++) {
        await s.yizhan.services.users.create({ username: `office${i}`, password: PASSWORD, displayName: `窗口${i}`, role: 'staff', unit: 't', departments: ['t-centre'] });
      }
      for (let i = 0; i < 30; i++) {
        // every third clerk mistypes once first: failures of different accounts, well within the address's
        if (i % 3 === 0) expect((await loginFrom(node.url, '127.0.0.3', { username: `office${i}`, password: 'typo' })).status).toBe(401);
        const r = await loginFrom(node.url, '127.0.0.3', { username: `office${i}`, password: PASSWORD });
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        s.clock.advance(1500);
      }
    } finally {
      await node.close();
    }
  });

  it('delays the next attempt after 6 wrong passwords for one user, and the right password after the wait succeeds', async () => {
    s.clock.advance(60 * 60_000);
    const node = await otherNode(s); // the default limits: 5 free failures per account
    try {
      // six wrong passwords, from rotating addresses: all answered 401, the sixth sets a wait
      for (let i = 0; i < 6; i++) expect((await loginFrom(node.url, `127.0.6.${i + 1}`, { username: 'clerkb', password: `guess-${i}` })).status).toBe(401);
      for (const address of ['127.0.6.9', '127.0.7.1']) {
        const r = await loginFrom(node.url, address, { username: 'clerkb', password: PASSWORD });
        expect(r.status).toBe(429);
        expect(r.body.error).toMatchObject({ code: 'RATE_LIMITED', message: waitMessage(1) });
        expect(r.headers['retry-after']).toBe('1');
      }
      // other accounts are not affected
      expect((await loginFrom(node.url, '127.0.6.9', { username: 'labour', password: PASSWORD })).status).toBe(200);
      s.clock.advance(1000);
      expect((await loginFrom(node.url, '127.0.6.9', { username: 'clerkb', password: PASSWORD })).status).toBe(200);
      // the success cleared the account: five wrong passwords again carry no wait
      for (let i = 0; i < 5; i++) expect((await loginFrom(node.url, `127.0.8.${i + 1}`, { username: 'clerkb', password: `guess-${i}` })).status).toBe(401);
      expect((await loginFrom(node.url, '127.0.8.9', { username: 'clerkb', password: PASSWORD })).status).toBe(200);
    } finally {
      await node.close();
    }
  });

  it('doubles the wait per failure up to 15 minutes, and forgets a quiet account', async () => {
    s.clock.advance(60 * 60_000);
    let address = 0;
    const wrong = () => loginFrom(s.url, `127.0.9.${++address}`, { username: 'leader', password: `guess-${address}` });
    // Wrong passwords, one after another; a refused attempt is not counted: wait it out and go on.
    const statuses: number[] = [];
    const waits: number[] = [];
    while (waits.length < 12) {
      const r = await wrong();
      statuses.push(r.status);
      if (r.status !== 429) continue;
      const seconds = Number(r.headers['retry-after']);
      expect(r.body.error.message).toBe(waitMessage(seconds));
      waits.push(seconds);
      s.clock.advance(seconds * 1000);
    }
    expect(statuses.slice(0, 4)).toEqual([401, 401, 401, 401]); // three free failures; the fourth sets the first wait
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
    // Quiet for the window after the last wait: forgotten, three free failures again.
    s.clock.advance(15 * 60_000);
    for (let i = 0; i < 4; i++) expect((await wrong()).status).toBe(401);
    expect((await wrong()).headers['retry-after']).toBe('1');
    s.clock.advance(1000);
    expect((await loginFrom(s.url, '127.0.9.250', { username: 'leader', password: PASSWORD })).status).toBe(200);
  });

  it('takes a burst of parallel guesses on one account one after another: none slips in past the wait', async () => {
    s.clock.advance(60 * 60_000);
    const burst = await Promise.all(Array.from({ length: 10 }, (_, i) =>
      loginFrom(s.url, `127.0.11.${i + 1}`, { username: 'clerka', password: `burst-${i}` })));
    // three free failures, the fourth sets the wait, the other six are refused without a try
    expect(burst.map((r) => r.status).sort()).toEqual([401, 401, 401, 401, 429, 429, 429, 429, 429, 429]);
    expect(burst.filter((r) => r.status === 429).every((r) => r.headers['retry-after'] === '1' && r.body.error.message === waitMessage(1))).toBe(true);
    // meanwhile other accounts log in at the same time
    const others = await Promise.all(['clerkb', 'labour', 'centre'].map((username) => loginFrom(s.url, '127.0.11.99', { username, password: PASSWORD })));
    expect(others.map((r) => r.status)).toEqual([200, 200, 200]);
  });

  it('shares the counts between two server nodes on one database', async () => {
    s.clock.advance(60 * 60_000);
    const node = await otherNode(s, LIMIT);
    try {
      expect((await loginFrom(s.url, '127.0.5.1', { username: 'centre', password: 'x1' })).status).toBe(401);
      expect((await loginFrom(node.url, '127.0.5.2', { username: 'centre', password: 'x2' })).status).toBe(401);
      expect((await loginFrom(s.url, '127.0.5.3', { username: 'centre', password: 'x3' })).status).toBe(401);
      expect((await loginFrom(node.url, '127.0.5.4', { username: 'centre', password: 'x4' })).status).toBe(401);
      expect((await loginFrom(s.url, '127.0.5.5', { username: 'centre', password: PASSWORD })).status).toBe(429);
      expect((await loginFrom(node.url, '127.0.5.6', { username: 'centre', password: PASSWORD })).status).toBe(429);
      s.clock.advance(1000);
      expect((await loginFrom(node.url, '127.0.5.6', { username: 'centre', password: PASSWORD })).status).toBe(200);

      // Failures at the same moment on both nodes are each counted: the wait is exactly the one
      // that the number of failures answered 401 calls for. Each node takes one account's attempts
      // one after another, so at most one guess per node slips in past the free ones.
      const burst = await Promise.all(Array.from({ length: 8 }, (_, i) =>
        loginFrom(i % 2 ? node.url : s.url, `127.0.10.${i + 1}`, { username: 'clerka2', password: `burst-${i}` })));
      const counted = burst.filter((r) => r.status === 401).length;
      expect(burst.every((r) => r.status === 401 || r.status === 429)).toBe(true);
      expect(counted).toBeGreaterThanOrEqual(4);
      expect(counted).toBeLessThanOrEqual(LIMIT.accountLimit + 2);
      const after = await loginFrom(s.url, '127.0.10.99', { username: 'clerka2', password: PASSWORD });
      expect(after.status).toBe(429);
      expect(Number(after.headers['retry-after'])).toBe(2 ** (counted - 4));
    } finally {
      await node.close();
    }
  });
});
