// Safe condition expressions: Camunda 7's simple JUEL forms (`${result == "success"}`) and FEEL
// (`=result = "success"`, or a condition with language="feel"), both checked at deploy and
// evaluated by feelin on a bounded copy of the values they read — never as JavaScript.
//
// Variables: `data.x` / `decision.x` / `case.x` / `outputs.t.x` / `evaluation.x` are the case
// variables of that name, a bare name `x` is the case data field `x` (a form field), and the
// long paths the packs use (`environment.variables.…`, `content.…`) keep their meaning.
import { evaluate } from 'feelin';
import { analyzeFeel, FeelSyntaxError, type WrittenPath } from './feel';
import { juelToFeel, JuelSyntaxError, MAX_EXPRESSION_LENGTH } from './juel';

export { MAX_EXPRESSION_LENGTH } from './juel';

/** The case variables an expression may read (`environment.variables.<name>` or `<name>` for short). */
export const CASE_VARIABLES = ['data', 'decision', 'case', 'outputs', 'evaluation'] as const;

/** Names that are never variables: JavaScript globals and the engine's internals. */
const NOT_VARIABLES = new Set([
  'process', 'global', 'globalThis', 'require', 'module', 'exports', 'this', 'window', 'self', 'Function', 'eval',
  'Object', 'Reflect', 'Proxy', 'import', 'properties', 'fields', 'services', 'settings', 'options', 'output', 'logger',
]);
const FORBIDDEN_SEGMENTS = new Set(['constructor', '__proto__', 'prototype']);

export class ExpressionError extends Error {}

/** One variable read by an expression. */
export interface VariableRef {
  /** As written: `result`, `decision.joint`, `environment.variables.data.agreed`. */
  written: string;
  /** Where the value lives: `environment.variables.data.result`, `content.department` … */
  path: string;
  /** `data`, `decision`, `case`, `outputs`, `evaluation` or `content`. */
  variable: string;
  /** The field below it (`result`), when the path names one. */
  field?: string;
}

export interface CompiledExpression {
  source: string;
  language: 'juel' | 'feel';
  /** The FEEL text feelin evaluates. */
  feel: string;
  refs: VariableRef[];
  /** The whole expression is one variable path (what task attributes may hold). */
  isPath: boolean;
}

/** `${a.b.c}` / `${a[0].b}` rooted at `environment` or `content`: resolved exactly as before (bpmn-elements' resolver). */
const LEGACY_PATH = /^\$\{\s*(environment|content)(?:\.[A-Za-z_$][\w$]*|\[\d+\])*\s*\}$/;
const JUEL_PATH = /^\s*[A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*|\s*\[\s*\d+\s*\])*\s*$/;

/** True for the path expressions the packs have always used, which keep their old resolution. */
export function isLegacyPath(expression: string): boolean {
  return LEGACY_PATH.test(expression.trim());
}

/** Problems of a legacy path (`${environment.services.x}`, `${content.constructor}` …); undefined when fine. */
export function legacyPathProblem(expression: string): string | undefined {
  const segments = expression.trim().slice(2, -1).trim().split(/[.[\]]+/).filter(Boolean);
  const bad = segments.find((s) => FORBIDDEN_SEGMENTS.has(s) || s.startsWith('__'));
  if (bad) return `不允许访问「${bad}」`;
  if (segments[0] === 'environment' && segments[1] !== 'variables') {
    return `environment 下只能读取 environment.variables.…（不允许 environment${segments[1] ? `.${segments[1]}` : ''}）`;
  }
  return undefined;
}

/** Whether a condition's `language` names FEEL. */
export function isFeelLanguage(language: unknown): boolean {
  return typeof language === 'string' && /^(feel|feel-scala|https?:\/\/www\.omg\.org\/spec\/feel\/\d+)$/i.test(language.trim());
}

/**
 * Parses and checks an expression: `${…}` (JUEL), `=…` (FEEL), or — with `feelLanguage` — a
 * bare FEEL body. Throws ExpressionError with a Chinese message naming what is wrong.
 */
