// designer/dist — the built web app the server serves — for the browser tests: built when it is
// missing or older than its sources, so `npm install && npm test` on a fresh clone needs no build step.
// Always a production build: vitest sets NODE_ENV=test, and a build inheriting it is React's
// development build (StrictMode mounts every component twice), which is not what users get.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BROWSER_CACHE } from './browser';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const DESIGNER = join(ROOT, 'designer');
const INDEX = join(DESIGNER, 'dist', 'index.html');
/** What the bundle is built from: the app, its build config and the workspace files it imports. */
const SOURCES = [
  'designer/src', 'designer/index.html', 'designer/vite.config.ts', 'designer/package.json', 'forms/src', 'rules/src',
  'processes/src/wording.ts', 'package-lock.json',
];
const LOCK = join(BROWSER_CACHE, 'web-build.lock');
const STALE_LOCK_MS = 10 * 60_000;

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)));
  return newest;
}

/** True when designer/dist exists and was built after its sources last changed. */
export function webBuildIsFresh(): boolean {
  if (!existsSync(INDEX)) return false;
  const built = statSync(INDEX).mtimeMs;
  return SOURCES.every((source) => newestChange(join(ROOT, source)) <= built);
}

/** Builds the web app for production into `outDir` (default designer/dist). */
export function buildWeb(outDir?: string): void {
  const args = ['vite', 'build', ...(outDir ? ['--outDir', outDir, '--emptyOutDir'] : [])];
  execFileSync('npx', args, { cwd: DESIGNER, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

/** Builds designer/dist unless it is fresh; one build at a time across test processes. */
export async function ensureWebBuild(): Promise<void> {
  if (webBuildIsFresh()) return;
  mkdirSync(BROWSER_CACHE, { recursive: true });
  const deadline = Date.now() + STALE_LOCK_MS;
  for (;;) {
    try {
      mkdirSync(LOCK); // atomic: only one process gets it
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const held = statSync(LOCK, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`designer/dist: another build held ${LOCK} too long`);
      await new Promise((done) => setTimeout(done, 1000));
    }
  }
  try {
    if (!webBuildIsFresh()) buildWeb();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
