// The form designer's edits: given the Longxi feedback form, adding, changing, moving and removing
// fields gives forms the forms package accepts, and leaves what the designer does not model alone.
import { describe, expect, it } from 'vitest';
import { loadFormDefinition, type FormDefinition } from '@yizhan/forms';
import feedback from '../../processes/longxi/forms/feedback.json';
import { fieldOrder, freshKey, keyProblem, listFields, moveField, putField, removeField } from '../src/forms/field-model';
import { textToValue, valueToText } from '../src/rules/value-text';

const form = feedback as unknown as FormDefinition;

describe('given the feedback form', () => {
  it('lists its fields in display order with kinds and required marks', () => {
    const fields = listFields(form);
    expect(fields.map((f) => f.key)).toEqual(fieldOrder(form));
    expect(fields.find((f) => f.key === 'method')).toMatchObject({ kind: 'choice', required: true });
    expect(fields.find((f) => f.key === 'method')?.options?.[0]).toEqual({ value: 'phone', label: '电话' });
  });

  it('when a required text field is added, it is last, required, and the form still loads', () => {
    const next = putField(form, { key: 'visitNote', title: '回访记录', kind: 'textarea', required: true });
    expect(fieldOrder(next).at(-1)).toBe('visitNote');
    expect(next.schema.required).toContain('visitNote');
    expect((next.uiSchema as Record<string, unknown>).visitNote).toEqual({ 'ui:widget': 'textarea' });
    expect(() => loadFormDefinition(next)).not.toThrow();
  });

  it('when a field is renamed and retyped, it keeps its place and its other settings', () => {
    const [first] = listFields(form);
    const next = putField(form, { ...first, key: 'contactWay', kind: 'choice', options: [{ value: 'a', label: '甲' }] }, first.key);
    expect(fieldOrder(next)[0]).toBe('contactWay');
    expect(next.schema.properties?.[first.key]).toBeUndefined();
    expect(next.schema.required).toContain('contactWay');
    expect(() => loadFormDefinition(next)).not.toThrow();
  });

  it('moves fields up and down and removes them everywhere', () => {
    const [a, b] = fieldOrder(form);
    expect(fieldOrder(moveField(form, b, -1)).slice(0, 2)).toEqual([b, a]);
    expect(moveField(form, a, -1)).toBe(form);
    const removed = removeField(form, a);
    expect(fieldOrder(removed)).not.toContain(a);
    expect(removed.schema.required ?? []).not.toContain(a);
    expect(() => loadFormDefinition(removed)).not.toThrow();
    expect(freshKey(form)).toBe('field1');
  });
});

describe('values as text in the rules editor', () => {
  it('round trip exactly, strings that look like JSON included', () => {
    for (const v of ['劳资纠纷', '1', 'true', '[1]', 1, 0.5, true, false, null, ['a', 'b'], { fact: 'x' }, '']) {
      expect(textToValue(valueToText(v))).toStrictEqual(v);
    }
  });
});

describe('keyProblem: why a field id cannot be used, and an ASCII id to use instead', () => {
  it('explains a Chinese id in Chinese and proposes the next free fieldN', () => {
    const p = keyProblem('金额', ['field1', 'amount']);
    expect(p?.message).toContain('不能含中文');
    expect(p?.suggestion).toBe('field2');
  });
  it('explains a bad start, a taken id and an empty one; accepts a good or unchanged id', () => {
    expect(keyProblem('1amount', [])?.message).toContain('须以英文字母或下划线开头');
    expect(keyProblem('amount', ['amount'])?.message).toContain('已被');
    expect(keyProblem('amount', ['amount'], 'amount')).toBeUndefined();
    expect(keyProblem('', [])?.suggestion).toBe('field1');
    expect(keyProblem('party_count', [])).toBeUndefined();
  });
});