export function compileExpression(source: string, feelLanguage = false): CompiledExpression {
  const text = source.trim();
  if (text.length > MAX_EXPRESSION_LENGTH + 3) throw new ExpressionError(`表达式过长（最多 ${MAX_EXPRESSION_LENGTH} 个字符）`);
  let language: CompiledExpression['language'];
  let feel: string;
  let isPath: boolean;
  try {
    if (feelLanguage || text.startsWith('=')) {
      language = 'feel';
      feel = text.startsWith('=') ? text.slice(1) : text;
      isPath = JUEL_PATH.test(feel);
    } else if (text.startsWith('${') && text.endsWith('}')) {
      language = 'juel';
      const inner = text.slice(2, -1);
      feel = juelToFeel(inner);
      isPath = JUEL_PATH.test(inner);
    } else {
      throw new ExpressionError('表达式应写成 ${…}（Camunda 7）或 =…（FEEL）');
    }
    const refs = analyzeFeel(feel).map((p) => resolveRef(p, feel));
    return { source, language, feel, refs, isPath };
  } catch (err) {
    if (err instanceof JuelSyntaxError || err instanceof FeelSyntaxError) throw new ExpressionError(err.message);
    throw err;
  }
}

function writtenText(segments: (string | number)[]): string {
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join('');
}

function resolveRef(p: WrittenPath, feel: string): VariableRef {
  const written = feel.slice(p.from, p.to).replace(/\s+/g, '');
  const names = p.segments.filter((s): s is string => typeof s === 'string');
  const bad = names.find((s) => FORBIDDEN_SEGMENTS.has(s) || s.startsWith('__'));
  if (bad) throw new ExpressionError(`不允许访问「${bad}」`);
  const root = names[0];
  const tail = (from: number) => p.segments.slice(from);
  const make = (variable: string, rest: (string | number)[], prefix: string): VariableRef => ({
    written,
    path: `${prefix}${writtenText([variable, ...rest]).replace(/\[(\d+)\]/g, (_, n: string) => `[${Number(n) - 1}]`)}`,
    variable,
    field: typeof rest[0] === 'string' ? rest[0] : undefined,
  });
  if (root === 'environment') {
    if (p.segments[1] !== 'variables') throw new ExpressionError(`environment 下只能读取 environment.variables.…（不允许 ${written}）`);
    const v = p.segments[2];
    if (typeof v !== 'string') throw new ExpressionError(`请写出要读取的变量，如 environment.variables.data.result（可用：${CASE_VARIABLES.join('、')}）`);
    if (!(CASE_VARIABLES as readonly string[]).includes(v)) throw new ExpressionError(`没有流程变量「${v}」（${written}）；可用：${CASE_VARIABLES.join('、')}`);
    return make(v, tail(3), 'environment.variables.');
  }
  if (root === 'content') return make('content', tail(1), '');
  if (NOT_VARIABLES.has(root)) throw new ExpressionError(`「${root}」不是流程变量，表达式不能访问它`);
  if ((CASE_VARIABLES as readonly string[]).includes(root)) return make(root, tail(1), 'environment.variables.');
  return make('data', p.segments, 'environment.variables.');
}

// --- evaluation ------------------------------------------------------------------------------

const COPY_BUDGET = 10_000;
const COPY_DEPTH = 16;

function own(o: unknown, key: string): unknown {
  return o !== null && typeof o === 'object' && Object.prototype.hasOwnProperty.call(o, key) ? (o as Record<string, unknown>)[key] : undefined;
}

/** A JSON-like copy of a value, bounded in size and depth; anything else becomes null. */
function safeCopy(value: unknown): unknown {
  let budget = COPY_BUDGET;
  const rec = (v: unknown, depth: number): unknown => {
    if (--budget < 0 || depth > COPY_DEPTH) return null;
    if (v === null || v === undefined) return null;
    if (typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') return Number.isFinite(v) ? v : null;
    if (v instanceof Date) return v.toISOString();
    if (Array.isArray(v)) return v.slice(0, 1000).map((x) => rec(x, depth + 1));
    if (typeof v === 'object') {
      const proto: unknown = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return null;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(v)) {
        if (FORBIDDEN_SEGMENTS.has(key) || key.startsWith('__')) continue;
        out[key] = rec((v as Record<string, unknown>)[key], depth + 1);
        if (budget < 0) break;
      }
      return out;
    }
    return null;
  };
  return rec(value, 0);
}

