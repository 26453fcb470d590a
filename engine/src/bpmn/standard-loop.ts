// Standard loops (bpmn:standardLoopCharacteristics) with the BPMN meaning of `loopCondition`: the
// activity is repeated while the condition is true (tested after each pass, or before each with
// testBefore). bpmn-elements reads the same condition the other way round (it stops once the
// condition is true), so this wraps its loop and turns the loop condition's answer over.
// `loopMaximum` caps the passes.
import * as Elements from 'bpmn-elements';

/* eslint-disable @typescript-eslint/no-explicit-any -- bpmn-elements' loop objects are untyped */

interface Characteristics {
  startCondition?: string;
  completionCondition?: string;
  isStartConditionMet(message: unknown): boolean;
  isCompletionConditionMet(message: unknown, output?: unknown): boolean;
}

/** Set on an activity by the case execution: records a finished pass's data before the loop condition is read. */
export const ITERATION_HOOK = Symbol.for('yizhan.loop-iteration');

export function BpmnStandardLoopCharacteristics(activity: unknown, loopCharacteristics: { behaviour?: Record<string, unknown> }): unknown {
  const loopCondition = loopCharacteristics.behaviour?.loopCondition as string | undefined;
  const loop = new (Elements as any).StandardLoopCharacteristics(activity, loopCharacteristics);
  let current: Characteristics | null = loop.characteristics ?? null;
  // bpmn-elements builds its characteristics on the first execute; each is turned over once, as it is set
  Object.defineProperty(loop, 'characteristics', {
    configurable: true,
    enumerable: true,
    get: () => current,
    set: (chr: Characteristics | null) => {
      if (chr && chr !== current && loopCondition) turnOver(chr, loopCondition, (message) => (activity as any)[ITERATION_HOOK]?.(message));
      current = chr;
    },
  });
  // bpmn-elements never completes a loop whose start condition stops it before the first pass
  // (testBefore with a false condition): the activity would wait forever. Complete it here.
  const execute = loop.execute.bind(loop);
  loop.execute = (executeMessage: any) => {
    const started = execute(executeMessage);
    const redelivered = executeMessage?.fields?.redelivered;
    if (started === undefined && !redelivered && current && stoppedBeforeFirst.has(current)) completeUnstarted(current, executeMessage);
    return started;
  };
  return loop;
}

const stoppedBeforeFirst = new WeakSet<object>();

function completeUnstarted(chr: any, executeMessage: any): void {
  stoppedBeforeFirst.delete(chr);
  chr.complete(executeMessage.content);
}

function turnOver(chr: Characteristics, loopCondition: string, passed: (message: any) => void): void {
  if (chr.startCondition === loopCondition) {
    const met = chr.isStartConditionMet.bind(chr);
    chr.isStartConditionMet = (message: any) => {
      const stop = !truthy(met(message));
      if (stop && message?.content?.index === 0) stoppedBeforeFirst.add(chr);
      return stop;
    };
  }
  // read after every pass (also with testBefore, before the next pass's start condition)
  const completed = chr.isCompletionConditionMet.bind(chr);
  const negate = chr.completionCondition === loopCondition;
  chr.isCompletionConditionMet = (message, output) => {
    passed(message);
    const met = completed(message, output);
    return negate ? !truthy(met) : met;
  };
}

function truthy(v: unknown): boolean {
  return v === true || v === 'true';
}
