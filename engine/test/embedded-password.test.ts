// The embedded PostgreSQL's superuser password: random per data dir, kept in a file only its owner
// can read; a data dir made with the old fixed password ("yizhan") is moved to a random one on its
// next start, and its data stays.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from '../src/store/embedded';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'yizhan-pw-'));
  dirs.push(d);
  return d;
}

async function connect(port: number, password: string): Promise<{ ok: true } | { ok: false; code: string }> {
  const c = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
  try {
    await c.connect();
    await c.end();
    return { ok: true };
  } catch (e) {
    await c.end().catch(() => {});
    return { ok: false, code: (e as { code?: string }).code ?? String(e) };
  }
}

describe('embedded PostgreSQL password', () => {
  it('is random per data dir, kept in yizhan-password with mode 600; the old fixed password does not work', async () => {
    const [d1, d2] = [dataDir(), dataDir()];
    const s1 = await startEmbeddedPostgres({ dataDir: d1 });
    const s2 = await startEmbeddedPostgres({ dataDir: d2 });
    try {
      const p1 = readFileSync(join(d1, 'yizhan-password'), 'utf8').trim();
      const p2 = readFileSync(join(d2, 'yizhan-password'), 'utf8').trim();
      expect(p1).toMatch(/^[0-9a-f]{48}$/);
      expect(p1).not.toBe(p2);
      expect(statSync(join(d1, 'yizhan-password')).mode & 0o777).toBe(0o600);
      expect(new URL(s1.url).password).toBe(p1);
      expect(await connect(s1.port, p1)).toEqual({ ok: true });
      expect(await connect(s1.port, 'yizhan')).toEqual({ ok: false, code: '28P01' });
      expect(await connect(s2.port, p1)).toEqual({ ok: false, code: '28P01' });
    } finally {
      await s1.stop();
      await s2.stop();
    }
  });

  it('moves a data dir made with the old fixed password to a random one and keeps its data', async () => {
    const d = dataDir();
    // A data dir as the old code left it: superuser password "yizhan", no password file.
    const old = await startEmbeddedPostgres({ dataDir: d });
    const c = new pg.Client({ connectionString: old.url });
    await c.connect();
    await c.query(`create table kept (v text); insert into kept values ('案件数据'); alter user postgres with password 'yizhan'`);
    await c.end();
    await old.stop();
    unlinkSync(join(d, 'yizhan-password'));

    const notices: string[] = [];
    const s = await startEmbeddedPostgres({ dataDir: d, onNotice: (l) => notices.push(l) });
    try {
      const password = readFileSync(join(d, 'yizhan-password'), 'utf8').trim();
      expect(password).toMatch(/^[0-9a-f]{48}$/);
      expect(statSync(join(d, 'yizhan-password')).mode & 0o777).toBe(0o600);
      expect(existsSync(join(d, 'yizhan-password.new'))).toBe(false);
      expect(notices.join('\n')).toContain('固定密码已换成随机密码');
      expect(await connect(s.port, 'yizhan')).toEqual({ ok: false, code: '28P01' });
      const k = new pg.Client({ connectionString: s.url });
      await k.connect();
      expect((await k.query('select v from kept')).rows).toEqual([{ v: '案件数据' }]);
      await k.end();
    } finally {
      await s.stop();
    }
  });
});
