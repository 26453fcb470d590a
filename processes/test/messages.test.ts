// Pack validation of messages: a catching event's `formKey` must name a pack form, a scenario's
// message / signal step must name one the process catches, and the step schema takes them.
import { describe, expect, it } from 'vitest';
import { loadPackDir, validatePack, type PackBundle } from '../src';

const MINI = new URL('./fixtures/mini/', import.meta.url).pathname;

/** The mini pack with a 撤回 boundary message on `handle` whose form is `formKey`. */
async function withWithdrawal(formKey: string): Promise<PackBundle> {
  const bundle = await loadPackDir(MINI);
  const xml = bundle.bpmn['dispute.bpmn'];
  bundle.bpmn['dispute.bpmn'] = xml
    .replace('<bpmn:process ', '<bpmn:message id="Msg_withdraw" name="撤回" />\n  <bpmn:process ')
    .replace('</bpmn:process>', `<bpmn:boundaryEvent id="withdrawn" name="撤回" attachedToRef="handle">
      <bpmn:extensionElements><camunda:properties><camunda:property name="formKey" value="${formKey}" /></camunda:properties></bpmn:extensionElements>
      <bpmn:messageEventDefinition messageRef="Msg_withdraw" />
    </bpmn:boundaryEvent>
  </bpmn:process>`);
  return bundle;
}

const codes = (problems: { code: string }[]) => problems.map((p) => p.code);

describe('messages in packs', () => {
  it('reports a message form that does not exist, with the element', async () => {
    const problems = await validatePack(await withWithdrawal('withdrawal'));
    expect(problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: 'FORM_MISSING', file: 'dispute.bpmn', elementId: 'withdrawn', message: expect.stringContaining('「撤回」') }),
    ]));
    expect(codes(await validatePack(await withWithdrawal('feedback')))).not.toContain('FORM_MISSING');
  });

  it('checks a scenario\'s message / signal steps: the schema takes them, a name nobody catches is UNKNOWN_MESSAGE', async () => {
    const bundle = await withWithdrawal('feedback');
    const base = bundle.scenarios.labour;
    bundle.scenarios.labour = { ...base, steps: [...(base.steps ?? []).slice(0, 1), { message: '撤回', as: 'clerk', payload: { message: '已和解' } }, { signal: '台风预警', as: 'clerk' }] };
    const problems = await validatePack(bundle);
    expect(codes(problems)).not.toContain('SCENARIO_SCHEMA');
    expect(problems.filter((p) => p.code === 'UNKNOWN_MESSAGE')).toEqual([
      expect.objectContaining({ file: 'scenarios/labour.json', pointer: '/steps/2/signal', message: expect.stringContaining('台风预警') }),
    ]);

    // a step that both delivers a message and completes a task is not one action
    bundle.scenarios.labour = { ...base, steps: [{ message: '撤回', complete: 'handle' } as never] };
    expect(codes(await validatePack(bundle))).toContain('SCENARIO_SCHEMA');
  });
});
