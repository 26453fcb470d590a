// Camunda 7's simple JUEL forms, translated to FEEL text so that one checker and one evaluator
// (feelin) serve both languages. A small recursive-descent parser of our own: literals, variable
// paths, comparisons, `&&` / `||` / `!` (and their word forms), arithmetic and parentheses. Method
// and function calls, `?:`, `empty`, `[...]` with anything but a number, and every other JUEL
// construct are refused — nothing here is ever executed as code.

export class JuelSyntaxError extends Error {}

type TokenKind = 'num' | 'str' | 'id' | 'op' | 'end';
interface Token { kind: TokenKind; text: string; at: number }

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')', '.', '[', ']', '+', '-', '*', '/', '%', '?', ':', ',', '='];
const WORD_OPERATORS: Record<string, string> = {
  eq: '==', ne: '!=', lt: '<', gt: '>', le: '<=', ge: '>=', and: '&&', or: '||', not: '!', div: '/', mod: '%',
};
const REFUSED_WORDS: Record<string, string> = {
  empty: '不支持 empty 运算：请写成「x == null」或「x == \'\'」',
  instanceof: '不支持 instanceof',
  new: '不支持 new',
};

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    if (/[0-9]/.test(c)) {
      const m = /^\d+(?:\.\d+)?/.exec(src.slice(i))!;
      out.push({ kind: 'num', text: m[0], at: i });
      i += m[0].length;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let value = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\' && j + 1 < src.length) { value += src[j + 1]; j += 2; continue; }
        value += src[j++];
      }
      if (j >= src.length) throw new JuelSyntaxError(`字符串没有结束引号（位置 ${i + 1}）`);
      out.push({ kind: 'str', text: value, at: i });
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      const word = m[0];
      if (Object.hasOwn(REFUSED_WORDS, word)) throw new JuelSyntaxError(REFUSED_WORDS[word]);
      if (Object.hasOwn(WORD_OPERATORS, word)) out.push({ kind: 'op', text: WORD_OPERATORS[word], at: i });
      else out.push({ kind: 'id', text: word, at: i });
      i += word.length;
      continue;
    }
    const op = OPERATORS.find((o) => src.startsWith(o, i));
    if (!op) throw new JuelSyntaxError(`无法识别的字符「${c}」（位置 ${i + 1}）`);
    if (op === '?' || op === ':') throw new JuelSyntaxError('不支持条件运算符「? :」：请用两条带条件的顺序流');
    if (op === '=') throw new JuelSyntaxError('「=」是赋值，不是比较：请写「==」');
    if (op === ',') throw new JuelSyntaxError('不支持逗号（函数调用与列表）');
    out.push({ kind: 'op', text: op, at: i });
    i += op.length;
  }
  out.push({ kind: 'end', text: '', at: src.length });
  return out;
}

/** A translated sub-expression: its FEEL text and whether it is known to be boolean-valued. */
interface Node { feel: string; bool: boolean; literal?: 'string' | 'number' | 'null' }

const FEEL_COMPARE: Record<string, string> = { '==': '=', '!=': '!=', '<': '<', '>': '>', '<=': '<=', '>=': '>=' };

/** Longest expression accepted (characters): the parse and the evaluation stay small. */
export const MAX_EXPRESSION_LENGTH = 1000;

/**
 * Translates the inside of `${…}` to FEEL. A bare path stays a path (its value, as today); `!`,
 * `&&` and `||` test their operands for `true`, so a missing value counts as false.
 */
