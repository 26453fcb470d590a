// The FEEL side: a syntax tree from feelin's parser, checked against a short list of node kinds
// (literals, paths, comparisons, `and` / `or` / `not(…)`, arithmetic, `in` / `between` tests), and
// the variable paths it reads. Everything that could loop, call out or reach into the engine —
// function calls other than `not`, `for` / `some` / `every`, filters, contexts, `instance of`,
// temporal literals — is refused before a case ever runs it.
import { parseExpression } from 'feelin';

type SyntaxNode = ReturnType<typeof parseExpression>['topNode'];

export class FeelSyntaxError extends Error {}

/** A variable path as written: `a.b[1].c` → segments ['a', 'b', 1, 'c'] (FEEL indexes from 1). */
export interface WrittenPath { segments: (string | number)[]; from: number; to: number }

const ALLOWED = new Set([
  'Expression', 'Comparison', 'CompareOp', 'Conjunction', 'Disjunction', 'and', 'or', 'not',
  'VariableName', 'Identifier', 'PathExpression', 'PathName', '.', 'StringLiteral', 'NumericLiteral', 'BooleanLiteral', 'null',
  'ParenthesizedExpression', '(', ')', 'ArithmeticExpression', 'ArithOp', 'FilterExpression', '[', ']', ',',
  'in', 'between', 'PositiveUnaryTests', 'PositiveUnaryTest', 'SimplePositiveUnaryTest', 'Interval', '..', 'List',
  'FunctionInvocation', 'PositionalParameters', 'true', 'false',
]);

const WHAT: Record<string, string> = {
  ForExpression: '循环（for）', QuantifiedExpression: '量词（some / every）', IfExpression: 'if 表达式（请用两条带条件的顺序流）',
  FunctionDefinition: '函数定义', Context: '上下文 {…}', InstanceOfExpression: 'instance of', DateTimeLiteral: '日期时间字面量',
  NamedParameters: '命名参数', FunctionInvocation: '函数调用',
};

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Parses and checks a FEEL expression; returns the variable paths it reads. */
export function analyzeFeel(text: string): WrittenPath[] {
  const tree = parseExpression(text, {}, undefined);
  const paths: WrittenPath[] = [];
  const slice = (n: SyntaxNode) => text.slice(n.from, n.to);
  let problem: string | undefined;
  const visit = (node: SyntaxNode, depth: number): void => {
    if (problem) return;
    if (depth > 64) { problem = '表达式嵌套过深'; return; }
    if (node.type.isError) { problem = `语法错误（位置 ${node.from + 1}${node.to > node.from ? `，「${text.slice(node.from, node.to)}」` : ''}）`; return; }
    const name = node.name;
    if (!ALLOWED.has(name)) { problem = `不支持${Object.hasOwn(WHAT, name) ? WHAT[name] : `「${slice(node)}」`}`; return; }
    if (name === 'FunctionInvocation') {
      const fn = node.firstChild;
      if (!fn || slice(fn) !== 'not') { problem = `不允许调用函数（${fn ? slice(fn) : ''}(…)）；只支持 not(…)`; return; }
      const params = fn.nextSibling?.nextSibling;
      if (params) visit(params, depth + 1);
      return;
    }
    if (name === 'FilterExpression') {
      const index = node.lastChild?.prevSibling;
      if (!index || index.name !== 'NumericLiteral' || !/^\d+$/.test(slice(index)) || slice(index) === '0') {
        problem = `方括号中只能是从 1 开始的整数下标（${slice(node)}）`;
        return;
      }
    }
    if (name === 'VariableName' || name === 'PathExpression' || name === 'FilterExpression') {
      const path = writtenPath(node, slice);
      if (path) {
        const bad = path.segments.find((s) => typeof s === 'string' && !NAME.test(s));
        if (bad !== undefined) { problem = `变量名「${bad}」不合法：只能用字母、数字和下划线`; return; }
        paths.push({ segments: path.segments, from: node.from, to: node.to });
        return;
      }
      if (name !== 'FilterExpression') { problem = `不支持「${slice(node)}」：只能读取变量路径`; return; }
    }
    for (let c = node.firstChild; c; c = c.nextSibling) visit(c, depth + 1);
  };
  visit(tree.topNode, 0);
  if (!problem && !tree.topNode.firstChild) problem = '表达式为空';
  if (problem) throw new FeelSyntaxError(problem);
  return paths;
}

/** `a`, `a.b.c`, `a.b[2].c` as segments; undefined when the node reads something else (a literal's field …). */
function writtenPath(node: SyntaxNode, slice: (n: SyntaxNode) => string): { segments: (string | number)[] } | undefined {
  if (node.name === 'VariableName') return { segments: [slice(node)] };
  if (node.name === 'PathExpression') {
    const base = node.firstChild;
    const last = node.lastChild;
    if (!base || !last || last.name !== 'PathName') return undefined;
    const inner = writtenPath(base, slice);
    return inner && { segments: [...inner.segments, slice(last)] };
  }
  if (node.name === 'FilterExpression') {
    const base = node.firstChild;
    const index = node.lastChild?.prevSibling;
    if (!base || !index || index.name !== 'NumericLiteral') return undefined;
    const inner = writtenPath(base, slice);
    return inner && { segments: [...inner.segments, Number(slice(index))] };
  }
  return undefined;
}
