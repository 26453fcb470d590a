// The JSON Schemas of the pack files (processes/schema/), compiled once with the forms' ajv so
// the files are checked exactly as documented.
import { createAjv } from '@yizhan/forms';
import packSchema from '../schema/pack.schema.json' with { type: 'json' };
import scenarioSchema from '../schema/scenario.schema.json' with { type: 'json' };
import assessmentSchema from '../schema/assessment.schema.json' with { type: 'json' };

export type SchemaName = 'pack' | 'scenario' | 'assessment';

type ValidateFunction = ReturnType<ReturnType<typeof createAjv>['compile']>;
type ErrorObject = NonNullable<ValidateFunction['errors']>[number];

const sources: Record<SchemaName, object> = { pack: packSchema, scenario: scenarioSchema, assessment: assessmentSchema };
const compiled = new Map<SchemaName, ValidateFunction>();

export interface SchemaError {
  pointer: string;
  message: string;
}

export function checkSchema(name: SchemaName, value: unknown): SchemaError[] {
  let validate = compiled.get(name);
  if (!validate) {
    validate = createAjv().compile(sources[name]);
    compiled.set(name, validate);
  }
  if (validate(value)) return [];
  return simplify(validate.errors ?? []).map((e) => ({ pointer: e.instancePath, message: wording(e) }));
}

/** Drops the noise of `oneOf` branches when a more specific error exists at the same place. */
function simplify(errors: ErrorObject[]): ErrorObject[] {
  const specific = errors.filter((e) => !['oneOf', 'not', 'if', 'anyOf'].includes(e.keyword) && !e.schemaPath.includes('/oneOf/'));
  const oneOf = errors.filter((e) => e.keyword === 'oneOf' && !specific.some((s) => s.instancePath.startsWith(e.instancePath)));
  const seen = new Set<string>();
  return [...specific, ...oneOf].filter((e) => {
    const key = `${e.instancePath}|${wording(e)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface StepBranch { required: string[]; not: { anyOf: { required: string[] }[] } }
const STEP_BRANCHES = (scenarioSchema as unknown as { definitions: { step: { oneOf: StepBranch[] } } }).definitions.step.oneOf;
/** The action keys of a scenario step (`complete`, `suspend` …, `expect` for a check-only step). */
const STEP_ACTIONS = STEP_BRANCHES.map((b) => b.required[0]).filter((k) => k !== 'expect');

/**
 * Why a scenario step matches no step shape of the schema, from the schema's own branches: two
 * actions, none, a required field missing or a field of another step. Undefined when it does.
 */
export function explainStep(step: unknown): string | undefined {
  if (!step || typeof step !== 'object' || Array.isArray(step)) return undefined;
  const keys = Object.keys(step);
  const actions = STEP_ACTIONS.filter((a) => keys.includes(a));
  if (actions.length > 1) return `一步只能有一个动作，实际有 ${actions.join('、')}；请拆成 ${actions.length} 步`;
  const action = actions[0] ?? (keys.includes('expect') ? 'expect' : undefined);
  if (!action) return `步骤没有动作：应有 ${STEP_ACTIONS.join('、')} 之一，或只有 expect`;
  const branch = STEP_BRANCHES.find((b) => b.required[0] === action) as StepBranch;
  const missing = branch.required.filter((k) => !keys.includes(k));
  const foreign = branch.not.anyOf.map((x) => x.required[0]).filter((k) => keys.includes(k));
  const parts = [
    ...missing.map((k) => `缺少必填属性「${k}」`),
    ...foreign.map((k) => `不应有属性「${k}」`),
  ];
  return parts.length ? `${action} 步骤${parts.join('，')}` : undefined;
}

function wording(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': return `缺少必填属性「${String(p.missingProperty)}」`;
    case 'additionalProperties': return `未知的属性「${String(p.additionalProperty)}」`;
    case 'type': return `类型应为 ${String(p.type)}`;
    case 'enum': return `取值应为 ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join('、')} 之一`;
    case 'pattern': return `格式不符合 ${String(p.pattern)}`;
    case 'minItems': return `至少需要 ${String(p.limit)} 项`;
    case 'minLength': return '不能为空';
    case 'maxLength': return `不能超过 ${String(p.limit)} 个字符`;
    case 'maxItems': return `最多 ${String(p.limit)} 项`;
    case 'minimum': return `不能小于 ${String(p.limit)}`;
    case 'maximum': return `不能大于 ${String(p.limit)}`;
    case 'exclusiveMinimum': return `应大于 ${String(p.limit)}`;
    case 'const': return `应为 ${JSON.stringify(p.allowedValue)}`;
    case 'oneOf': return '步骤应恰好是以下之一并带齐所需属性：complete、claim（需 as）、return（需 as、reason）、transfer（需 as、to）、advance、message、signal、'
      + 'suspend: true（中止，需 reason）、resume: true（恢复）、refuse: true（不予受理，需 reason，可带 notice）、extend（延期，需 days、reason）、approveExtension、rejectExtension，或只有 expect；'
      + '不属于该步骤的属性（如 complete 步骤的 reason、advance 步骤的 data）也不允许';
    default: return e.message ?? e.keyword;
  }
}
