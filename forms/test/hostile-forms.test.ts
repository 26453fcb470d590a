// Hostile forms and hostile input (issue 11): catastrophic patterns, undeclared fields, and a new version of a
// form that keeps its `$id`.
import { describe, expect, it } from 'vitest';
import {
  createAjv,
  createFormValidator,
  declaredFields,
  FormDefinitionInvalidError,
  loadFormDefinition,
  validationSchema,
  type FormDefinition,
} from '../src/index';
import { createBrowserValidator } from '../src/react/browser-validator';

const evil: FormDefinition = {
  schema: {
    type: 'object',
    title: '恶意表单',
    properties: { code: { type: 'string', title: '编号', pattern: '^(a+)+$' } },
    patternProperties: { '^(x+x+)+y$': { type: 'string' } },
  },
};

describe('patterns run in linear time (RE2), on the server and in the browser', () => {
  // With JavaScript's backtracking RegExp, `^(a+)+$` against 30 a's and a "!" takes seconds to minutes
  // (doubling with each character); 5,000 characters would never finish. These run in milliseconds.
  const thirty = `${'a'.repeat(30)}!`;
  const long = `${'a'.repeat(5000)}!`;

  it('the server validator refuses a 30- and a 5,000-character non-matching value of ^(a+)+$', () => {
    const validator = createFormValidator();
    for (const code of [thirty, long]) {
      expect(validator.validate(evil, { code }).map((e) => [e.field, e.keyword])).toEqual([['/code', 'pattern']]);
    }
    expect(validator.validate(evil, { code: 'aaaa' })).toEqual([]);
  });

  it('the browser validator (rjsf validator-ajv8) does the same', () => {
    const browser = createBrowserValidator(evil);
    for (const code of [thirty, long]) {
      const { errors } = browser.validateFormData({ code }, evil.schema as never);
      expect(errors.map((e) => [e.property, e.name])).toEqual([['.code', 'pattern']]);
    }
  });

  it('patternProperties keys are RE2 too', () => {
    const ajv = createAjv();
    const validate = ajv.compile({ type: 'object', patternProperties: { '^(x+x+)+y$': { type: 'number' } } });
    expect(validate({ [`${'x'.repeat(5000)}y`]: 'not a number' })).toBe(false);
    expect(validate({ [`${'x'.repeat(5000)}z`]: 'no match, no check' })).toBe(true);
  });

  it('keeps JavaScript pattern syntax clerks’ forms use (\\d, \\u escapes, classes, named groups)', () => {
    const validator = createFormValidator();
    const form: FormDefinition = {
      schema: {
        type: 'object',
        properties: {
          name: { type: 'string', pattern: '^[\\u4e00-\\u9fa5]{2,10}$' },
          caseNo: { type: 'string', pattern: '^(?<county>LX|GH)\\d{6}$' },
        },
      },
    };
    expect(validator.validate(form, { name: '张三', caseNo: 'LX123456' })).toEqual([]);
    expect(validator.validate(form, { name: 'Zhang', caseNo: 'LX12345' }).map((e) => e.field)).toEqual(['/name', '/caseNo']);
  });

  it('refuses, when a form is loaded (pack validation, deploy), a pattern RE2 cannot run — naming form and field', () => {
    const problems = (json: unknown) => {
      try {
        loadFormDefinition(json);
        return [];
      } catch (err) {
        expect(err).toBeInstanceOf(FormDefinitionInvalidError);
        return (err as FormDefinitionInvalidError).details;
      }
    };
    const found = problems({
      schema: {
        type: 'object',
        title: '回访表',
        properties: {
          repeated: { type: 'string', title: '重复码', pattern: '^(ab)\\1$' },
          ahead: { type: 'string', pattern: '^(?=.*\\d)\\w+$' },
          nested: { type: 'array', items: { type: 'object', properties: { tag: { type: 'string', pattern: '(?<!x)y' } } } },
        },
      },
    });
    expect(found.map((p) => [p.pointer, p.code])).toEqual([
      ['/schema/properties/repeated/pattern', 'FORM_PATTERN_UNSUPPORTED'],
      ['/schema/properties/ahead/pattern', 'FORM_PATTERN_UNSUPPORTED'],
      ['/schema/properties/nested/items/properties/tag/pattern', 'FORM_PATTERN_UNSUPPORTED'],
    ]);
    expect(found[0].message).toContain('表单“回访表”字段“重复码”');
    expect(found[1].message).toContain('字段“ahead”');
    expect(found[2].message).toContain('字段“tag”');
    for (const p of found) expect(p.message).toMatch(/不受支持/);
    expect(problems(evil)).toEqual([]); // catastrophic for JavaScript, harmless for RE2
  });
});

