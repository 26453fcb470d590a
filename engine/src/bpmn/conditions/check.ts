// Deploy-time checks of one expression, in the validator's terms (code + Chinese message). The
// variable references are checked against the process's forms and rules by checkReferences.
import { compileExpression, ExpressionError, isFeelLanguage, isLegacyPath, legacyPathProblem, type CompiledExpression } from './compile';

export interface ExpressionProblem {
  code: 'SCRIPT_NOT_ALLOWED' | 'EMPTY_CONDITION' | 'UNSUPPORTED_EXPRESSION';
  message: string;
}

const HOW = '支持 ${result == "success"}、${amount > 1000 && level == "county"}、${!agreed} 等形式，或 FEEL：=result = "success"';

/** A sequence flow's condition: its body and `language` attribute. */
export function conditionProblem(body: unknown, language: unknown): ExpressionProblem | undefined {
  const feel = isFeelLanguage(language);
  if (language && !feel) {
    return { code: 'SCRIPT_NOT_ALLOWED', message: `条件使用了脚本语言「${String(language)}」：不执行脚本；${HOW}（或 language="feel"）` };
  }
  const text = String(body ?? '').trim();
  if (!text) return { code: 'EMPTY_CONDITION', message: '条件表达式为空' };
  if (!feel && isLegacyPath(text)) {
    const p = legacyPathProblem(text);
    return p ? { code: 'UNSUPPORTED_EXPRESSION', message: `条件「${text}」不受支持：${p}` } : undefined;
  }
  try {
    compileExpression(text, feel);
    return undefined;
  } catch (err) {
    if (!(err instanceof ExpressionError)) throw err;
    return { code: 'UNSUPPORTED_EXPRESSION', message: `条件「${text}」不受支持：${err.message}。${HOW}` };
  }
}

/** One `${…}` in a task attribute (candidate groups, due date …): a variable path only. */
export function attributeExpressionProblem(expression: string): string | undefined {
  if (isLegacyPath(expression)) return legacyPathProblem(expression);
  try {
    const compiled = compileExpression(expression);
    if (!compiled.isPath) return '属性中只能是变量路径（如 ${decision.dueIn}）；比较和逻辑运算只用于顺序流的条件';
    return undefined;
  } catch (err) {
    if (!(err instanceof ExpressionError)) throw err;
    return err.message;
  }
}

/** The references of an expression as the deploy checks see them (legacy paths included); [] when it does not compile. */
export function expressionReferences(expression: string, language?: unknown): CompiledExpression['refs'] {
  const text = expression.trim();
  if (!isFeelLanguage(language) && isLegacyPath(text)) {
    try {
      return compileExpression(`=${text.slice(2, -1).trim()}`).refs;
    } catch {
      return [];
    }
  }
  try {
    return compileExpression(text, isFeelLanguage(language)).refs;
  } catch {
    return [];
  }
}
