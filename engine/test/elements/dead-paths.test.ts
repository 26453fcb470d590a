// Parallel joins after decisions. bpmn-elements lets a skipped branch reach a parallel join as a
// discard; where a decision's taken and skipped paths reach the join through the same incoming
// flow (an optional step merged before the join, a return inside a branch) the join would go on
// early, so the deploy refuses it, naming the decision and the join; the same branch drawn as an
// embedded sub-process waits exactly. Discards are passed on only where a join waits for them (a
// process without joins does not walk its untaken paths at every step). On both databases, the
// engine recovered from the store before every step.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileDefinition, validateBpmn } from '../../src/bpmn/definition';
import { markDeadEnds } from '../../src/bpmn/dead-paths';
import { databaseTargets } from '../support/databases';
import { elementBpmn, elementHarness, type ElementHarness } from '../support/elements';

describe.each(databaseTargets())('parallel joins after decisions on $name PostgreSQL', (target) => {
  let h: ElementHarness;
  beforeAll(async () => {
    h = await elementHarness(target);
    await h.deploy('join-branch-sub');
  });
  afterAll(() => h?.close());

  for (const [fixture, decision, join] of [['join-optional', 'x', 'join'], ['join-loop', 'check', 'join']]) {
    it(`${fixture}: a decision whose paths meet again before the join is refused at deploy, with the sub-process to draw instead`, async () => {
      const err = await h.engine.deploy({ key: `el/${fixture}`, bpmn: elementBpmn(fixture) }).catch((e) => e);
      expect(err.code).toBe('BPMN_INVALID');
      expect(err.details).toEqual([expect.objectContaining({ elementId: decision, code: 'JOIN_AFTER_DECISION' })]);
      expect(err.details[0].message).toContain(join);
      expect(err.details[0].message).toMatch(/内嵌子流程/);
    });
  }

  it('the branch as a sub-process, skipped: the join waits for the other branch, and what follows runs once', async () => {
    let c = await h.start('join-branch-sub', { skip: true });
    expect(h.open(c)).toEqual(['a']);
    c = await h.complete(c, 'a');
    expect(h.open(c)).toEqual(['after']);
    c = await h.complete(c, 'after');
    expect(c.status).toBe('completed');
    expect(c.tasks.map((t) => t.elementId).sort()).toEqual(['a', 'after']);
  });

  for (const order of [['a', 'b!', 'b'], ['b!', 'a', 'b'], ['b!', 'b', 'a'], ['b', 'a']]) {
    it(`the branch as a sub-process, returned and done in the order ${order.join(' ')}: the join waits for both`, async () => {
      let c = await h.start('join-branch-sub', { skip: false });
      expect(h.open(c)).toEqual(['a', 'b']);
      for (const [i, step] of order.entries()) {
        expect(h.open(c)).not.toContain('after');
        c = await h.complete(c, step.replace('!', ''), { again: step.endsWith('!') });
        if (i < order.length - 1) expect(h.open(c)).not.toContain('after');
      }
      expect(h.open(c)).toEqual(['after']);
      c = await h.complete(c, 'after');
      expect(c.status).toBe('completed');
      expect(c.tasks.filter((t) => t.elementId === 'after')).toHaveLength(1);
    });
  }
});

describe('which flows pass a discard on', () => {
  const marked = async (bpmn: string, handlers: string[] = []) => {
    const ctx = JSON.parse((await compileDefinition(bpmn, handlers)).sourceContext) as { sequenceFlows: { id: string; sourceId: string; targetId: string; behaviour: Record<string, unknown> }[] };
    markDeadEnds(ctx);
    return { all: ctx.sequenceFlows.length, dead: ctx.sequenceFlows.filter((f) => f.behaviour['yizhan:deadEnd']).map((f) => f.id).sort() };
  };

  it('those on a path to a parallel join pass it on; the ones after it and inside a sub-process drop it', async () => {
    expect((await marked(elementBpmn('join-branch-sub'))).dead).toEqual(['accepted', 'again', 'fromB', 's0', 'skipB', 'toAfter', 'toB', 'toEnd', 'toSubEnd']);
  });

  it('a county process drawn with exclusive gateways, returns and boundary timers drops every discard', async () => {
    const bpmn = readFileSync(new URL('../../../processes/longxi/dispute.bpmn', import.meta.url), 'utf8');
    const { all, dead } = await marked(bpmn, ['route', 'evaluation', 'assess']);
    expect(all).toBeGreaterThan(40);
    expect(dead).toHaveLength(all);
  });
});

describe('the join check on a hostile definition', () => {
  it('a chain of thousands of decisions before a join is refused once the check has spent its budget, not walked for minutes', async () => {
    const n = 3000;
    let xml = '<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="t">'
      + '<bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f0" sourceRef="s" targetRef="split"/><bpmn:parallelGateway id="split"/>'
      + '<bpmn:sequenceFlow id="fa" sourceRef="split" targetRef="g0"/><bpmn:sequenceFlow id="fb" sourceRef="split" targetRef="J"/>';
    for (let i = 0; i < n; i++) {
      const next = i + 1 < n ? `g${i + 1}` : 'J';
      xml += `<bpmn:exclusiveGateway id="g${i}" default="a${i}"/><bpmn:sequenceFlow id="a${i}" sourceRef="g${i}" targetRef="${next}"/>`
        + `<bpmn:sequenceFlow id="b${i}" sourceRef="g${i}" targetRef="${next}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">\${environment.variables.data.x}</bpmn:conditionExpression></bpmn:sequenceFlow>`;
    }
    xml += '<bpmn:parallelGateway id="J"/><bpmn:sequenceFlow id="fe" sourceRef="J" targetRef="e"/><bpmn:endEvent id="e"/></bpmn:process></bpmn:definitions>';
    const problems = await validateBpmn(xml, []);
    expect(problems[0]).toMatchObject({ elementId: 'g0', code: 'JOIN_AFTER_DECISION' });
    expect(problems.filter((p) => p.code === 'JOIN_CHECK_TOO_LARGE')).toHaveLength(1);
    expect(problems.find((p) => p.code === 'JOIN_CHECK_TOO_LARGE')?.message).toMatch(/内嵌子流程/);
  });
});
