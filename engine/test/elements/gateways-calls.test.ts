// Call activities (a process of the same BPMN file) and inclusive gateways: a converging inclusive
// gateway is refused at deploy; optional branches in a sub-process join exactly — on both
// databases, the engine recovered from the store before every step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../support/databases';
import { elementBpmn, elementHarness, type ElementHarness } from '../support/elements';

describe.each(databaseTargets())('call activities and inclusive gateways on $name PostgreSQL', (target) => {
  let h: ElementHarness;
  beforeAll(async () => {
    h = await elementHarness(target);
    for (const f of ['call-activity', 'inclusive-sub']) await h.deploy(f);
  });
  afterAll(() => h?.close());

  it('a call activity runs the called process of the same file with its own tasks, then goes on', async () => {
    let c = await h.start('call-activity');
    expect(c.openTasks.map((t) => [t.elementId, t.name, t.candidateGroups])).toEqual([['checkFacts', '核实情况', ['township']]]);
    c = await h.complete(c, 'checkFacts', { found: '属实' });
    expect(h.open(c)).toEqual(['signOff']);
    c = await h.complete(c, 'signOff');
    expect(h.open(c)).toEqual(['after']);
    expect(c.variables.outputs).toMatchObject({ checkFacts: { found: '属实' } });
    c = await h.complete(c, 'after');
    expect(c.status).toBe('completed');
    expect(c.history.filter((e) => e.kind === 'task.created').map((e) => e.elementId)).toEqual(['checkFacts', 'signOff', 'after']);
  });

  it('a call activity to a process outside the file, or to an executable process, is refused at deploy with its id', async () => {
    const missing = await h.engine.deploy({ key: 'el/call-missing', bpmn: elementBpmn('call-activity-missing') }).catch((e) => e);
    expect(missing.code).toBe('BPMN_INVALID');
    expect(missing.details).toEqual([expect.objectContaining({ elementId: 'callVerify', code: 'UNSUPPORTED_ELEMENT' })]);
    expect(missing.details[0].message).toContain('内嵌子流程 (subProcess)');
    const executable = await h.engine.deploy({ key: 'el/call-exec', bpmn: elementBpmn('call-activity-executable') }).catch((e) => e);
    // (the file then also has two executable processes: MULTIPLE_PROCESSES names the second)
    expect(executable.details).toEqual(expect.arrayContaining([expect.objectContaining({ elementId: 'callVerify', code: 'CALLED_PROCESS_EXECUTABLE' })]));
  });

  it('a converging inclusive gateway is refused at deploy, with its id and what to use instead', async () => {
    const err = await h.engine.deploy({ key: 'el/inclusive-join', bpmn: elementBpmn('inclusive-join') }).catch((e) => e);
    expect(err.code).toBe('BPMN_INVALID');
    expect(err.details).toEqual([expect.objectContaining({ elementId: 'merge', code: 'UNSUPPORTED_INCLUSIVE_JOIN' })]);
    expect(err.details[0].message).toMatch(/并行网关.*内嵌子流程/);
  });

  for (const order of [['a', 'c'], ['c', 'a']]) {
    it(`inclusive split into 3, 2 activated, completed ${order.join(' then ')}: the rest runs exactly once`, async () => {
      let c = await h.start('inclusive-sub', { a: true, b: false, c: true });
      expect(h.open(c)).toEqual(['a', 'c']);
      c = await h.complete(c, order[0]);
      expect(h.open(c)).toEqual([order[1]]);
      c = await h.complete(c, order[1]);
      expect(h.open(c)).toEqual(['rest']);
      c = await h.complete(c, 'rest');
      expect(c.status).toBe('completed');
      expect(c.tasks.filter((t) => t.elementId === 'rest')).toHaveLength(1);
      expect(c.tasks.some((t) => t.elementId === 'b')).toBe(false);
    });
  }

  it('inclusive split with one branch activated: the rest runs once after it', async () => {
    let c = await h.start('inclusive-sub', { b: true });
    expect(h.open(c)).toEqual(['b']);
    c = await h.complete(c, 'b');
    expect(h.open(c)).toEqual(['rest']);
  });
});