export function juelToFeel(src: string): string {
  if (src.length > MAX_EXPRESSION_LENGTH) throw new JuelSyntaxError(`表达式过长（最多 ${MAX_EXPRESSION_LENGTH} 个字符）`);
  const tokens = tokenize(src);
  let pos = 0;
  let depth = 0;
  const peek = () => tokens[pos];
  const isOp = (...ops: string[]) => peek().kind === 'op' && ops.includes(peek().text);
  const take = () => tokens[pos++];
  const truth = (n: Node): string => {
    if (n.literal === 'string' || n.literal === 'number') throw new JuelSyntaxError('逻辑运算（&&、||、!）的操作数应为布尔值或比较，不能是字符串或数字常量');
    return n.bool ? n.feel : `(${n.feel}) = true`;
  };

  const or = (): Node => {
    let left = and();
    while (isOp('||')) { take(); const right = and(); left = { feel: `(${truth(left)}) or (${truth(right)})`, bool: true }; }
    return left;
  };
  const and = (): Node => {
    let left = equality();
    while (isOp('&&')) { take(); const right = equality(); left = { feel: `(${truth(left)}) and (${truth(right)})`, bool: true }; }
    return left;
  };
  const equality = (): Node => {
    let left = relational();
    while (isOp('==', '!=')) { const op = take().text; const right = relational(); left = { feel: `(${left.feel}) ${FEEL_COMPARE[op]} (${right.feel})`, bool: true }; }
    return left;
  };
  const relational = (): Node => {
    let left = additive();
    while (isOp('<', '>', '<=', '>=')) { const op = take().text; const right = additive(); left = { feel: `(${left.feel}) ${FEEL_COMPARE[op]} (${right.feel})`, bool: true }; }
    return left;
  };
  const additive = (): Node => {
    let left = multiplicative();
    while (isOp('+', '-')) { const op = take().text; const right = multiplicative(); left = { feel: `(${left.feel}) ${op} (${right.feel})`, bool: false }; }
    return left;
  };
  const multiplicative = (): Node => {
    let left = unary();
    while (isOp('*', '/', '%')) {
      const op = take().text;
      if (op === '%') throw new JuelSyntaxError('不支持取余运算（% / mod）');
      const right = unary();
      left = { feel: `(${left.feel}) ${op} (${right.feel})`, bool: false };
    }
    return left;
  };
  const unary = (): Node => {
    if (isOp('!')) { take(); const n = nested(unary); return { feel: `not(${truth(n)})`, bool: true }; }
    if (isOp('-')) { take(); const n = nested(unary); return { feel: `-(${n.feel})`, bool: false }; }
    return primary();
  };
  const nested = (f: () => Node): Node => {
    if (++depth > 32) throw new JuelSyntaxError('表达式嵌套过深');
    try { return f(); } finally { depth--; }
  };
  const primary = (): Node => {
    const t = take();
    if (t.kind === 'num') return { feel: t.text, bool: false, literal: 'number' };
    if (t.kind === 'str') return { feel: JSON.stringify(t.text), bool: false, literal: 'string' };
    if (t.kind === 'op' && t.text === '(') {
      const inner = nested(or);
      if (!isOp(')')) throw new JuelSyntaxError(`缺少右括号（位置 ${peek().at + 1}）`);
      take();
      return { ...inner, feel: `(${inner.feel})` };
    }
    if (t.kind === 'id') {
      if (t.text === 'true' || t.text === 'false') return { feel: t.text, bool: true };
      if (t.text === 'null') return { feel: 'null', bool: false, literal: 'null' };
      let feel = t.text;
      for (;;) {
        if (isOp('.')) {
          take();
          const name = take();
          if (name.kind !== 'id') throw new JuelSyntaxError(`「.」后应为属性名（位置 ${name.at + 1}）`);
          feel += `.${name.text}`;
        } else if (isOp('[')) {
          take();
          const index = take();
          if (index.kind !== 'num' || !/^\d+$/.test(index.text)) throw new JuelSyntaxError('方括号中只能是非负整数下标，如 a[0]');
          if (!isOp(']')) throw new JuelSyntaxError(`缺少「]」（位置 ${peek().at + 1}）`);
          take();
          feel += `[${Number(index.text) + 1}]`; // FEEL lists count from 1
        } else break;
      }
      if (isOp('(')) throw new JuelSyntaxError(`不允许调用函数或方法（${feel.replace(/\[(\d+)\]/g, (_, n: string) => `[${Number(n) - 1}]`)}(…)）`);
      return { feel, bool: false };
    }
    if (t.kind === 'end') throw new JuelSyntaxError('表达式不完整');
    throw new JuelSyntaxError(`意外的「${t.text}」（位置 ${t.at + 1}）`);
  };

  const result = or();
  if (peek().kind !== 'end') throw new JuelSyntaxError(`意外的「${peek().text}」（位置 ${peek().at + 1}）`);
  return result.feel;
}
