// Crash recovery of `yizhan serve` on the embedded PostgreSQL, as an operator meets it: node killed
// with SIGKILL (its PostgreSQL orphaned, still holding the data dir), node and PostgreSQL killed
// together, a start that cannot succeed, and root with the data dir under a mode-700 directory.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alive, call, clusterDir, FIXTURE_PACKS, intake, login, postmasterPid, ROOT, serve, type Served } from './support';

const started: Served[] = [];
const temp: string[] = [];
afterAll(async () => {
  for (const s of started) await s.interrupt().catch(() => null);
  for (const dir of temp) rmSync(dir, { recursive: true, force: true });
});

async function up(dataDir: string): Promise<Served> {
  const s = await serve(['--demo', '--packs', FIXTURE_PACKS, '--data', dataDir]);
  started.push(s);
  return s;
}

async function startCase(s: Served, marker: string): Promise<string> {
  const token = await login(s.url);
  const r = await call(s.url, 'POST', '/api/cases', token, { process: 'servertest/dispute', data: intake(marker) });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

async function expectCase(s: Served, id: string, marker: string): Promise<void> {
  const r = await call(s.url, 'GET', `/api/cases/${id}`, await login(s.url));
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  expect(JSON.stringify(r.body)).toContain(marker);
}

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'yizhan-restart-'));
  temp.push(dir);
  return dir;
}

describe('kill -9 and restart on the same data dir', () => {
  it('node killed alone: the orphaned PostgreSQL is stopped and the server comes back with the case', async () => {
    const data = dataDir();
    const first = await up(data);
    const id = await startCase(first, 'orphan-case');
    const postmaster = postmasterPid(data);
    await first.killNode();
    expect(alive(postmaster)).toBe(true); // orphaned, still holding the data dir

    const second = await up(data);
    expect(second.output()).toContain(`遗留的内置 PostgreSQL（进程 ${postmaster}）`);
    expect(second.output()).not.toMatch(/TypeError|\n\s+at /);
    expect(alive(postmaster)).toBe(false);
    await expectCase(second, id, 'orphan-case');
    expect(await second.interrupt()).toBe(0);
  }, 240_000);

  it('node and PostgreSQL killed together: the server comes back with the case', async () => {
    const data = dataDir();
    const first = await up(data);
    const id = await startCase(first, 'both-killed');
    const postmaster = postmasterPid(data);
    await first.killAll();
    for (let i = 0; i < 50 && alive(postmaster); i++) await new Promise((ok) => setTimeout(ok, 100));
    expect(alive(postmaster)).toBe(false);

    const second = await up(data);
    await expectCase(second, id, 'both-killed');
    expect(await second.interrupt()).toBe(0);
  }, 240_000);
});

describe('a start that cannot succeed', () => {
  const yizhan = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, [join(ROOT, 'server/bin/yizhan.js'), ...args], {
    cwd: ROOT, encoding: 'utf8', timeout: 120_000, env: { ...process.env, LOG_LEVEL: 'warn', ...env },
  });

  it('says in one Chinese sentence what to do and exits non-zero: a data dir that is not ours', () => {
    const data = dataDir();
    writeFileSync(join(data, 'notes.txt'), 'something else');
    const r = yizhan(['serve', '--port', '0', '--no-packs', '--data', data]);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^数据目录 .* 里已有别的文件（notes\.txt），不是一站的数据目录：请用 --data 指定一个空目录或新目录。（DB_DATA_DIR_NOT_EMPTY）$/);
  });

  it('says in one Chinese sentence what to do and exits non-zero: a DATABASE_URL nobody listens on', () => {
    const r = yizhan(['serve', '--port', '0', '--no-packs'], { DATABASE_URL: 'postgres://postgres:x@127.0.0.1:9/yizhan' });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^连不上数据库 .*：请确认 PostgreSQL 正在运行.*（DB_UNREACHABLE）$/);
    expect(r.stderr).not.toContain(':x@'); // the password is not echoed
  });
});

describe.runIf(process.getuid?.() === 0)('as root, a data dir under a directory only root can enter', () => {
  it('starts (the cluster kept where postgres can reach it, recorded in the data dir), a login works, and it restarts', async () => {
    const home = mkdtempSync(join(tmpdir(), 'yizhan-root-home-'));
    temp.push(home);
    chmodSync(home, 0o700);
    const data = join(home, 'clone', 'data');
    mkdirSync(join(home, 'clone'));
    const first = await up(data);
    const cluster = clusterDir(data);
    temp.push(cluster);
    expect(cluster).not.toBe(data);
    expect(first.output()).toContain(`postgres 用户进不了数据目录 ${data}，数据库文件放在 ${cluster}`);
    const id = await startCase(first, 'root-700');
    expect(await first.interrupt()).toBe(0);

    const second = await up(data);
    await expectCase(second, id, 'root-700');
    expect(await second.interrupt()).toBe(0);
  }, 240_000);
});
