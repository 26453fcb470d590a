import { describe, expect, it } from 'vitest';
import { createFormValidator, loadFormDefinition } from '../src/index';
import { corpusCases, corpusForms } from './corpus/corpus';

const LATIN = /[A-Za-z]/;

// A form that trips every keyword ajv can report, each field with a Chinese title.
const everyKeyword = loadFormDefinition({
  schema: {
    type: 'object',
    title: '测试',
    required: ['must'],
    additionalProperties: false,
    minProperties: 1,
    properties: {
      must: { type: 'string', title: '必填项' },
      text: { type: 'string', title: '文字', minLength: 3, maxLength: 4, pattern: '^[0-9]+$' },
      code: { type: 'string', title: '编号', format: 'uuid' },
      site: { type: 'string', title: '网址', format: 'uri' },
      ip: { type: 'string', title: '地址', format: 'ipv4' },
      at: { type: 'string', title: '时间', format: 'date-time' },
      num: { type: 'number', title: '数字', minimum: 1, maximum: 2, multipleOf: 0.5 },
      excl: { type: 'number', title: '比例', exclusiveMinimum: 0, exclusiveMaximum: 1 },
      int: { type: 'integer', title: '整数' },
      flag: { type: 'boolean', title: '是否' },
      list: { type: 'array', title: '列表', minItems: 2, maxItems: 3, uniqueItems: true, contains: { const: 'x' }, items: { type: 'string' } },
      few: { type: 'array', title: '至少两项', minItems: 2, items: { type: 'string' } },
      pair: { type: 'array', title: '一对', items: [{ type: 'string' }], additionalItems: false },
      pick: { type: 'string', title: '选项', enum: ['a', 'b'] },
      fixed: { title: '固定值', const: 'x' },
      either: { title: '任选', anyOf: [{ type: 'string' }, { type: 'number' }] },
      one: { title: '唯一', oneOf: [{ type: 'string' }, { type: 'string', minLength: 1 }] },
      never: { title: '不可', not: { type: 'string' } },
      nothing: false,
      map: { type: 'object', title: '映射', propertyNames: { pattern: '^[a-z]+$' }, maxProperties: 1, dependentRequired: { a: ['b'] } },
      agent: { type: 'string', title: '代理人' },
      agentPhone: { type: 'string', title: '代理人电话' },
    },
    dependencies: { agent: ['agentPhone'] },
  },
});

const bad = {
  text: 'ab',
  code: 'x',
  site: 'not a uri',
  ip: '999.1.1.1',
  at: 'today',
  num: 7.3,
  excl: 1,
  int: 1.5,
  flag: 'yes',
  list: ['a', 'a', 'b', 'c'],
  few: ['a'],
  pair: ['a', 'b'],
  pick: 'c',
  fixed: 'y',
  either: true,
  one: 'z',
  never: 's',
  nothing: 1,
  map: { A: 1, b: 2, a: 3 },
  agent: '赵六',
  extra: 1,
};

describe('messages', () => {
  it('zh-CN: every keyword ajv reports is worded without English', () => {
    const errors = createFormValidator().validate(everyKeyword, bad);
    const keywords = new Set(errors.map((e) => e.keyword));
    for (const k of ['required', 'additionalProperties', 'minLength', 'pattern', 'format', 'maximum', 'multipleOf', 'exclusiveMaximum', 'type', 'minItems', 'maxItems', 'uniqueItems', 'contains', 'additionalItems', 'enum', 'const', 'anyOf', 'oneOf', 'not', 'false schema', 'propertyNames', 'maxProperties', 'dependencies']) {
      expect(keywords, k).toContain(k);
    }
    for (const e of errors) expect(e.message, `${e.keyword}: ${e.message}`).not.toMatch(LATIN);
  });

  it('zh-CN: no message of the corpus contains English', () => {
    const forms = corpusForms();
    const validator = createFormValidator();
    const messages = corpusCases().flatMap((c) => validator.validate(forms.get(c.form)!, c.data).map((e) => e.message));
    expect(messages.length).toBeGreaterThan(50);
    for (const m of messages) expect(m).not.toMatch(LATIN);
  });

  it('zh-CN wording a clerk understands: the field by name, never the regex or the key', () => {
    const errors = createFormValidator().validate(everyKeyword, { must: 'x', text: 'abc' });
    expect(errors.find((e) => e.keyword === 'pattern')?.message).toBe('文字格式不正确');
    const missing = createFormValidator().validate(everyKeyword, {});
    expect(missing.find((e) => e.keyword === 'required')?.message).toBe('请填写必填项');
    const dep = createFormValidator().validate(everyKeyword, { must: 'x', agent: '赵六' });
    expect(dep.find((e) => e.keyword === 'dependencies')?.message).toBe('填写代理人时，请同时填写代理人电话');
  });

  it('en: every keyword gets an English message', () => {
    const errors = createFormValidator({ locale: 'en' }).validate(everyKeyword, bad);
    for (const e of errors) expect(e.message, e.keyword).toMatch(/^[\x20-\x7E\u4e00-\u9fff（）]+$/);
    expect(errors.find((e) => e.keyword === 'minLength')?.message).toBe('Enter at least 3 characters');
  });
});
