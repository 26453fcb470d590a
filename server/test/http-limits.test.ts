// What one client can hold of the server: a body is read only after the caller is known (login: a
// small one), slow or idle sockets are closed, connections beyond the cap are refused, a pack
// upload is cut off at its caps with 413, and the pack listing never reads the packs' files.
import { connect, type Socket } from 'node:net';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app';
import { MAX_PACK_FILES, MAX_PACK_TOTAL_BYTES } from '../src/pack-upload';
import { databaseTargets } from '../../engine/test/support/databases';
import { startTestServer, type TestServer } from './support/harness';

const LIMITS = { headersTimeoutMs: 1000, requestTimeoutMs: 2000, keepAliveTimeoutMs: 500, idleTimeoutMs: 5000, maxConnections: 30 };

interface Exchange { data: string; closed: boolean; ms: number }

function open(port: number): Promise<Socket> {
  return new Promise((ok, fail) => {
    const s = connect(port, '127.0.0.1', () => ok(s));
    s.once('error', fail);
  });
}

/** Everything the server sends until it closes the socket, or `waitMs` passes. */
function until(socket: Socket, waitMs: number, started = Date.now()): Promise<Exchange> {
  return new Promise((resolve) => {
    let data = '';
    const done = (closed: boolean) => {
      clearTimeout(timer);
      socket.removeAllListeners('data');
      resolve({ data, closed, ms: Date.now() - started });
    };
    const timer = setTimeout(() => done(false), waitMs);
    socket.on('data', (c) => (data += c.toString('utf8')));
    socket.once('close', () => done(true));
    socket.on('error', () => {});
  });
}

const statusOf = (data: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0);
const bodyOf = (data: string) => JSON.parse(data.slice(data.indexOf('\r\n\r\n') + 4).replace(/^[0-9a-f]+\r\n/, '').split('\r\n')[0] || 'null');

