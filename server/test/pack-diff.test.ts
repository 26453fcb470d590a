// 版本比较 over HTTP: what changed between two deployed versions of a pack — BPMN elements
// (bpmn-js-differ), rules, form fields, the org model — as data and as a Chinese summary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../engine/test/support/databases';
import { packFiles, startTestServer, type Json, type TestServer } from './support/harness';

/** Version 2.0.0 of the fixture pack, changed in every kind of file. */
function changedPack(): Record<string, string> {
  const files = packFiles('2.0.0');
  files['dispute.bpmn'] = files['dispute.bpmn'].replace('name="反馈"', 'name="电话反馈"');
  const routing = JSON.parse(files['rules/routing.json']);
  routing.rules = routing.rules.filter((r: { name: string }) => r.name !== '属地管理：乡镇综治中心办理');
  routing.rules.push({ ...routing.rules[0], name: '土地纠纷由县中心办理', conditions: { all: [{ fact: 'case', path: '$.type', operator: 'equal', value: 'land' }] } });
  files['rules/routing.json'] = JSON.stringify(routing);
  const feedback = JSON.parse(files['forms/feedback.json']);
  feedback.schema.properties.visitedAt = { type: 'string', format: 'date', title: '回访日期' };
  feedback.schema.required = ['message', 'visitedAt'];
  files['forms/feedback.json'] = JSON.stringify(feedback);
  const manifest = JSON.parse(files['pack.json']);
  manifest.org.departments.push({ code: 't-justice', name: '测试县司法局', unit: 't', kind: 'department', domains: ['land'] });
  files['pack.json'] = JSON.stringify(manifest);
  return files;
}

