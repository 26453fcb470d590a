// `yizhan pack validate` output for BPMN from other tools: a warning is labelled once (`警告`, not
// `警告 警告`), an ignored kind is one line naming its element, and a UTF-16 export (with BOM) is
// read like UTF-8; a process without isExecutable is refused as the deploy refuses it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_PACK } from './support/harness';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function yizhan(...args: string[]): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'server/bin/yizhan.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('pack validate on BPMN from other tools', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'yizhan-pack-output-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const file = readdirSync(FIXTURE_PACK).find((f) => f.endsWith('.bpmn'))!;
  const xml = readFileSync(join(FIXTURE_PACK, file), 'utf8');
  const processId = /<bpmn:process id="([^"]+)"/.exec(xml)![1];
  // documentation on the process and on its start event: one warning line for both
  const documented = xml
    .replace(/(<bpmn:process [^>]*>)/, '$1<bpmn:documentation>流程说明</bpmn:documentation>')
    .replace(/(<bpmn:startEvent [^>]*>)/, '$1<bpmn:documentation>受理说明</bpmn:documentation>');

  it('labels a warning once and groups an ignored kind into one line with its element ids', () => {
    const dir = join(tmp, 'documented');
    cpSync(FIXTURE_PACK, dir, { recursive: true });
    writeFileSync(join(dir, file), documented);
    const r = yizhan('pack', 'validate', dir);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n').filter((l) => l.includes('IGNORED_DOCUMENTATION'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^警告 ${file}#${processId}: \\[IGNORED_DOCUMENTATION\\] 说明文字（documentation）只供阅读，已忽略（共 2 处：${processId}、`));
    expect(r.out).not.toMatch(/警告\s+警告/);
  });

  it('reads a UTF-16 export with a byte-order mark', () => {
    const dir = join(tmp, 'utf16');
    cpSync(FIXTURE_PACK, dir, { recursive: true });
    writeFileSync(join(dir, file), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml.replace('encoding="UTF-8"', 'encoding="UTF-16"'), 'utf16le')]));
    const r = yizhan('pack', 'validate', dir);
    expect(r.out).toContain('校验通过');
    expect(r.code).toBe(0);
  });

  it('refuses a process without isExecutable, naming it, as deploy does (exit 1)', () => {
    const dir = join(tmp, 'not-executable');
    cpSync(FIXTURE_PACK, dir, { recursive: true });
    writeFileSync(join(dir, file), xml.replace(/ isExecutable="true"/, ''));
    const r = yizhan('pack', 'validate', dir);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${file}#${processId}: [NO_EXECUTABLE_PROCESS] 流程未标记为可执行`);
    expect(r.out).not.toContain('校验通过');
  });
});
