// Safe condition expressions (JUEL forms and FEEL, evaluated by feelin, never as JavaScript):
// compile.ts parses, checks and evaluates; check.ts words the deploy-time problems.
export {
  CASE_VARIABLES, MAX_EXPRESSION_LENGTH, ExpressionError, compileExpression, evaluateExpression, feelConditionScripts,
  isFeelLanguage, isLegacyPath, legacyPathProblem, type CompiledExpression, type VariableRef,
} from './compile';
export { attributeExpressionProblem, conditionProblem, expressionReferences, type ExpressionProblem } from './check';
export { referenceProblems, variableScope, type VariableScope } from './scope';
