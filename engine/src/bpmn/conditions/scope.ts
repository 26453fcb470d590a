// What a process's expressions may read, as far as a deploy knows it: the fields of its forms (the
// case data) and the fields its rule sets decide. References outside it are refused at deploy.
import { declaredFields, isClosedByDefault, type FormSchema } from '@yizhan/forms';
import { compileCached, ExpressionError, isFeelLanguage, isLegacyPath } from './compile';

export interface VariableScope {
  /** Every field of the deployed forms: what `data.<field>` (or a bare `<field>`) can hold; undefined without forms (not checked). */
  dataFields?: ReadonlySet<string>;
  /** Fields the rule sets can decide; undefined when the deploy carries no rule set (not checked). */
  decisionFields?: ReadonlySet<string>;
}

/** Decision fields every routing decision has (see @yizhan/rules' decision). */
const ALWAYS_DECIDED = ['departments', 'level', 'leadUnit', 'joint', 'caseClass', 'dueIn'];

interface RuleSetLike { defaults?: Record<string, unknown>; rules?: { event?: { params?: Record<string, unknown> } }[] }

export function variableScope(forms: Record<string, { schema: Record<string, unknown> }>, ruleSets: Record<string, unknown> = {}): VariableScope {
  const schemas = Object.values(forms).filter((f) => f?.schema && typeof f.schema === 'object').map((f) => f.schema as FormSchema);
  // a form that accepts undeclared fields (additionalProperties: true …) can put anything in the data
  const open = schemas.some((schema) => !isClosedByDefault(schema) && schema.additionalProperties !== false);
  const dataFields = schemas.length && !open ? new Set(schemas.flatMap((schema) => declaredFields(schema))) : undefined;
  const sets = Object.values(ruleSets).filter((r): r is RuleSetLike => !!r && typeof r === 'object');
  if (!sets.length) return { dataFields };
  const decisionFields = new Set(ALWAYS_DECIDED);
  for (const rs of sets) {
    for (const k of Object.keys(rs.defaults ?? {})) decisionFields.add(k);
    for (const r of Array.isArray(rs.rules) ? rs.rules : []) for (const k of Object.keys(r?.event?.params ?? {})) decisionFields.add(k);
  }
  return { dataFields, decisionFields };
}

function listOf(names: Iterable<string>): string {
  const all = [...names].sort();
  if (!all.length) return '（无）';
  return all.length > 40 ? `${all.slice(0, 40).join('、')} 等 ${all.length} 个` : all.join('、');
}

/**
 * Variables an expression reads that the process cannot hold, each as a Chinese message naming
 * the variable and what is available. Legacy paths (`${environment.variables.…}`) are left to the
 * pack validator, as before; expressions that do not compile are reported by the syntax checks.
 */
export function referenceProblems(expression: string, language: unknown, scope: VariableScope): string[] {
  if (!isFeelLanguage(language) && isLegacyPath(expression.trim())) return [];
  const compiled = compileCached(expression, isFeelLanguage(language));
  if (compiled instanceof ExpressionError) return [];
  const out: string[] = [];
  for (const ref of compiled.refs) {
    if (!ref.field) continue;
    if (ref.variable === 'data' && scope.dataFields && !scope.dataFields.has(ref.field)) {
      out.push(`「${expression.trim()}」读取的变量「${ref.written}」不存在：没有任何表单有字段「${ref.field}」（可用：${listOf(scope.dataFields)}）`);
    } else if (ref.variable === 'decision' && scope.decisionFields && !scope.decisionFields.has(ref.field)) {
      out.push(`「${expression.trim()}」读取的分流结果「${ref.written}」不存在：规则集不会给出字段「${ref.field}」（可用：${listOf(scope.decisionFields)}）`);
    }
  }
  return out;
}
