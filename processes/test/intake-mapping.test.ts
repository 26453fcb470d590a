// Task forms that reuse intake field names: recorded with the step unless the task maps them (mapsIntake).
import { describe, expect, it } from 'vitest';
import { loadPackDir, validatePack, type PackBundle } from '../src';

const mini = () => loadPackDir(new URL('./fixtures/mini/', import.meta.url).pathname);

/** The mini pack, with 调处's form asking for `applicant` again, and `mapsIntake` on the handle task. */
async function withApplicantInMediation(mapsIntake?: string): Promise<PackBundle> {
  const bundle = await mini();
  const form = structuredClone(bundle.forms.mediation) as { schema: { properties: Record<string, unknown> } };
  form.schema.properties.applicant = { type: 'string', title: '到场当事人' };
  bundle.forms.mediation = form as PackBundle['forms'][string];
  if (mapsIntake !== undefined) {
    const [file, xml] = Object.entries(bundle.bpmn)[0];
    const open = /<bpmn:userTask id="handle"[^>]*>/.exec(xml)![0];
    bundle.bpmn[file] = xml.replace(open, `${open}<bpmn:extensionElements><camunda:properties><camunda:property name="mapsIntake" value="${mapsIntake}" /></camunda:properties></bpmn:extensionElements>`);
  }
  return bundle;
}

describe('intake mapping (mapsIntake)', () => {
  it('warns about a task form field that shares an intake field’s name without being mapped', async () => {
    const problems = await validatePack(await withApplicantInMediation(), { warnings: true });
    const found = problems.filter((p) => p.code === 'INTAKE_FIELD_NOT_MAPPED');
    expect(found.map((p) => [p.elementId, p.severity])).toEqual(expect.arrayContaining([['handle', 'warning']]));
    expect(found[0].message).toContain('applicant');
    expect(problems.filter((p) => p.severity !== 'warning')).toEqual([]);
  });

  it('accepts a mapping of a field both forms have, and refuses one the task form lacks', async () => {
    const mapped = await validatePack(await withApplicantInMediation('applicant'), { warnings: true });
    expect(mapped.filter((p) => p.elementId === 'handle' && p.code.includes('INTAKE'))).toEqual([]);
    const wrong = await validatePack(await withApplicantInMediation('mobile'));
    expect(wrong).toEqual([expect.objectContaining({ code: 'BAD_INTAKE_MAPPING', elementId: 'handle', message: expect.stringContaining('不是本任务表单「mediation」的字段') })]);
  });
});
