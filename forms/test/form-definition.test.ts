import { describe, expect, it } from 'vitest';
import dispute from '../examples/dispute-intake.json';
import { FormDefinitionInvalidError, loadFormDefinition } from '../src/index';

function problems(json: unknown, widgets?: string[]): { pointer: string; message: string }[] {
  try {
    loadFormDefinition(json, { widgets });
  } catch (err) {
    expect(err).toBeInstanceOf(FormDefinitionInvalidError);
    expect((err as FormDefinitionInvalidError).code).toBe('FORM_DEFINITION_INVALID');
    return (err as FormDefinitionInvalidError).details;
  }
  throw new Error('expected the definition to be rejected');
}

const field = { type: 'object', properties: { name: { type: 'string', title: '姓名' } } };

describe('loading a form definition', () => {
  it('accepts the example intake form, including uiSchema keys inside its if/then branch', () => {
    const def = loadFormDefinition(dispute);
    expect(def.schema.title).toBe('矛盾纠纷登记');
    expect(def.uiSchema?.employerCode).toBeDefined();
  });

  it('rejects what is not an object or has no schema', () => {
    expect(problems(null)).toEqual([{ pointer: '', message: expect.stringContaining('对象') }]);
    expect(problems({ uiSchema: {} }).map((p) => p.pointer)).toEqual(['/schema']);
    expect(problems({ schema: field, ui: {} }).map((p) => p.pointer)).toEqual(['/ui']);
  });

  it('requires an object root', () => {
    expect(problems({ schema: { type: 'string' } }).map((p) => p.pointer)).toEqual(['/schema/type']);
  });

  it('rejects a schema that is not valid JSON Schema, with a pointer to the keyword', () => {
    const found = problems({ schema: { type: 'object', properties: { age: { type: 'integer', minimum: 'zero' } } } });
    expect(found.map((p) => p.pointer)).toEqual(['/schema/properties/age/minimum']);
  });

  it('rejects a schema that does not compile (unresolved $ref)', () => {
    const found = problems({ schema: { type: 'object', properties: { a: { $ref: '#/definitions/missing' } } } });
    expect(found).toEqual([{ pointer: '/schema', message: expect.stringContaining('missing') }]);
  });

  it('rejects a schema written for a draft our ajv does not speak', () => {
    const found = problems({ schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' } });
    expect(found.map((p) => p.pointer)).toEqual(['/schema']);
  });

  it('rejects unknown formats instead of silently ignoring them', () => {
    const found = problems({ schema: { type: 'object', properties: { id: { type: 'string', format: 'cn-idcard' } } } });
    expect(found).toEqual([{ pointer: '/schema/properties/id/format', message: '未知的格式“cn-idcard”' }]);
  });

  it('rejects uiSchema keys that name no field, at any depth', () => {
    const schema = { type: 'object', properties: { person: { type: 'object', properties: { name: { type: 'string' } } }, tags: { type: 'array', items: { type: 'object', properties: { label: { type: 'string' } } } } } };
    const found = problems({ schema, uiSchema: { nmae: {}, person: { name: {}, age: {} }, tags: { items: { label: {}, colour: {} } } } });
    expect(found.map((p) => p.pointer)).toEqual(['/uiSchema/nmae', '/uiSchema/person/age', '/uiSchema/tags/items/colour']);
  });

  it('follows $ref, dependencies and allOf when looking for fields', () => {
    const schema = {
      type: 'object',
      definitions: { person: { type: 'object', properties: { name: { type: 'string' } } } },
      properties: { applicant: { $ref: '#/definitions/person' }, hasAgent: { type: 'boolean' } },
      dependencies: { hasAgent: { properties: { agent: { type: 'string' } } } },
      allOf: [{ if: { properties: { hasAgent: { const: true } } }, then: { properties: { agentPhone: { type: 'string' } } } }],
    };
    expect(() => loadFormDefinition({ schema, uiSchema: { applicant: { name: {} }, agent: {}, agentPhone: {}, 'ui:order': ['applicant', '*'] } })).not.toThrow();
    expect(problems({ schema, uiSchema: { 'ui:order': ['applicant', 'ghost'] } }).map((p) => p.pointer)).toEqual(['/uiSchema/ui:order/1']);
  });

  it('rejects unknown widgets, and accepts ours, rjsf’s and ones the app registers', () => {
    const ui = (widget: string) => ({ schema: field, uiSchema: { name: { 'ui:widget': widget } } });
    for (const widget of ['org-unit', 'department', 'regions', 'attachments', 'textarea', 'select', 'TextWidget']) {
      expect(() => loadFormDefinition(ui(widget)), widget).not.toThrow();
    }
    expect(problems(ui('map-picker'))).toEqual([{ pointer: '/uiSchema/name/ui:widget', message: '未知的控件“map-picker”' }]);
    expect(() => loadFormDefinition(ui('map-picker'), { widgets: ['map-picker'] })).not.toThrow();
  });

  it('lists every problem at once', () => {
    const found = problems({ schema: { type: 'object', properties: { id: { type: 'string', format: 'nope' } } }, uiSchema: { x: {}, id: { 'ui:widget': 'nope' } } });
    expect(found).toHaveLength(3);
  });
});
