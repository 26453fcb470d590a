// The modeler's bpmnlint (src/bpmn/lint.ts: rules bundled for the browser) finds what the pack
// validator's (processes/src/lint.ts: bpmnlint's Node resolver) finds, in the same Chinese words
// (@yizhan/packs/wording): on every BPMN file of the shipped packs and the broken test packs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBpmn } from '../../processes/src/bpmn-model';
import { lintDefinitions as packLint } from '../../processes/src/lint';
import { LINT_WORDING } from '@yizhan/packs/wording';
import { lintDefinitions as modelerLint } from '../src/bpmn/lint';

const PROCESSES = join(import.meta.dirname, '..', '..', 'processes');

function bpmnFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'node_modules') return [];
    const p = join(dir, e.name);
    return e.isDirectory() ? bpmnFiles(p) : e.name.endsWith('.bpmn') ? [p] : [];
  });
}

const files = bpmnFiles(PROCESSES);

describe('bpmnlint in the modeler and in the pack validator', () => {
  it('there are packs to compare, some with findings', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [f.slice(PROCESSES.length + 1), f]))('%s: same findings, same wording', async (_name, file) => {
    const { rootElement } = await readBpmn(readFileSync(file)); // bytes: test/real-world/ has ISO-8859-1 and UTF-16 files
    const fromPacks = await packLint(rootElement);
    const fromModeler = await modelerLint(rootElement);
    const key = (f: { rule: string; elementId?: string; severity: string }) => `${f.rule}|${f.elementId ?? ''}|${f.severity}`;
    expect(fromModeler.map(key).sort()).toEqual(fromPacks.map(key).sort());
    for (const m of fromModeler) {
      const p = fromPacks.find((x) => key(x) === key(m));
      // The validator adds bpmnlint's own message in brackets after the same Chinese wording.
      expect(p?.message.startsWith(`${m.message}（bpmnlint ${m.rule}：`), `${p?.message} ↔ ${m.message}`).toBe(true);
      if (LINT_WORDING[m.rule]) expect(m.message).toBe(LINT_WORDING[m.rule]);
    }
  });

  it('the broken pack without a label is reported in Chinese by both', async () => {
    const { rootElement } = await readBpmn(readFileSync(join(PROCESSES, 'test', 'broken', 'missing-label', 'dispute.bpmn'), 'utf8'));
    const found = (await modelerLint(rootElement)).filter((f) => f.rule === 'label-required');
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].message).toMatch(/^缺少名称/);
    expect(found[0].severity).toBe('error');
  });
});
