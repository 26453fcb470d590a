// Deploy-time checks of the elements the engine runs only in some forms, and of those it does not
// run: each refused with its element id and what to use instead (in Chinese).
import { describe, expect, it } from 'vitest';
import { bpmn, problems } from '../support/bpmn';

describe('deploy checks of BPMN elements', () => {
  it('accepts the element fixtures that run (waits, links, loops, call activity, inclusive split)', async () => {
    const ok = bpmn(`<bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="r" />
      <bpmn:receiveTask id="r" messageRef="m" />
      <bpmn:sequenceFlow id="f1" sourceRef="r" targetRef="t" />
      <bpmn:userTask id="t"><bpmn:standardLoopCharacteristics loopMaximum="3" /></bpmn:userTask>
      <bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="end" />
      <bpmn:endEvent id="end" />`).replace('<bpmn:process', '<bpmn:message id="m" name="reply" /><bpmn:process');
    expect(await problems(ok)).toEqual([]);
  });

  it('refuses a standard loop with neither loopCondition nor loopMaximum', async () => {
    const p = await problems(bpmn(`<bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="t" />
      <bpmn:userTask id="t"><bpmn:standardLoopCharacteristics /></bpmn:userTask>`));
    expect(p).toEqual([expect.objectContaining({ elementId: 't', code: 'UNBOUNDED_LOOP' })]);
  });

  it('refuses a loop closed through link events in which nothing waits', async () => {
    const p = await problems(bpmn(`<bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="back" />
      <bpmn:intermediateCatchEvent id="back"><bpmn:linkEventDefinition name="again" /></bpmn:intermediateCatchEvent>
      <bpmn:sequenceFlow id="f1" sourceRef="back" targetRef="gw" />
      <bpmn:exclusiveGateway id="gw" />
      <bpmn:sequenceFlow id="f2" sourceRef="gw" targetRef="jump" />
      <bpmn:intermediateThrowEvent id="jump"><bpmn:linkEventDefinition name="again" /></bpmn:intermediateThrowEvent>`));
    expect(p.map((x) => x.code)).toContain('LOOP_WITHOUT_WAIT');
  });

  it.each([
    ['<bpmn:sendTask id="x" />', '服务任务'],
    ['<bpmn:complexGateway id="x" />', '排他网关'],
    ['<bpmn:transaction id="x" />', '内嵌子流程'],
    ['<bpmn:intermediateCatchEvent id="x"><bpmn:conditionalEventDefinition /></bpmn:intermediateCatchEvent>', '排他网关'],
    ['<bpmn:subProcess id="x" triggeredByEvent="true"><bpmn:startEvent id="es"><bpmn:messageEventDefinition /></bpmn:startEvent></bpmn:subProcess>', '边界事件'],
  ])('refuses %s with its id and the alternative', async (element, alternative) => {
    const p = await problems(bpmn(`<bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="x" />${element}`));
    expect(p.map((x) => [x.elementId, x.code])).toEqual([['x', 'UNSUPPORTED_ELEMENT']]);
    expect(p[0].message).toContain(alternative);
  });

  it('refuses a start event with an event definition (a case is started by its intake)', async () => {
    const xml = bpmn('<bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="end" /><bpmn:endEvent id="end" />')
      .replace('<bpmn:startEvent id="start" />', '<bpmn:startEvent id="start"><bpmn:timerEventDefinition><bpmn:timeDuration>P1D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:startEvent>');
    const p = await problems(xml);
    expect(p.map((x) => [x.elementId, x.code])).toEqual([['start', 'UNSUPPORTED_ELEMENT']]);
    expect(p[0].message).toMatch(/普通开始事件/);
  });
});
