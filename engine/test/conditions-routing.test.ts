// Safe condition expressions on the real engine and store (issue 13): a gateway branching on
// `${result == "success"}` (Camunda 7), `=result = "failed" and amount > 1000` (FEEL) and a
// language="feel" condition, every step recovered from PostgreSQL; and a deploy whose condition
// reads a variable no form has, refused with the variables it could read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BpmnInvalidError, CaseEngine, openDatabase, type Database, type DeployInput } from '../src';
import { createTestDatabase, databaseTargets, type TestDatabase } from './support/databases';

const task = (id: string, name: string) =>
  `<bpmn:userTask id="${id}" name="${name}" camunda:formKey="mediation" camunda:candidateGroups="centre" />`;

function definition(condition = '${result == &quot;success&quot;}'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
  <bpmn:process id="conditions" isExecutable="true">
    <bpmn:startEvent id="start" camunda:formKey="intake" />
    <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="handle" />
    ${task('handle', '调处')}
    <bpmn:sequenceFlow id="f1" sourceRef="handle" targetRef="outcome" />
    <bpmn:exclusiveGateway id="outcome" name="调处结果？" default="f_other" />
    <bpmn:sequenceFlow id="f_success" name="成功" sourceRef="outcome" targetRef="feedback">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f_big" name="未成功且金额大" sourceRef="outcome" targetRef="supervise">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=result = "failed" and amount &gt; 1000</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f_county" name="未成功，县级" sourceRef="outcome" targetRef="review">
      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="feel">result = "failed" and level = "county"</bpmn:conditionExpression>
    </bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f_other" name="其他" sourceRef="outcome" targetRef="again" />
    ${task('feedback', '反馈')}
    ${task('supervise', '督办')}
    ${task('review', '县级复查')}
    ${task('again', '再次调处')}
  </bpmn:process>
</bpmn:definitions>`;
}

const forms: DeployInput['forms'] = {
  intake: {
    schema: {
      type: 'object',
      required: ['applicant'],
      properties: { applicant: { type: 'string' }, amount: { type: 'number' }, level: { type: 'string', enum: ['county', 'township'] } },
    },
  },
  mediation: {
    schema: { type: 'object', properties: { result: { type: 'string', enum: ['success', 'failed'] }, note: { type: 'string' } } },
  },
};

describe.each(databaseTargets())('condition expressions on $name PostgreSQL', (target) => {
  let tdb: TestDatabase;
  let db: Database;
  let engine: CaseEngine;

  beforeAll(async () => {
    tdb = await createTestDatabase(target);
    db = await openDatabase({ url: tdb.url });
    // cacheSize 0: every step recovers the case's engine from the store
    engine = new CaseEngine({ pool: db.pool, cacheSize: 0 });
    await engine.deploy({ key: 'test/conditions', bpmn: definition(), forms });
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  /** Starts a case, completes 调处 with `result`, and returns the task the gateway led to. */
  async function branch(intake: Record<string, unknown>, result: Record<string, unknown>): Promise<string[]> {
    const c = await engine.startCase({ process: 'test/conditions', actor: 'clerk', data: { applicant: '张三', ...intake } });
    expect(c.openTasks.map((t) => t.elementId)).toEqual(['handle']);
    const after = await engine.completeTask(c.openTasks[0].id, result, 'staff');
    expect(after.status).toBe('active');
    expect(after.incidents ?? []).toEqual([]);
    return after.openTasks.map((t) => t.elementId);
  }

  it('takes ${result == "success"} when the handler recorded success', async () => {
    expect(await branch({ amount: 5000 }, { result: 'success' })).toEqual(['feedback']);
  });

  it('takes the FEEL branch =result = "failed" and amount > 1000', async () => {
    expect(await branch({ amount: 5000, level: 'county' }, { result: 'failed' })).toEqual(['supervise']);
  });

  it('takes the language="feel" branch when only it holds', async () => {
    expect(await branch({ amount: 10, level: 'county' }, { result: 'failed' })).toEqual(['review']);
  });

  it('takes the default flow when values are missing, without halting the case', async () => {
    expect(await branch({}, { note: '未填写结果' })).toEqual(['again']);
  });

  it('refuses a condition reading a variable no form has, naming it and the variables available', async () => {
    const err = await engine.deploy({ key: 'test/conditions-typo', bpmn: definition('${reslt == &quot;success&quot;}'), forms }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BpmnInvalidError);
    const details = (err as BpmnInvalidError).details;
    expect(details).toEqual([expect.objectContaining({ elementId: 'f_success', code: 'UNKNOWN_VARIABLE' })]);
    expect(details[0].message).toContain('f_success');
    expect(details[0].message).toContain('「reslt」');
    expect(details[0].message).toMatch(/可用：.*result/);
  });
});