/** The FEEL context for one evaluation: only the roots the expression names, copied. */
function feelContext(compiled: CompiledExpression, context: unknown): Record<string, unknown> {
  const environment = own(context, 'environment') ?? (context as { environment?: unknown } | null)?.environment;
  const variables = environment !== null && typeof environment === 'object' ? (environment as { variables?: unknown }).variables : undefined;
  const out: Record<string, unknown> = {};
  for (const ref of compiled.refs) {
    const root = ref.written.split(/[.[]/)[0];
    if (root in out) continue;
    if (root === 'environment') {
      const vars: Record<string, unknown> = {};
      for (const r of compiled.refs) if (r.written.startsWith('environment.')) vars[r.variable] = safeCopy(own(variables, r.variable));
      out.environment = { variables: vars };
    } else if (root === 'content') {
      out.content = safeCopy(own(context, 'content'));
    } else if (ref.variable === root) {
      out[root] = safeCopy(own(variables, root));
    } else {
      out[root] = safeCopy(own(own(variables, 'data'), root));
    }
  }
  return out;
}

/** Evaluates a compiled expression against bpmn-elements' context; a missing value or a type mismatch gives null. */
export function evaluateCompiled(compiled: CompiledExpression, context: unknown): unknown {
  try {
    const { value } = evaluate(compiled.feel, feelContext(compiled, context));
    return value === undefined ? null : value;
  } catch {
    return null;
  }
}

const cache = new Map<string, CompiledExpression | ExpressionError>();

/** Compiles once per distinct source (the cache stays small: expressions come from deployed definitions). */
export function compileCached(source: string, feelLanguage = false): CompiledExpression | ExpressionError {
  const key = `${feelLanguage ? 'F' : 'E'}${source}`;
  let hit = cache.get(key);
  if (!hit) {
    try {
      hit = compileExpression(source, feelLanguage);
    } catch (err) {
      if (!(err instanceof ExpressionError)) throw err;
      hit = err;
    }
    if (cache.size > 2000) cache.clear();
    cache.set(key, hit);
  }
  return hit;
}

/**
 * Runtime: the value of a whole-string expression (`${…}` that is not a legacy path, or `=…`).
 * An expression the deploy checks would refuse gives null rather than halting the case.
 */
export function evaluateExpression(source: string, context: unknown, feelLanguage = false): unknown {
  const compiled = compileCached(source, feelLanguage);
  return compiled instanceof ExpressionError ? null : evaluateCompiled(compiled, context);
}

interface ScriptLike { execute(scope: unknown, callback?: (err: Error | null, result?: unknown) => void): unknown }

/**
 * bpmn-engine's `scripts` option: conditions with language="feel" evaluate as FEEL; nothing else
 * is a script (script tasks and other languages are refused at deploy), so no JavaScript runs.
 */
export function feelConditionScripts(): { register(element: unknown): void; getScript(language: string, element: { id: string }): ScriptLike | undefined } {
  const scripts = new Map<string, ScriptLike>();
  return {
    register(element: unknown) {
      const el = element as { id?: string; type?: string; behaviour?: { conditionExpression?: { language?: unknown; body?: unknown } } };
      const cond = el.behaviour?.conditionExpression;
      if (el.type !== 'bpmn:SequenceFlow' || !el.id || !cond || !isFeelLanguage(cond.language) || typeof cond.body !== 'string') return;
      const body = cond.body;
      scripts.set(el.id, {
        execute(scope, callback) {
          const result = evaluateExpression(body, scope, true);
          return callback ? callback(null, result) : result;
        },
      });
    },
    getScript(_language: string, element: { id: string }) {
      return scripts.get(element.id);
    },
  };
}
