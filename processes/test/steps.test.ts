// The closure-step conventions: the evaluation handler's reopen rule, and the validator rejecting
// packs that break the shared fields or publish fields the intake form does not have.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluationHandler, loadPackDir, packFromFiles, stepOf, validatePack } from '../src';

const miniDir = new URL('./fixtures/mini/', import.meta.url).pathname;

async function miniFiles(): Promise<Record<string, string>> {
  const bundle = await loadPackDir(miniDir);
  const files: Record<string, string> = { 'pack.json': JSON.stringify(bundle.manifest) };
  for (const [f, xml] of Object.entries(bundle.bpmn)) files[f] = xml;
  for (const [k, form] of Object.entries(bundle.forms)) files[`forms/${k}.json`] = JSON.stringify(form);
  for (const [k, r] of Object.entries(bundle.rules)) files[`rules/${k}.json`] = JSON.stringify(r);
  return files;
}

const run = (satisfaction: string, reopenOn?: string) => evaluationHandler({
  properties: reopenOn ? { reopenOn } : {}, variables: { data: { satisfaction } },
} as unknown as Parameters<typeof evaluationHandler>[0]);

describe('the evaluation step', () => {
  it('reopens on 不满意 by default and on whatever the pack lists in reopenOn', async () => {
    expect(await run('dissatisfied')).toEqual({ variables: { evaluation: { satisfaction: 'dissatisfied', reopen: true, close: false } } });
    expect(await run('basic')).toEqual({ variables: { evaluation: { satisfaction: 'basic', reopen: false, close: true } } });
    expect(await run('basic', 'dissatisfied,basic')).toEqual({ variables: { evaluation: { satisfaction: 'basic', reopen: true, close: false } } });
    await expect(run('5')).rejects.toThrow(/satisfaction/);
  });

  it('names a task\'s step by its form key, handling by a result field', () => {
    expect(stepOf('evaluation')).toBe('evaluation');
    expect(stepOf('return-visit')).toBe('returnVisit');
    expect(stepOf('mediation', { schema: { properties: { result: {} } } })).toBe('handle');
    expect(stepOf('publication', { schema: { properties: { summary: {} } } })).toBeUndefined();
  });

  it('the five packs follow the conventions, with no step missing', async () => {
    for (const id of ['fugu', 'longxi', 'gonghe', 'zhangye', 'tongguan']) {
      const problems = await validatePack(await loadPackDir(new URL(`../${id}/`, import.meta.url).pathname), { warnings: true });
      expect(problems.filter((p) => p.code.startsWith('STEP_') || p.code === 'UNKNOWN_PUBLIC_FIELD'), id).toEqual([]);
      const evaluation = JSON.parse(readFileSync(new URL(`../${id}/forms/evaluation.json`, import.meta.url), 'utf8'));
      expect(evaluation.schema.properties.satisfaction.enum).toEqual(['satisfied', 'basic', 'dissatisfied']);
    }
  });
});

describe('the validator', () => {
  it('rejects the old boolean evaluation, a foreign result value and unknown 公示 fields', async () => {
    const files = await miniFiles();
    files['forms/evaluation.json'] = JSON.stringify({ schema: { type: 'object', required: ['satisfied'], properties: { satisfied: { type: 'boolean' } } } });
    const mediation = JSON.parse(files['forms/mediation.json']);
    mediation.schema.properties.result = { type: 'string', enum: ['success', 'failed', 'partly'] };
    files['forms/mediation.json'] = JSON.stringify(mediation);
    const manifest = JSON.parse(files['pack.json']);
    manifest.public = { enabled: true, fields: ['type', 'nickname'], mask: ['applicant', 'passport'] };
    files['pack.json'] = JSON.stringify(manifest);
    const problems = await validatePack(packFromFiles(files));
    const codes = problems.map((p) => `${p.code} ${p.file} ${p.pointer ?? p.elementId}`);
    expect(codes).toEqual(expect.arrayContaining([
      'STEP_FORM_FIELD forms/evaluation.json /schema/properties/satisfaction',
      'STEP_FORM_FIELD forms/evaluation.json /schema/properties/comment',
      'STEP_FORM_FIELD forms/mediation.json /schema/properties/result',
      'UNKNOWN_PUBLIC_FIELD pack.json /public/fields/1',
      'UNKNOWN_PUBLIC_FIELD pack.json /public/mask/1',
    ]));
    expect(problems.some((p) => p.code === 'UNKNOWN_DATA_FIELD' || p.code === 'UNKNOWN_VARIABLE')).toBe(false);
  });

  it('reports a process without feedback as a warning', async () => {
    const files = await miniFiles();
    const [bpmnFile] = Object.keys(files).filter((f) => f.endsWith('.bpmn'));
    files[bpmnFile] = files[bpmnFile].replace('camunda:formKey="feedback"', 'camunda:formKey="mediation"');
    expect((await validatePack(packFromFiles(files))).filter((p) => p.code === 'STEP_MISSING')).toEqual([]);
    const warned = (await validatePack(packFromFiles(files), { warnings: true })).filter((p) => p.code === 'STEP_MISSING');
    expect(warned).toEqual([expect.objectContaining({ severity: 'warning', file: bpmnFile, elementId: 'dispute' })]);
  });
});
