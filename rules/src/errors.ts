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
export class RuleSetInvalidError extends Error {
  readonly code = 'RULESET_INVALID';
  readonly details: RuleProblem[];

  constructor(details: RuleProblem[], message = `规则集无效：${details.map((d) => `${d.pointer || '/'} ${d.message}`).join('；')}`) {
    super(message);
    this.name = 'RuleSetInvalidError';
    this.details = details;
  }
}

/** Hit policy UNIQUE: more than one rule matched the same case. */
export class RuleConflictError extends Error {
  readonly code = 'RULE_CONFLICT';
  readonly details: RuleProblem[];

  constructor(details: RuleProblem[], message: string) {
    super(message);
    this.name = 'RuleConflictError';
    this.details = details;
  }
}