describe('forms are closed by default: undeclared fields are an error on that field', () => {
  const feedback: FormDefinition = {
    schema: {
      type: 'object',
      required: ['feedback'],
      properties: { feedback: { type: 'string', title: '反馈意见' } },
      if: { required: ['feedback'], properties: { feedback: { const: '需复查' } } },
      then: { properties: { reviewDate: { type: 'string', format: 'date', title: '复查日期' } } },
    },
  };

  it('declared fields include those of conditional branches', () => {
    expect(declaredFields(feedback.schema)).toEqual(['feedback', 'reviewDate']);
  });

  it('refuses result: "success" slipped into a feedback form — server and browser alike', () => {
    const data = { feedback: '已反馈当事人', result: 'success' };
    const server = createFormValidator().validate(feedback, data);
    expect(server).toEqual([
      { field: '/result', keyword: 'additionalProperties', message: '表单中没有此项，不能填写', params: { additionalProperty: 'result' } },
    ]);
    const browser = createBrowserValidator(feedback).validateFormData(data, validationSchema(feedback.schema) as never);
    expect(browser.errors.map((e) => [e.property, e.name, e.message])).toEqual([['.result', 'additionalProperties', '表单中没有此项，不能填写']]);
  });

  it('accepts every declared field, conditional ones included', () => {
    expect(createFormValidator().validate(feedback, { feedback: '需复查', reviewDate: '2024-06-01' })).toEqual([]);
  });

  it('a form without fields accepts no field', () => {
    const empty: FormDefinition = { schema: { type: 'object' } };
    expect(createFormValidator().validate(empty, {})).toEqual([]);
    expect(createFormValidator().validate(empty, { result: 'success' }).map((e) => [e.field, e.keyword])).toEqual([['/result', 'additionalProperties']]);
  });

  it('a form opts out with additionalProperties: true', () => {
    const open: FormDefinition = { schema: { ...feedback.schema, additionalProperties: true } };
    expect(createFormValidator().validate(open, { feedback: 'x', anything: 1 })).toEqual([]);
  });
});

describe('compiled validators are cached by schema content, not $id', () => {
  it('enforces v2 of a form that keeps the $id of v1', () => {
    const validator = createFormValidator();
    const v1: FormDefinition = { schema: { $id: 'feedback', type: 'object', properties: { note: { type: 'string', maxLength: 100 } } } };
    const v2: FormDefinition = { schema: { $id: 'feedback', type: 'object', required: ['note'], properties: { note: { type: 'string', maxLength: 5 } } } };
    expect(validator.validate(v1, { note: '这是一条较长的反馈意见' })).toEqual([]);
    expect(validator.validate(v2, { note: '这是一条较长的反馈意见' }).map((e) => e.keyword)).toEqual(['maxLength']);
    expect(validator.validate(v2, {}).map((e) => e.keyword)).toEqual(['required']);
    // …and v1 (cases still running on it) keeps its own rules.
    expect(validator.validate(v1, {})).toEqual([]);
    // The same content in a new object is the same validator.
    expect(validator.validate({ schema: structuredClone(v2.schema) }, {}).map((e) => e.keyword)).toEqual(['required']);
  });
});
