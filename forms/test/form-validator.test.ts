import { describe, expect, it } from 'vitest';
import dispute from '../examples/dispute-intake.json';
import { createFormValidator, FormDefinitionInvalidError, FormInvalidError, loadFormDefinition, type FormDefinition } from '../src/index';

const intake = loadFormDefinition(dispute);
const valid = {
  partyName: '张三',
  idNumber: '621122198001010013',
  mobile: '13912345678',
  disputeType: 'labour',
  employer: '陇西县某建筑公司',
  amountOwed: 3200,
  location: '621122100',
  claim: '要求支付拖欠工资',
};

describe('validating submitted form data', () => {
  it('given a complete labour dispute, finds nothing wrong', () => {
    expect(createFormValidator().validate(intake, valid)).toEqual([]);
  });

  it('given a labour dispute without employer, reports it at /employer in Chinese, without the extra if error', () => {
    const { employer: _employer, ...rest } = valid;
    expect(createFormValidator().validate(intake, rest)).toEqual([
      { field: '/employer', keyword: 'required', message: '请填写用人单位', params: { missingProperty: 'employer' } },
    ]);
  });

  it('speaks English when asked', () => {
    const errors = createFormValidator({ locale: 'en' }).validate(intake, { ...valid, idNumber: '621122198001010014', mobile: undefined });
    expect(errors.map((e) => e.message).sort()).toEqual(['Enter a valid 18-digit resident ID number', '手机 is required'].sort());
  });

  it('prefers ui:title over the schema title in messages', () => {
    const def = loadFormDefinition({ schema: { type: 'object', required: ['n'], properties: { n: { type: 'string', title: '姓名' } } }, uiSchema: { n: { 'ui:title': '申请人姓名' } } });
    expect(createFormValidator().validate(def, {})[0].message).toBe('请填写申请人姓名');
  });

  it('escapes property names in pointers', () => {
    const def = loadFormDefinition({ schema: { type: 'object', required: ['a/b'], properties: { 'a/b': { type: 'string' } } } });
    expect(createFormValidator().validate(def, {})[0]).toMatchObject({ field: '/a~1b', message: '请填写此项' });
  });

  it('treats undefined values like absent ones (data is JSON on the wire)', () => {
    expect(createFormValidator().validate(intake, { ...valid, landline: undefined })).toEqual([]);
  });

  it('validates data as the JSON it becomes on the wire, like the form', () => {
    const def = loadFormDefinition({ schema: { type: 'object', properties: { n: { type: 'number', title: '人数' } } } });
    expect(createFormValidator().validate(def, { n: Number.NaN }).map((e) => e.keyword)).toEqual(['type']);
  });

  it('assertValid throws FormInvalidError with the field errors', () => {
    const validator = createFormValidator();
    expect(() => validator.assertValid(intake, valid)).not.toThrow();
    try {
      validator.assertValid(intake, { ...valid, mobile: '123' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(FormInvalidError);
      expect((err as FormInvalidError).code).toBe('FORM_INVALID');
      expect((err as FormInvalidError).details.map((d) => d.field)).toEqual(['/mobile']);
    }
  });

  it('validates many forms with one validator, including forms with the same $id', () => {
    const validator = createFormValidator();
    const a: FormDefinition = { schema: { $id: 'form-a', type: 'object', required: ['x'], properties: { x: { type: 'string' } } } };
    expect(validator.validate(a, {})).toHaveLength(1);
    expect(validator.validate(a, { x: 'y' })).toHaveLength(0);
    expect(validator.validate({ schema: { ...a.schema } }, { x: 'y' })).toHaveLength(0);
  });

  it('reports an uncompilable schema passed without loading as FormDefinitionInvalidError', () => {
    const broken: FormDefinition = { schema: { type: 'object', properties: { a: { $ref: '#/nowhere' } } } };
    expect(() => createFormValidator().validate(broken, {})).toThrow(FormDefinitionInvalidError);
  });
});