describe.each(databaseTargets())('pack version diff over HTTP on $name PostgreSQL', (target) => {
  let s: TestServer;
  let leader: string;

  beforeAll(async () => {
    s = await startTestServer(target);
    const integrator = await s.login('integrator');
    const r = await s.request('POST', '/api/packs', { token: integrator, body: { files: changedPack() } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    leader = await s.login('leader');
  });
  afterAll(async () => {
    await s?.close();
  });

  it('names every change of the new version against the one before, in data and in Chinese', async () => {
    const r = await s.request('GET', '/api/packs/servertest/diff', { token: leader });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const d: Json = r.body;
    expect(d).toMatchObject({ from: '1.0.0', to: '2.0.0' });
    expect(d.bpmn).toEqual([expect.objectContaining({
      file: 'dispute.bpmn', status: 'changed', added: [], removed: [],
      changed: [{ id: 'feedback', type: 'bpmn:UserTask', name: '电话反馈', attrs: ['name'] }],
    })]);
    expect(d.rules).toEqual([{
      name: 'routing', status: 'changed', rulesAdded: ['土地纠纷由县中心办理'], rulesRemoved: ['属地管理：乡镇综治中心办理'], rulesChanged: [], settingsChanged: [],
    }]);
    expect(d.forms).toEqual([{ key: 'feedback', status: 'changed', fieldsAdded: ['visitedAt'], fieldsRemoved: [], nowRequired: ['visitedAt'], noLongerRequired: [], fieldsChanged: [] }]);
    expect(d.org).toMatchObject({ departmentsAdded: ['t-justice'], unitsAdded: [], unitsRemoved: [] });
    expect(d.manifestChanged).toEqual([]);
    expect(d.summary).toEqual([
      'dispute.bpmn：修改用户任务「电话反馈」（name）',
      '规则集「routing」：新增规则「土地纠纷由县中心办理」',
      '规则集「routing」：删除规则「属地管理：乡镇综治中心办理」',
      '表单「feedback」：新增字段「visitedAt」',
      '表单「feedback」：改为必填「visitedAt」',
      '组织架构：新增部门「t-justice」',
    ]);
  });

  it('compares any two versions, either way; the same version has no differences; unknown versions are 404', async () => {
    const back = await s.request('GET', '/api/packs/servertest/diff?from=2.0.0&to=1.0.0', { token: leader });
    expect(back.status).toBe(200);
    expect(back.body.summary).toContain('表单「feedback」：删除字段「visitedAt」');
    const same = await s.request('GET', '/api/packs/servertest/diff?from=1.0.0&to=1.0.0', { token: leader });
    expect(same.body.summary).toEqual([]);
    const missing = await s.request('GET', '/api/packs/servertest/diff?from=0.9.0', { token: leader });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('PACK_NOT_FOUND');
    expect((await s.request('GET', '/api/packs/nosuchpack/diff', { token: leader })).status).toBe(404);
    expect((await s.request('GET', '/api/packs/servertest/diff')).status).toBe(401);
  });

  it('one task renamed, one added and one form field made required: exactly those three changes', async () => {
    const files = packFiles('3.0.0');
    // 调处 renamed 调处化解; 复核 added between 调处 and 反馈 (its flows and shape come with it)
    files['dispute.bpmn'] = files['dispute.bpmn']
      .replace('name="调处"', 'name="调处化解"')
      .replace('<bpmn:sequenceFlow id="f3" sourceRef="handle" targetRef="feedback" />', [
        '<bpmn:sequenceFlow id="f3" sourceRef="handle" targetRef="review" />',
        '<bpmn:userTask id="review" name="复核" camunda:formKey="mediation" camunda:candidateGroups="t-centre" camunda:dueDate="P1D">',
        '<bpmn:incoming>f3</bpmn:incoming><bpmn:outgoing>f3b</bpmn:outgoing></bpmn:userTask>',
        '<bpmn:sequenceFlow id="f3b" sourceRef="review" targetRef="feedback" />',
      ].join('\n'))
      .replace('<bpmn:incoming>f3</bpmn:incoming>\n      <bpmn:outgoing>f4</bpmn:outgoing>', '<bpmn:incoming>f3b</bpmn:incoming>\n      <bpmn:outgoing>f4</bpmn:outgoing>')
      .replace('<bpmndi:BPMNShape id="feedback_di"', '<bpmndi:BPMNShape id="review_di" bpmnElement="review"><dc:Bounds x="400" y="150" width="100" height="80" /></bpmndi:BPMNShape>\n      <bpmndi:BPMNShape id="feedback_di"')
      .replace('<bpmndi:BPMNEdge id="f1_di"', '<bpmndi:BPMNEdge id="f3b_di" bpmnElement="f3b"><di:waypoint x="500" y="190" /><di:waypoint x="525" y="110" /></bpmndi:BPMNEdge>\n      <bpmndi:BPMNEdge id="f1_di"');
    expect(files['dispute.bpmn']).toContain('<bpmn:incoming>f3b</bpmn:incoming>\n      <bpmn:outgoing>f4</bpmn:outgoing>');
    // 说明 (note) of the mediation form made required
    const mediation = JSON.parse(files['forms/mediation.json']);
    mediation.schema.required = ['result', 'note'];
    files['forms/mediation.json'] = JSON.stringify(mediation);
    const deployed = await s.request('POST', '/api/packs', { token: await s.login('integrator'), body: { files } });
    expect(deployed.status, JSON.stringify(deployed.body)).toBe(201);

    // against 1.0.0 (2.0.0 changed other things): the fixture's own files with these three changes
    const r = await s.request('GET', '/api/packs/servertest/diff?from=1.0.0&to=3.0.0', { token: leader });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.summary).toEqual([
      'dispute.bpmn：新增用户任务「复核」',
      'dispute.bpmn：修改用户任务「调处化解」（name）',
      '表单「mediation」：改为必填「note」',
    ]);
    // the flows came with 复核: in the data, not as changes of their own
    expect(r.body.bpmn[0].added.map((e: Json) => e.id).sort()).toEqual(['f3b', 'review']);
    // and back: the task removed, its flows with it
    const back = await s.request('GET', '/api/packs/servertest/diff?from=3.0.0&to=1.0.0', { token: leader });
    expect(back.body.summary).toEqual([
      'dispute.bpmn：删除用户任务「复核」',
      'dispute.bpmn：修改用户任务「调处」（name）',
      '表单「mediation」：改为选填「note」',
    ]);
  });
});
