// initdb, the postmaster as a child process, and a postmaster left over from a killed run.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Binaries, Ids } from './cluster';
import { DatabaseOpenError } from './open-error';
import { writeSecret } from './password';

/** Written into the data dir: the pid of the yizhan process that owns the running postmaster. */
export const OWNER_FILE = 'yizhan-owner';
const START_TIMEOUT_MS = 90_000;

const running = new Set<ChildProcess>();
// A process that exits (process.exit, end of the event loop) takes its PostgreSQL along.
process.once('exit', () => {
  for (const child of running) child.kill('SIGINT');
});

export async function initdb(bin: Binaries, clusterDir: string, password: string, ids: Ids | undefined, log: (line: string) => void): Promise<void> {
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

export interface Postmaster { child: ChildProcess; port: number; tail: () => string[] }

export async function startPostmaster(bin: Binaries, clusterDir: string, fixedPort: number | undefined, ids: Ids | undefined, log: (line: string) => void): Promise<Postmaster> {
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

export async function stopChild(child: ChildProcess): Promise<void> {
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
export async function stopOrphan(clusterDir: string, dataDir: string, notice: (line: string) => void): Promise<void> {
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
