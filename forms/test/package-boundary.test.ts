import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

function imports(path: string): string[] {
  return [...readFileSync(path, 'utf8').matchAll(/from\s+'([^']+)'|import\s+'([^']+)'/g)].map((m) => m[1] ?? m[2]);
}

describe('package boundaries', () => {
  it('the main entry is browser-safe and React-free: no React, rjsf, antd or Node built-ins outside src/react', () => {
    const core = files(src).filter((f) => !relative(src, f).startsWith('react'));
    expect(core.length).toBeGreaterThan(5);
    for (const file of core) {
      for (const spec of imports(file)) {
        expect(spec, relative(src, file)).not.toMatch(/^(react|react-dom|antd|@rjsf\/|@ant-design\/|dayjs|node:|fs$|path$)/);
      }
    }
  });

  it('imports no other yizhan package but the error root (@yizhan/errors, which imports nothing)', () => {
    for (const file of files(src)) for (const spec of imports(file)) expect(spec, relative(src, file)).not.toMatch(/^@yizhan\/(?!errors$)/);
  });
});
