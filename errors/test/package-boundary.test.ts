// The error root sits below every package (rules and forms included), so it imports nothing —
// neither a yizhan package nor a library — and every package can extend it without a cycle.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { YizhanError } from '../src';

const src = fileURLToPath(new URL('../src', import.meta.url));

describe('@yizhan/errors', () => {
  it('imports nothing', () => {
    const files = readdirSync(src).filter((f) => f.endsWith('.ts'));
    expect(files).toEqual(['index.ts']);
    for (const file of files) expect(readFileSync(join(src, file), 'utf8')).not.toMatch(/\bfrom\s+['"]|\bimport\s*\(|\bimport\s+['"]|\brequire\(/);
  });

  it('names an error by its class and keeps code, message and details', () => {
    class TaskGoneError extends YizhanError {
      constructor() {
        super('TASK_NOT_FOUND', '任务不存在：t1', [{ field: '/task', message: '不存在' }]);
      }
    }
    const err = new TaskGoneError();
    expect(err).toBeInstanceOf(Error);
    expect(err).toBeInstanceOf(YizhanError);
    expect([err.name, err.code, err.message, err.details]).toEqual(['TaskGoneError', 'TASK_NOT_FOUND', '任务不存在：t1', [{ field: '/task', message: '不存在' }]]);
  });
});
