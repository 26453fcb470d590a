// The README example: load the intake form and validate what a clerk submitted, as the server does.
import { createFormValidator, loadFormDefinition, type FieldError } from '@yizhan/forms';
import dispute from './dispute-intake.json';

const intakeForm = loadFormDefinition(dispute); // throws FormDefinitionInvalidError on a broken form
const validator = createFormValidator(); // zh-CN messages; { locale: 'en' } for English

export function checkIntake(data: unknown): FieldError[] {
  return validator.validate(intakeForm, data);
}

export const submitted = {
  partyName: '张三',
  idNumber: '621122198001010014', // wrong check digit
  mobile: '13912345678',
  disputeType: 'labour', // 劳资纠纷: needs 用人单位 and 拖欠金额
  location: '621122100',
  claim: '要求支付拖欠的工资',
};
