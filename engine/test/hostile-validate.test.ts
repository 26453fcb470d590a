// Deploy-time refusal of definitions that would take the server down when a case runs (issue 11):
// loops nothing waits in, timer cycles that fire continuously, timers beyond any sane horizon.
import { describe, expect, it } from 'vitest';
import { timerProblem } from '../src/bpmn/limits';
import { bpmn, problems as compileProblems } from './support/bpmn';

const problems = (xml: string) => compileProblems(xml, ['route', 'noop']);

const boundaryTimer = (kind: string, value: string, cancel = true) => `
  <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="handle" />
  <bpmn:userTask id="handle" />
  <bpmn:boundaryEvent id="tick" attachedToRef="handle" cancelActivity="${cancel}">
    <bpmn:timerEventDefinition><bpmn:${kind} xsi:type="bpmn:tFormalExpression">${value}</bpmn:${kind}></bpmn:timerEventDefinition>
  </bpmn:boundaryEvent>
  <bpmn:sequenceFlow id="f1" sourceRef="tick" targetRef="e1" /><bpmn:endEvent id="e1" />
  <bpmn:sequenceFlow id="f2" sourceRef="handle" targetRef="e2" /><bpmn:endEvent id="e2" />`;

describe('hostile definitions are refused at deploy', () => {
  it('a service task → gateway → the same service task loop, naming the loop', async () => {
    const p = await problems(bpmn(`<bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="svc" />
      <bpmn:serviceTask id="svc" camunda:type="external" camunda:topic="noop" />
      <bpmn:sequenceFlow id="f1" sourceRef="svc" targetRef="gw" />
      <bpmn:exclusiveGateway id="gw" default="f2" />
      <bpmn:sequenceFlow id="f2" sourceRef="gw" targetRef="svc" />`));
    expect(p).toEqual([expect.objectContaining({ code: 'LOOP_WITHOUT_WAIT', elementId: 'svc' })]);
    expect(p[0].message).toContain('svc → gw');
    expect(p[0].message).toMatch(/用户任务.*定时器/);
  });

  it('a gateway ↔ task loop, and one inside a sub-process', async () => {
    const p = await problems(bpmn(`<bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="gw" />
      <bpmn:exclusiveGateway id="gw" default="f1" />
      <bpmn:sequenceFlow id="f1" sourceRef="gw" targetRef="t" />
      <bpmn:task id="t" />
      <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="gw" />
      <bpmn:subProcess id="sub">
        <bpmn:startEvent id="s2" /><bpmn:sequenceFlow id="g0" sourceRef="s2" targetRef="a" />
        <bpmn:task id="a" /><bpmn:sequenceFlow id="g1" sourceRef="a" targetRef="b" />
        <bpmn:intermediateThrowEvent id="b" /><bpmn:sequenceFlow id="g2" sourceRef="b" targetRef="a" />
      </bpmn:subProcess>`));
    expect(p.map((x) => [x.code, x.elementId])).toEqual(expect.arrayContaining([['LOOP_WITHOUT_WAIT', 'gw'], ['LOOP_WITHOUT_WAIT', 'a']]));
  });

  it('a flow from a task to itself, and a zero-duration timer that does not really wait', async () => {
    const p = await problems(bpmn(`<bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="t" />
      <bpmn:task id="t" /><bpmn:sequenceFlow id="f1" sourceRef="t" targetRef="t" />
      <bpmn:sequenceFlow id="f2" sourceRef="start" targetRef="w" />
      <bpmn:intermediateCatchEvent id="w"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT0S</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
      <bpmn:sequenceFlow id="f3" sourceRef="w" targetRef="w2" /><bpmn:task id="w2" /><bpmn:sequenceFlow id="f4" sourceRef="w2" targetRef="w" />`));
    expect(p.map((x) => [x.code, x.elementId])).toEqual([['LOOP_WITHOUT_WAIT', 't'], ['LOOP_WITHOUT_WAIT', 'w']]);
  });

  it('accepts loops with a user task or a real timer in them (review / reminder loops)', async () => {
    expect(await problems(bpmn(`<bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="gw" />
      <bpmn:exclusiveGateway id="gw" /><bpmn:sequenceFlow id="f1" sourceRef="gw" targetRef="svc" />
      <bpmn:serviceTask id="svc" camunda:type="external" camunda:topic="noop" />
      <bpmn:sequenceFlow id="f2" sourceRef="svc" targetRef="review" /><bpmn:userTask id="review" />
      <bpmn:sequenceFlow id="f3" sourceRef="review" targetRef="gw2" />
      <bpmn:exclusiveGateway id="gw2" default="f4" /><bpmn:sequenceFlow id="f4" sourceRef="gw2" targetRef="gw" />
      <bpmn:sequenceFlow id="f5" sourceRef="gw2" targetRef="wait"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${environment.variables.x}</bpmn:conditionExpression></bpmn:sequenceFlow>
      <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
      <bpmn:sequenceFlow id="f6" sourceRef="wait" targetRef="gw2" />`))).toEqual([]);
  });

  it('R/PT0S and R/PT1S boundary cycles (shorter than one minute)', async () => {
    for (const v of ['R/PT0S', 'R/PT1S', 'R5/PT30S', 'R/2026-01-01T00:00:00Z/PT0S']) {
      const p = await problems(bpmn(boundaryTimer('timeCycle', v, false)));
      expect(p, v).toEqual([expect.objectContaining({ code: 'TIMER_CYCLE_TOO_SHORT', elementId: 'tick' })]);
      expect(p[0].message).toContain('PT1M');
    }
    expect(await problems(bpmn(boundaryTimer('timeCycle', 'R3/PT1H', false)))).toEqual([]);
  });

  it('P100000Y and dates beyond year 9999 (or 100 years away)', async () => {
    for (const [kind, v] of [['timeDuration', 'P100000Y'], ['timeDuration', 'P200Y'], ['timeDate', '+100000-01-01T00:00:00Z'], ['timeDate', '2999-01-01T00:00:00Z'], ['timeCycle', 'R/P1000Y']]) {
      const p = await problems(bpmn(boundaryTimer(kind, v)));
      expect(p, v).toEqual([expect.objectContaining({ code: 'TIMER_OUT_OF_RANGE', elementId: 'tick' })]);
      expect(p[0].message).toMatch(/P30D/);
    }
    expect(await problems(bpmn(boundaryTimer('timeDuration', 'P30D')))).toEqual([]);
    expect(await problems(bpmn(boundaryTimer('timeDate', '2027-01-01T00:00:00+08:00')))).toEqual([]);
  });

  it('timerProblem leaves expressions to the runtime guard', () => {
    expect(timerProblem('timeCycle', '${environment.variables.decision.remind}')).toBeUndefined();
    expect(timerProblem('timeDuration', 'P99Y')).toBeUndefined();
  });
});
