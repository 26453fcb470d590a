// The real `yizhan serve` as a child process (node server/bin/yizhan.js), for the crash and
// concurrency tests: start it, talk HTTP to it, kill it with SIGKILL (node alone, or node with its
// PostgreSQL), and read the store it left behind straight from PostgreSQL.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** A folder whose one pack folder is the server tests' fixture pack (servertest/dispute). */
export const FIXTURE_PACKS = fileURLToPath(new URL('../fixtures', import.meta.url));
export const DEMO_PASSWORD = 'demo1234';

// Bodies are JSON of many shapes; tests read them structurally.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Served {
  child: ChildProcess;
  pid: number;
  url: string;
  output(): string;
  exited: Promise<number | null>;
  /** SIGKILL to node alone: its PostgreSQL child is orphaned. */
  killNode(): Promise<void>;
  /** SIGKILL to the whole process group: node, the postmaster and its backends at once. */
  killAll(): Promise<void>;
  /** Ctrl-C: SIGINT to the process group, as a terminal sends it; resolves with the exit code. */
  interrupt(): Promise<number | null>;
}

/** `yizhan serve --port 0 …args`; resolves once it prints its URL, rejects with its output if it exits first. */
export function serve(args: string[], env: Record<string, string> = {}): Promise<Served> {
  return spawnServer(process.execPath, [join(ROOT, 'server/bin/yizhan.js'), 'serve', '--port', '0', ...args], env);
}

/** Any command that starts the server (`npm start`, `yizhan serve`) in its own process group, run from the repository root. */
export async function spawnServer(command: string, args: string[], env: Record<string, string> = {}, timeoutMs = 120_000): Promise<Served> {
  const child = spawn(command, args, {
    cwd: ROOT, detached: true, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((ok) => child.once('close', (code) => ok(code)));
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${out}`)), timeoutMs);
    const check = () => {
      const m = /已启动：(http:\/\/\S+)/.exec(out);
      if (m && out.includes('按 Ctrl-C 停止')) {
        clearTimeout(timer);
        ok(m[1]);
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  const pid = child.pid!;
  const kill = async (target: number) => {
    try {
      process.kill(target, 'SIGKILL');
    } catch {
      // already gone
    }
    await exited;
  };
  return {
    child, pid, url, output: () => out, exited,
    killNode: () => kill(pid),
    killAll: () => kill(-pid),
    async interrupt() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      try {
        process.kill(-pid, 'SIGINT');
      } catch {
        // already gone
      }
      return exited;
    },
  };
}

export async function call(url: string, method: string, path: string, token?: string, body?: unknown, timeoutMs?: number): Promise<{ status: number; body: Json }> {
  const res = await fetch(url + path, {
    method,
    ...(timeoutMs ? { signal: AbortSignal.timeout(timeoutMs) } : {}),
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let parsed: Json = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body: parsed };
}

export async function login(url: string, username = 'admin'): Promise<string> {
  const r = await call(url, 'POST', '/api/auth/login', undefined, { username, password: DEMO_PASSWORD });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.token as string;
}

/** Intake data for the fixture process; `marker` makes the case findable in the store. */
export function intake(marker: string): Record<string, unknown> {
  return { applicant: '张三丰', phone: '13812345678', idNumber: '110101199003077777', type: 'neighbour', unit: 't-a-1', summary: marker };
}

/** Where the embedded cluster of a data dir is (the data dir itself, or where yizhan-cluster says). */
export function clusterDir(dataDir: string): string {
  const pointer = join(dataDir, 'yizhan-cluster');
  return existsSync(pointer) ? readFileSync(pointer, 'utf8').trim() : dataDir;
}

/** The pid of the running postmaster of a data dir (line 1 of postmaster.pid). */
export function postmasterPid(dataDir: string): number {
  return Number(readFileSync(join(clusterDir(dataDir), 'postmaster.pid'), 'utf8').split('\n')[0]);
}

/** A client on the `yizhan` database of the running embedded PostgreSQL of a data dir. */
export async function storeClient(dataDir: string): Promise<pg.Client> {
  const port = Number(readFileSync(join(clusterDir(dataDir), 'postmaster.pid'), 'utf8').split('\n')[3]);
  const password = readFileSync(join(dataDir, 'yizhan-password'), 'utf8').trim();
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'yizhan' });
  await client.connect();
  return client;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}
