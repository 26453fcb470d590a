// Step data and the intake record (issue 11): a task form cannot overwrite what was taken in at intake, nor
// slip a field its form does not declare into the case; and a new version of a form that keeps its `$id` is
// the one enforced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseEngine, openDatabase, type Database, type DeployInput } from '../src';
import { createTestDatabase, databaseTargets, type TestDatabase } from './support/databases';
import { forms, jointMediationBpmn, routeHandler } from './support/fixture';

const org = { units: [{ code: 'c', name: '县', level: 'county' }], departments: [{ code: 'centre', name: '县综治中心', unit: 'c', kind: 'centre' }] };

/** The fixture's forms, with an intake that records ID and mobile, and task forms that reuse intake field names. */
const stepForms: DeployInput['forms'] = {
  ...forms,
  intake: {
    schema: {
      type: 'object',
      required: ['applicant', 'type'],
      properties: {
        applicant: { type: 'string', minLength: 2, title: '当事人' },
        idNumber: { type: 'string', title: '身份证号' },
        mobile: { type: 'string', title: '手机' },
        type: { type: 'string', enum: ['neighbour', 'wages', 'land'], title: '纠纷类型' },
        townships: { type: 'array', items: { type: 'string' } },
        departments: { type: 'array', items: { type: 'string' } },
      },
    },
  },
  // 调处 asks again who attended: the same names as intake fields, but a step's record, not the intake's.
  mediation: {
    schema: {
      type: 'object',
      required: ['result'],
      properties: {
        result: { type: 'string', enum: ['success', 'failed'] },
        note: { type: 'string' },
        applicant: { type: 'string', title: '到场当事人' },
        idNumber: { type: 'string', title: '到场当事人身份证号' },
      },
    },
  },
  // 反馈 may correct the mobile number: the feedback task maps it onto the intake (mapsIntake="mobile").
  feedback: {
    schema: { type: 'object', required: ['message'], properties: { message: { type: 'string', minLength: 1 }, mobile: { type: 'string', title: '新手机号' } } },
  },
};

const bpmnWithMapping = jointMediationBpmn.replace(
  '<bpmn:userTask id="feedback" name="反馈" camunda:formKey="feedback" camunda:candidateGroups="centre" />',
  `<bpmn:userTask id="feedback" name="反馈" camunda:formKey="feedback" camunda:candidateGroups="centre">
      <bpmn:extensionElements><camunda:properties><camunda:property name="mapsIntake" value="mobile" /></camunda:properties></bpmn:extensionElements>
    </bpmn:userTask>`,
);

const intake = { applicant: '张三', idNumber: '621122198001010013', mobile: '13912345678', type: 'wages', townships: ['gongchang'], departments: ['labour'] };