describe.each(databaseTargets())('HTTP limits ($name PostgreSQL)', (target) => {
  let s: TestServer;
  let port: number;
  let integrator: string;
  beforeAll(async () => {
    s = await startTestServer(target, { http: LIMITS });
    port = Number(new URL(s.url).port);
    integrator = await s.login('integrator');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('refuses an unauthenticated body at once, without reading it, and closes the connection', async () => {
    const sock = await open(port);
    const t0 = Date.now();
    // announces 1 MB, sends 10 bytes and then nothing (a body trickled to hold memory)
    sock.write('POST /api/cases HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{"process"');
    const r = await until(sock, 1500, t0);
    expect(statusOf(r.data)).toBe(401);
    expect(bodyOf(r.data).error.code).toBe('UNAUTHORIZED');
    expect(r.data.toLowerCase()).toContain('connection: close');
    expect(r.closed).toBe(true);
    expect(r.ms).toBeLessThan(1000);
  });

  it('reads at most 16 kB before login', async () => {
    const r = await s.request('POST', '/api/auth/login', { raw: JSON.stringify({ username: 'clerka', password: 'x'.repeat(20_000) }), headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('closes a socket that sends no request, sends its headers too slowly, or trickles its body', async () => {
    const idle = await open(port);
    const a = await until(idle, 4000);
    expect(a.closed).toBe(true);
    expect(a.ms).toBeLessThan(3500);

    const slow = await open(port);
    slow.write('GET /api/health HTTP/1.1\r\nHost: x\r\n');
    const timer = setInterval(() => slow.write('X-Slow: 1\r\n'), 200);
    const b = await until(slow, 4000);
    clearInterval(timer);
    expect(b.closed).toBe(true);
    expect(b.ms).toBeLessThan(3500);

    const trickle = await open(port);
    trickle.write(`POST /api/cases HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${integrator}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{`);
    const drip = setInterval(() => trickle.write(' '), 100);
    const c = await until(trickle, 5000);
    clearInterval(drip);
    expect(c.closed).toBe(true);
    expect(c.ms).toBeLessThan(4500);
  });

  it('closes an idle keep-alive socket after its timeout', async () => {
    const sock = await open(port);
    sock.write('GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n');
    const r = await until(sock, 3000);
    expect(statusOf(r.data)).toBe(200);
    expect(r.closed).toBe(true);
    expect(r.ms).toBeLessThan(2000);
  });

  it('refuses connections beyond the cap, and serves again once they are gone', async () => {
    const held: Socket[] = [];
    for (let i = 0; i < LIMITS.maxConnections; i++) {
      const sock = await open(port);
      sock.on('error', () => {});
      held.push(sock);
    }
    const extra = await open(port).catch(() => undefined);
    if (extra) {
      extra.write('GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n');
      const r = await until(extra, 1000);
      expect(r.closed).toBe(true);
      expect(statusOf(r.data)).toBe(0);
    }
    for (const sock of held) sock.destroy();
    await new Promise((ok) => setTimeout(ok, 100));
    expect((await s.request('GET', '/api/health')).status).toBe(200);
  });

  it('cuts a pack upload off at its caps with 413', async () => {
    const many = new FormData();
    for (let i = 0; i <= MAX_PACK_FILES; i++) many.append('files', new Blob(['{}']), `forms/f${i}.json`);
    let r = await s.request('POST', '/api/packs', { token: integrator, raw: many });
    expect(r.status).toBe(413);
    expect(r.body.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: [] });
    expect(r.body.error.message).toContain(String(MAX_PACK_FILES));

    // four files of 2 MB: each small enough, together over the cap
    const big = new FormData();
    for (let i = 0; i < 4; i++) big.append('files', new Blob(['x'.repeat(2 * 1024 * 1024)]), `forms/big${i}.json`);
    r = await s.request('POST', '/api/packs', { token: integrator, raw: big });
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('PAYLOAD_TOO_LARGE');

    // the same streamed without a length: cut off as it arrives
    const sock = await open(port);
    sock.on('error', () => {});
    const boundary = 'XyZ';
    sock.write(`POST /api/packs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${integrator}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nTransfer-Encoding: chunked\r\n\r\n`);
    const chunk = (t: string) => `${Buffer.byteLength(t).toString(16)}\r\n${t}\r\n`;
    sock.write(chunk(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.json"\r\n\r\n`));
    const piece = 'y'.repeat(256 * 1024);
    let sent = 0;
    const answered = until(sock, 5000);
    while (sent <= MAX_PACK_TOTAL_BYTES + 1024 * 1024 && !sock.destroyed) {
      sock.write(chunk(piece));
      sent += piece.length;
      await new Promise((ok) => setImmediate(ok));
    }
    const a = await answered;
    expect(statusOf(a.data)).toBe(413);

    // a declared length far beyond the cap is refused unread
    const declared = await open(port);
    declared.write(`POST /api/packs HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${integrator}\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 104857600\r\n\r\n`);
    const d = await until(declared, 1500);
    expect(statusOf(d.data)).toBe(413);
    expect(d.closed).toBe(true);
  });

  it('lists packs without reading their files (a role that may not read them lists them)', async () => {
    const url = new URL(s.db.pool.options.connectionString!);
    const role = `nofiles_${url.pathname.slice(1)}`;
    await s.db.pool.query(`create role ${role} login password 'nofiles'`);
    try {
      await s.db.pool.query(`grant select on all tables in schema public to ${role}`);
      await s.db.pool.query(`revoke select on pack_deployments from ${role}`);
      await s.db.pool.query(`grant select (id, pack_id, version, name, county, description, processes, deployed_by, deployed_at) on pack_deployments to ${role}`);
      url.username = role;
      url.password = 'nofiles';
      const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
      try {
        const app = await createApp({ pool, engine: s.engine, clock: s.clock, logger: pino({ level: 'silent' }), webDir: null });
        const server = app.listen(0, '127.0.0.1');
        await new Promise<void>((ok) => server.once('listening', ok));
        const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
        try {
          const get = (path: string) => fetch(base + path, { headers: { authorization: `Bearer ${integrator}` } });
          const list = await get('/api/packs');
          expect(list.status).toBe(200);
          expect((await list.json())[0]).toMatchObject({ packId: 'servertest' });
          expect((await get('/api/packs/servertest/versions')).status).toBe(200);
          // the control: reading the files is what this role may not do
          expect((await s.db.pool.query(`set role ${role}; select count(*) from pack_deployments where files is not null`).catch((e: Error) => e))).toBeInstanceOf(Error);
        } finally {
          await new Promise<void>((ok) => {
            server.close(() => ok());
            server.closeAllConnections();
          });
        }
      } finally {
        await pool.end();
      }
    } finally {
      await s.db.pool.query('reset role').catch(() => {});
      await s.db.pool.query(`drop owned by ${role}; drop role ${role}`);
    }
  });
});
