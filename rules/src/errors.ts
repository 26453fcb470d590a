import { YizhanError } from '@yizhan/errors';

/** One problem found in a rule set (or its org model), located by a JSON pointer into the file. */
export interface RuleProblem {
  /** JSON pointer into the rule-set file, e.g. `/rules/2/conditions/all/0/operator`. */
  pointer: string;
  /** What is wrong, in Chinese, for the administrator. */
  message: string;
  /** Stable machine code, e.g. `UNKNOWN_OPERATOR`. */
  code: string;
}

/** The rule-set file does not match the format (schema, duplicate names …). */
export class RuleSetInvalidError extends YizhanError<RuleProblem> {
  declare readonly code: 'RULESET_INVALID';

  constructor(details: RuleProblem[], message = `规则集无效：${details.map((d) => `${d.pointer || '/'} ${d.message}`).join('；')}`) {
    super('RULESET_INVALID', message, details);
  }
}

/** Hit policy UNIQUE: more than one rule matched the same case. */
export class RuleConflictError extends YizhanError<RuleProblem> {
  declare readonly code: 'RULE_CONFLICT';

  constructor(details: RuleProblem[], message: string) {
    super('RULE_CONFLICT', message, details);
  }
}
