// The real `yizhan serve --demo` on a temp data dir and a free port, and the browser (./browser.ts),
// for the browser tests. Nothing is mocked: the server runs the packs in processes/ on embedded
// PostgreSQL and serves designer/dist, built first when missing or stale (./web-build.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureWebBuild } from './web-build';

export { launchBrowser } from './browser';
export { buildWeb } from './web-build';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const DESIGNER = join(ROOT, 'designer');
export const PASSWORD = 'demo1234';

export interface DemoServer {
  baseUrl: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise<number>((done, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => done(port));
    });
    srv.on('error', fail);
  });
}

/** Starts the demo server; `web` serves that build instead of designer/dist. */
export async function startDemoServer(options: { web?: string; dataPrefix?: string } = {}): Promise<DemoServer> {
  if (!options.web) await ensureWebBuild();
  const dataDir = mkdtempSync(join(tmpdir(), options.dataPrefix ?? 'yizhan-e2e-'));
  const port = await freePort();
  const args = [join(ROOT, 'server', 'bin', 'yizhan.js'), 'serve', '--demo', '--port', String(port), '--data', dataDir];
  if (options.web) args.push('--web', options.web);
  const server: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 150_000);
    server.stdout?.on('data', (b: Buffer) => {
      output += b.toString();
      if (output.includes('已启动')) {
        clearTimeout(timer);
        ready();
      }
    });
    server.stderr?.on('data', (b: Buffer) => { output += b.toString(); });
    server.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`server exited ${code}:\n${output}`));
    });
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((done) => server.once('exit', done));
        server.kill('SIGTERM');
        await Promise.race([exited, new Promise((done) => setTimeout(done, 20_000))]);
        if (server.exitCode === null) server.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** JSON calls to a demo server's API (`call(method, path, token?, body?)`); a non-2xx answer throws with its body. */
export function apiCaller(baseUrl: string) {
  return async <T = Record<string, unknown>>(method: string, path: string, token?: string, body?: unknown): Promise<T> => {
    const res = await fetch(baseUrl + path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (await res.json()) as T;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
}
