// The `yizhan` command as the tests run it: a child process of the repository's CLI, without
// blocking this process (a test server in it may be answering the command), its standard output
// and error together. Credentials and the database of the test's own environment are not passed on.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const WITHHELD = ['YIZHAN_PASSWORD', 'DATABASE_URL', 'YIZHAN_TOKEN'];

export function runYizhan(args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((done, fail) => {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !WITHHELD.includes(k)) env[k] = v;
    Object.assign(env, options.env);
    const child = spawn(process.execPath, [join(ROOT, 'server/bin/yizhan.js'), ...args], { cwd: ROOT, env });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString('utf8'); });
    child.stderr.on('data', (d: Buffer) => { out += d.toString('utf8'); });
    child.on('error', fail);
    child.on('close', (code) => done({ code, out }));
    child.stdin.end(options.input ?? '');
  });
}
