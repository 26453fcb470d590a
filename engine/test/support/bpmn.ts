// A process around a BPMN fragment, and the problems deploy-time validation reports for it.
import { expect } from 'vitest';
import { compileDefinition } from '../../src/bpmn/definition';

/** A definitions document with one executable process `p` that starts at `start` and holds `body`. */
export function bpmn(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="start" />
    ${body}
  </bpmn:process>
</bpmn:definitions>`;
}

/** The BPMN_INVALID details of compiling `xml` with these handler topics; [] when it compiles. */
export async function problems(xml: string, handlers: string[] = ['route']) {
  try {
    await compileDefinition(xml, handlers);
    return [];
  } catch (err) {
    const e = err as { code: string; details: { elementId: string; code: string; message: string }[] };
    expect(e.code).toBe('BPMN_INVALID');
    return e.details;
  }
}
