// Deploy-time validation: nothing that would run JavaScript or be mis-evaluated gets deployed.
import { describe, expect, it } from 'vitest';
import { compileDefinition } from '../src/bpmn/definition';
import { bpmn, problems } from './support/bpmn';
import { jointMediationBpmn } from './support/fixture';

describe('deploy-time BPMN validation', () => {
  it('accepts the joint mediation fixture', async () => {
    const c = await compileDefinition(jointMediationBpmn, ['route']);
    expect(c.processId).toBe('dispute');
    expect(c.startFormKey).toBe('intake');
    expect(c.userTasks.map((t) => t.id)).toEqual(['jointMediation', 'handle', 'supervise', 'feedback', 'evaluate']);
  });

  it('rejects a script task with its element id', async () => {
    const p = await problems(bpmn(`<bpmn:sequenceFlow id="f" sourceRef="start" targetRef="evil" />
      <bpmn:scriptTask id="evil" scriptFormat="javascript"><bpmn:script>next(null, process.env)</bpmn:script></bpmn:scriptTask>`));
    expect(p).toEqual([expect.objectContaining({ elementId: 'evil', code: 'SCRIPT_NOT_ALLOWED' })]);
    expect(p[0].message).toMatch(/脚本/);
  });

  it('rejects ${a > 1} in a condition, naming the flow', async () => {
    const p = await problems(bpmn(`<bpmn:exclusiveGateway id="gw" />
      <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="gw" />
      <bpmn:sequenceFlow id="big" sourceRef="gw" targetRef="end"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${environment.variables.amount > 1}</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:endEvent id="end" />`));
    expect(p).toEqual([expect.objectContaining({ elementId: 'big', code: 'UNSUPPORTED_EXPRESSION' })]);
  });

  it('rejects a javascript-language condition', async () => {
    const p = await problems(bpmn(`<bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="end"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">next(null, true)</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:endEvent id="end" />`));
    expect(p).toEqual([expect.objectContaining({ elementId: 'f0', code: 'SCRIPT_NOT_ALLOWED' })]);
  });

  it('rejects function calls and operators in task attributes, and unknown handlers', async () => {
    const p = await problems(bpmn(`<bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="t" />
      <bpmn:userTask id="t" camunda:candidateGroups="\${environment.services.pick()}" camunda:dueDate="\${a || 'P1D'}" />
      <bpmn:sequenceFlow id="f1" sourceRef="t" targetRef="s" />
      <bpmn:serviceTask id="s" camunda:type="external" camunda:topic="sendMail" />
      <bpmn:serviceTask id="s2" camunda:expression="\${environment.services.x}" />`));
    expect(p.map((x) => [x.elementId, x.code])).toEqual([
      ['t', 'UNSUPPORTED_EXPRESSION'],
      ['t', 'UNSUPPORTED_EXPRESSION'],
      ['s', 'UNKNOWN_HANDLER'],
      ['s2', 'SCRIPT_NOT_ALLOWED'],
    ]);
  });

  it('rejects unsupported elements, unparsable XML and a definition without an executable process', async () => {
    const p = await problems(bpmn(`<bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="call" /><bpmn:callActivity id="call" calledElement="x" />`));
    expect(p).toEqual([expect.objectContaining({ elementId: 'call', code: 'UNSUPPORTED_ELEMENT' })]);
    expect((await problems('<not-bpmn'))[0].code).toBe('BPMN_PARSE');
    const none = await problems(bpmn('').replace('isExecutable="true"', 'isExecutable="false"'));
    expect(none.map((x) => x.code)).toEqual(['NO_EXECUTABLE_PROCESS']);
  });

  it('rejects a timer that is not an ISO-8601 duration, date or cycle', async () => {
    const p = await problems(bpmn(`<bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="wait" />
      <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">30 days</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`));
    expect(p).toEqual([expect.objectContaining({ elementId: 'wait', code: 'BAD_TIMER' })]);
  });
});
