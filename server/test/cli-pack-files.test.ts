// `yizhan pack validate | deploy` on a hostile pack folder: a symlink to a secret file is refused
// by name (code PACK_SYMLINK) before anything is read or sent, and no error repeats a file's
// contents — not even the JSON syntax error of a regular file.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_PACK } from './support/harness';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SECRET = 'TOPSECRET-root:x:0:0-7f3a';

function yizhan(...args: string[]): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'server/bin/yizhan.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('pack folders with symlinks', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'yizhan-pack-files-'));
  const secretFile = join(tmp, 'passwd');
  writeFileSync(secretFile, `${SECRET}\n`);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const packWith = (name: string, link: string): string => {
    const dir = join(tmp, name);
    cpSync(FIXTURE_PACK, dir, { recursive: true });
    unlinkSync(join(dir, link));
    symlinkSync(secretFile, join(dir, link));
    return dir;
  };

  it('pack deploy --server refuses a symlinked file by name, sends nothing and never prints its contents', () => {
    const dir = packWith('deploy', 'forms/intake.json');
    // Nothing listens on port 9: the refusal must come before any request.
    const r = yizhan('pack', 'deploy', dir, '--server', 'http://127.0.0.1:9', '--token', 't');
    expect(r.code).toBe(1);
    expect(r.out).toContain('forms/intake.json');
    expect(r.out).toContain('PACK_SYMLINK');
    expect(r.out).not.toContain('TOPSECRET');
    expect(r.out).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('pack validate refuses a symlinked pack.json by name', () => {
    const dir = packWith('validate', 'pack.json');
    const r = yizhan('pack', 'validate', dir);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/pack\.json 是符号链接/);
    expect(r.out).toContain('PACK_SYMLINK');
    expect(r.out).not.toContain('TOPSECRET');
  });

  it('a JSON syntax error names the file, not its contents', () => {
    const dir = join(tmp, 'syntax');
    cpSync(FIXTURE_PACK, dir, { recursive: true });
    writeFileSync(join(dir, 'forms/intake.json'), `${SECRET}\n`);
    const r = yizhan('pack', 'validate', dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain('forms/intake.json');
    expect(r.out).toContain('JSON_SYNTAX');
    expect(r.out).not.toContain('TOPSECRET');
  });
});