describe.each(databaseTargets())('step data and the intake record on $name PostgreSQL', (target) => {
  let tdb: TestDatabase;
  let db: Database;
  let engine: CaseEngine;

  beforeAll(async () => {
    expect(bpmnWithMapping).toContain('mapsIntake');
    tdb = await createTestDatabase(target);
    db = await openDatabase({ url: tdb.url });
    engine = new CaseEngine({ pool: db.pool, handlers: { route: routeHandler } });
    await engine.deploy({ key: 'test/steps', bpmn: bpmnWithMapping, forms: stepForms, ruleSets: { routing: { rules: [] } }, org });
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it('keeps a task’s applicant / idNumber with the step and leaves the intake record as taken in', async () => {
    const c = await engine.startCase({ process: 'test/steps', actor: 'clerk', data: intake });
    const handle = c.openTasks[0];
    expect(handle.elementId).toBe('handle');
    const after = await engine.completeTask(handle.id, { result: 'failed', applicant: '王五', idNumber: '621122199001010011' }, 'staff');

    const data = after.variables.data as Record<string, unknown>;
    expect(data).toMatchObject({ applicant: '张三', idNumber: '621122198001010013', mobile: '13912345678', type: 'wages' });
    expect(data.result).toBe('failed'); // non-intake fields still reach the case data (gateways read them)
    expect((after.variables.outputs as Record<string, unknown>).handle).toEqual({ result: 'failed', applicant: '王五', idNumber: '621122199001010011' });
    const task = (await engine.getCase(c.id)).tasks.find((t) => t.id === handle.id);
    expect(task?.data).toEqual({ result: 'failed', applicant: '王五', idNumber: '621122199001010011' });
  });

  it('refuses a field the task form does not declare (result: "success" in a feedback) and changes nothing', async () => {
    const c = await engine.startCase({ process: 'test/steps', actor: 'clerk', data: intake });
    const afterHandle = await engine.completeTask(c.openTasks[0].id, { result: 'failed' }, 'staff');
    const feedback = afterHandle.openTasks[0];
    expect(feedback.elementId).toBe('feedback');

    const err = await engine.completeTask(feedback.id, { message: '已反馈', result: 'success' }, 'staff').catch((e) => e);
    expect(err.code).toBe('FORM_INVALID');
    expect(err.details.map((d: { field: string; code: string }) => [d.field, d.code])).toEqual([['/result', 'additionalProperties']]);

    const now = await engine.getCase(c.id);
    expect(now.version).toBe(afterHandle.version);
    expect((now.variables.data as Record<string, unknown>).result).toBe('failed');
    expect(now.tasks.find((t) => t.id === feedback.id)).toMatchObject({ status: 'open', data: null });
    // what the statistics read: the result of the latest completed task that has one
    const { rows } = await db.pool.query(
      `select data ->> 'result' as result from tasks where case_id = $1 and status = 'completed' and data ? 'result' order by completed_at desc limit 1`,
      [c.id],
    );
    expect(rows).toEqual([{ result: 'failed' }]);
  });

  it('writes an intake field when the task maps it explicitly (mapsIntake)', async () => {
    const c = await engine.startCase({ process: 'test/steps', actor: 'clerk', data: intake });
    const afterHandle = await engine.completeTask(c.openTasks[0].id, { result: 'success' }, 'staff');
    const done = await engine.completeTask(afterHandle.openTasks[0].id, { message: '已反馈', mobile: '13700000000' }, 'staff');
    expect(done.variables.data).toMatchObject({ applicant: '张三', mobile: '13700000000' });
  });
});

describe.each(databaseTargets())('form versions with the same $id on $name PostgreSQL', (target) => {
  let tdb: TestDatabase;
  let db: Database;
  let engine: CaseEngine;

  beforeAll(async () => {
    tdb = await createTestDatabase(target);
    db = await openDatabase({ url: tdb.url });
    engine = new CaseEngine({ pool: db.pool, handlers: { route: routeHandler } });
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it('refuses at deploy a form pattern RE2 cannot run (a backreference), naming form and field', async () => {
    const feedback = { schema: { type: 'object', title: '反馈', properties: { message: { type: 'string', title: '反馈内容', pattern: '^(.+)\\1$' } } } };
    const err = await engine.deploy({ key: 'test/bad-pattern', bpmn: jointMediationBpmn, forms: { ...forms, feedback }, ruleSets: { routing: { rules: [] } }, org }).catch((e) => e);
    expect(err.code).toBe('BPMN_INVALID');
    expect(err.details).toEqual([expect.objectContaining({ code: 'FORM_PATTERN_UNSUPPORTED', message: expect.stringContaining('表单“反馈”字段“反馈内容”') })]);
    expect(err.details[0].message).toContain('forms/feedback.json');
  });

  it('enforces v2 of a form deployed after v1 with the same $id, and keeps v1 for cases on v1', async () => {
    // the same $id, a different constraint: 当事人 at most 20 characters in v1, at most 3 in v2
    const intakeOf = (maxLength: number) => {
      const schema = structuredClone(forms!.intake.schema) as { properties: Record<string, Record<string, unknown>> } & Record<string, unknown>;
      schema.$id = 'https://yizhan.example/forms/intake';
      schema.properties.applicant.maxLength = maxLength;
      return schema;
    };
    const v1 = intakeOf(20);
    const v2 = intakeOf(3);
    const deploy = (schema: Record<string, unknown>) =>
      engine.deploy({ key: 'test/versions', bpmn: jointMediationBpmn, forms: { ...forms, intake: { schema } }, ruleSets: { routing: { rules: [] } }, org });
    const data = { applicant: '欧阳长名字', type: 'wages', townships: ['gongchang'], departments: ['labour'] };

    const first = await deploy(v1);
    expect((await engine.startCase({ process: 'test/versions', data })).status).toBe('active');
    const second = await deploy(v2);
    expect(second.version).toBe(first.version + 1);
    const err = await engine.startCase({ process: 'test/versions', data }).catch((e) => e);
    expect(err.code).toBe('FORM_INVALID');
    expect(err.details.map((d: { field: string; code: string }) => [d.field, d.code])).toEqual([['/applicant', 'maxLength']]);
    expect((await engine.startCase({ process: 'test/versions', version: first.version, data })).status).toBe('active');
  });
});
