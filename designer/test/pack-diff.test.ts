// The draft comparison (src/pack/pack-diff.ts) on the Longxi pack's real files: a rule renamed and
// one removed, a form field added and one retitled, pack.json's version, a BPMN file edited, a file
// added and one removed — each said per file, and nothing for files that only differ in formatting.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffPack, lineChanges } from '../src/pack/pack-diff';

const DIR = join(import.meta.dirname, '..', '..', 'processes', 'longxi');
const read = (p: string) => readFileSync(join(DIR, p), 'utf8');

function longxi(): Record<string, string> {
  const files: Record<string, string> = { 'pack.json': read('pack.json'), 'dispute.bpmn': read('dispute.bpmn') };
  for (const f of readdirSync(join(DIR, 'forms'))) files[`forms/${f}`] = read(`forms/${f}`);
  for (const f of readdirSync(join(DIR, 'rules'))) files[`rules/${f}`] = read(`rules/${f}`);
  return files;
}

describe('what a draft changes against the deployed pack', () => {
  it('is nothing for the same files, or the same JSON formatted differently', () => {
    const deployed = longxi();
    const draft = { ...deployed, 'forms/intake.json': JSON.stringify(JSON.parse(deployed['forms/intake.json'])) };
    expect(diffPack(deployed, deployed)).toEqual([]);
    expect(diffPack(deployed, draft)).toEqual([]);
  });

  it('names rules, fields and settings, counts BPMN lines, and lists added and removed files', () => {
    const deployed = longxi();
    const draft = { ...deployed };
    const rules = JSON.parse(deployed['rules/longxi-routing.json']);
    const [first, second] = rules.rules;
    rules.rules = rules.rules.filter((r: { name: string }) => r !== second);
    first.priority = (first.priority ?? 1) + 5;
    rules.hitPolicy = rules.hitPolicy === 'FIRST' ? 'COLLECT' : 'FIRST';
    draft['rules/longxi-routing.json'] = JSON.stringify(rules, null, 2);
    const intake = JSON.parse(deployed['forms/intake.json']);
    const [field] = Object.keys(intake.schema.properties);
    intake.schema.properties[field].title = '新的标题';
    intake.schema.properties.photos = { type: 'array', title: '现场照片', items: { type: 'string' } };
    draft['forms/intake.json'] = JSON.stringify(intake, null, 2);
    draft['pack.json'] = JSON.stringify({ ...JSON.parse(deployed['pack.json']), version: '9.9.9' });
    draft['dispute.bpmn'] = deployed['dispute.bpmn'].replace(/name="([^"]*)"/, 'name="$1（改）"');
    draft['forms/extra.json'] = '{}';
    delete draft['forms/supervise.json'];

    const diff = diffPack(deployed, draft);
    expect(diff.map((d) => [d.file, d.change])).toEqual([
      ['dispute.bpmn', 'changed'], ['forms/extra.json', 'added'], ['forms/intake.json', 'changed'],
      ['forms/supervise.json', 'removed'], ['pack.json', 'changed'], ['rules/longxi-routing.json', 'changed'],
    ]);
    const notes = Object.fromEntries(diff.map((d) => [d.file, d.notes]));
    expect(notes['rules/longxi-routing.json']).toEqual([
      { kind: 'rulesRemoved', names: [second.name] },
      { kind: 'rulesChanged', names: [first.name] },
      { kind: 'keysChanged', names: ['hitPolicy'] },
    ]);
    expect(notes['forms/intake.json']).toEqual([
      { kind: 'fieldsAdded', names: ['现场照片（photos）'] },
      { kind: 'fieldsChanged', names: [`新的标题（${field}）`] },
    ]);
    expect(notes['pack.json']).toEqual([{ kind: 'keysChanged', names: ['version'] }]);
    expect(notes['dispute.bpmn']).toEqual([{ kind: 'lines', added: 1, removed: 1 }]);
  });

  it('compares a file that no longer parses as text', () => {
    const deployed = longxi();
    const diff = diffPack(deployed, { ...deployed, 'pack.json': '{ "id": ' });
    expect(diff).toEqual([{ file: 'pack.json', change: 'changed', notes: [{ kind: 'unreadable' }, { kind: 'lines', ...lineChanges(deployed['pack.json'], '{ "id": ') }] }]);
  });
});
