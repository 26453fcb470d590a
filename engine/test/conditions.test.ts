// Safe condition expressions (issue 13): which conditions a deploy accepts and refuses (with the
// flow's id and a Chinese reason), and how the evaluator behaves at run time — values compared as
// written, missing values false rather than a crash, no way into prototypes or the engine.
import { describe, expect, it } from 'vitest';
import { compileExpression, evaluateExpression, feelConditionScripts, variableScope } from '../src/bpmn/conditions';
import { compileDefinition } from '../src/bpmn/definition';
import { guardedExpressions } from '../src/bpmn/expressions';
import { BudgetGuard, DEFAULT_BUDGET } from '../src/bpmn/budget';
import { bpmn, problems } from './support/bpmn';

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A gateway whose flow `cond` carries the condition (language optional). */
function withCondition(body: string, language?: string): string {
  return bpmn(`<bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="gw" />
    <bpmn:exclusiveGateway id="gw" default="other" />
    <bpmn:sequenceFlow id="cond" sourceRef="gw" targetRef="end"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"${language ? ` language="${language}"` : ''}>${xml(body)}</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="other" sourceRef="gw" targetRef="end" />
    <bpmn:endEvent id="end" />`);
}

describe('conditions a deploy accepts', () => {
  it.each([
    ['${result == "success"}'],
    ["${result == 'success'}"],
    ['${amount > 1000 && level == "county"}'],
    ['${amount > 1000 and level eq "county"}'],
    ['${ok}'],
    ['${!ok}'],
    ['${not agreed}'],
    ['${a && b}'],
    ['${a || !b}'],
    ['${mobile != null}'],
    ['${x eq \'y\'}'],
    ['${n ge 3 and n lt 10}'],
    ['${(amount + 100) * 2 > 3000}'],
    ['${decision.joint && data.agreed}'],
    ['${outputs.handle.result == "success"}'],
    ['${list[0] == "a"}'],
    ['${environment.variables.data.resolved}'],
    ['${environment.variables.decision.level == "county"}'],
    ['${content.department}'],
    ['=result = "success"'],
    ['=amount > 1000 and level = "county"'],
    ['=not(agreed)'],
    ['=type in ("wages", "land")'],
    ['=amount between 100 and 1000'],
    ['=decision.departments[1] = "land"'],
  ])('%s', async (body) => {
    expect(await problems(withCondition(body))).toEqual([]);
  });

  it('a condition with language="feel"', async () => {
    expect(await problems(withCondition('result = "success" and amount > 1000', 'feel'))).toEqual([]);
    expect(await problems(withCondition('result = "success"', 'FEEL'))).toEqual([]);
  });
});

describe('conditions a deploy refuses, naming the flow and the reason', () => {
  it.each([
    ['${environment.services.x()}', '不允许调用函数或方法'],
    ['${process.env}', '「process」不是流程变量'],
    ['${process.env.HOME != null}', '「process」不是流程变量'],
    ['${a.constructor}', '不允许访问「constructor」'],
    ['${a.__proto__.polluted}', '不允许访问「__proto__」'],
    ['${x.prototype == null}', '不允许访问「prototype」'],
    ['${content.constructor.name}', '不允许访问「constructor」'],
    ['${environment.constructor}', '不允许访问「constructor」'],
    ['${environment.options.x}', 'environment 下只能读取 environment.variables'],
    ['${environment.variables.amount > 1}', '没有流程变量「amount」'],
    ['${foo()}', '不允许调用函数或方法'],
    ['${"abc".length == 3}', '意外的「.」'],
    ['${a ? b : c}', '不支持条件运算符'],
    ['${a = 1}', '「=」是赋值，不是比较'],
    ['${empty a}', '不支持 empty'],
    ['${a == }', '表达式不完整'],
    ['${a[b]}', '方括号中只能是非负整数下标'],
    ["${a || 'yes'}", '逻辑运算（&&、||、!）的操作数应为布尔值'],
    ['${a == "unterminated}', '字符串没有结束引号'],
    ['${a % 2 == 0}', '不支持取余运算'],
    ['result == "success"', '表达式应写成 ${…}（Camunda 7）或 =…（FEEL）'],
    ['=for x in 1..1000000000 return x', '不支持循环（for）'],
    ['=some x in list satisfies x > 1', '不支持量词'],
    ['=string length(name) > 2', '不允许调用函数（string length(…)）'],
    ['=list[item > 1]', '方括号中只能是从 1 开始的整数下标'],
    ['={a: 1}.a', '只能读取变量路径'],
    ['=if a then b else c', '不支持if 表达式'],
    ['=date("2026-01-01") < due', '不支持日期时间字面量'],
    ['=a @ b', '变量名「a @ b」不合法'],
    ['=result = ', '语法错误'],
    [`\${${'a && '.repeat(300)}a}`, '表达式过长'],
  ])('%s', async (body, reason) => {
    const p = await problems(withCondition(body));
    expect(p).toEqual([expect.objectContaining({ elementId: 'cond', code: 'UNSUPPORTED_EXPRESSION' })]);
    expect(p[0].message).toMatch(/^cond：条件「/);
    expect(p[0].message).toContain(reason);
  });

  it('a script language other than FEEL is still a script', async () => {
    const p = await problems(withCondition('next(null, true)', 'javascript'));
    expect(p).toEqual([expect.objectContaining({ elementId: 'cond', code: 'SCRIPT_NOT_ALLOWED' })]);
  });

  it('task attributes hold variable paths only — comparisons belong on flows', async () => {
    const p = await problems(bpmn(`<bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="t" />
      <bpmn:userTask id="t" camunda:candidateGroups="\${decision.departments}" camunda:dueDate="\${decision.dueIn == 'P1D'}" camunda:assignee="\${process.env.USER}" />`));
    expect(p.map((x) => [x.elementId, x.code])).toEqual([['t', 'UNSUPPORTED_EXPRESSION'], ['t', 'UNSUPPORTED_EXPRESSION']]);
    expect(p[0].message).toContain('属性 assignee 的表达式「${process.env.USER}」不受支持：「process」不是流程变量');
    expect(p[1].message).toContain('属性 dueDate');
    expect(p[1].message).toContain('属性中只能是变量路径');
  });

  it('FEEL (=…) in a task attribute is refused rather than taken as a literal', async () => {
    const p = await problems(bpmn(`<bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="t" />
      <bpmn:userTask id="t" camunda:candidateGroups="=decision.departments" />`));
    expect(p).toEqual([expect.objectContaining({ elementId: 't', code: 'UNSUPPORTED_EXPRESSION' })]);
    expect(p[0].message).toContain('属性中不支持 FEEL');
  });
});

describe('variables a deploy checks against the forms and rule sets', () => {
  const forms = {
    intake: { schema: { type: 'object', properties: { applicant: { type: 'string' }, amount: { type: 'number' } } } },
    mediation: { schema: { type: 'object', properties: { result: { type: 'string' } }, if: { properties: { result: { const: 'failed' } } }, then: { properties: { reason: { type: 'string' } } } } },
  };
  const ruleSets = { routing: { defaults: { onSite: false }, rules: [{ name: 'r', event: { params: { urgent: true } } }] } };
  const refused = async (body: string, scope = variableScope(forms, ruleSets)) => {
    try {
      await compileDefinition(withCondition(body), ['route'], scope);
      return [];
    } catch (err) {
      return (err as { details: { elementId: string; code: string; message: string }[] }).details;
    }
  };

  it('accepts fields of any form (conditional ones too) and decided fields', async () => {
    expect(await refused('${result == "failed" && reason != null && amount > 1000}')).toEqual([]);
    expect(await refused('${decision.urgent || decision.onSite || decision.joint}')).toEqual([]);
    expect(await refused('=data.applicant != null and environment.variables.decision.level = "county"')).toEqual([]);
  });

  it.each([
    ['${reslt == "success"}', '「reslt」', /可用：amount、applicant、reason、result/],
    ['=amout > 1000', '「amout」', /可用：amount/],
    ['${decision.urgnt}', '「decision.urgnt」', /可用：.*onSite.*urgent/],
    ['${environment.variables.data.resul == "x"}', '「environment.variables.data.resul」', /可用：/],
  ])('refuses %s, naming the variable and what is available', async (body, named, available) => {
    const p = await refused(body);
    expect(p).toEqual([expect.objectContaining({ elementId: 'cond', code: 'UNKNOWN_VARIABLE' })]);
    expect(p[0].message).toContain(named);
    expect(p[0].message).toMatch(available);
  });

  it('leaves the packs\' long paths to the pack validator, and does not check data when a form accepts any field', async () => {
    expect(await refused('${environment.variables.data.anything}')).toEqual([]);
    const open = { ...forms, notes: { schema: { type: 'object', additionalProperties: true, properties: {} } } };
    expect(await refused('${anything == 1}', variableScope(open, ruleSets))).toEqual([]);
    expect(await refused('${anything == 1}', variableScope({}, {}))).toEqual([]);
  });
});

/** bpmn-elements' context for a condition: the environment and the flow's message. */
function context(data: Record<string, unknown>, more: Record<string, unknown> = {}) {
  return { environment: { variables: { data, decision: { joint: true, level: 'county', departments: ['land', 'agri'] }, ...more } }, content: { department: 'land' } };
}

describe('evaluation', () => {
  const data = { result: 'success', amount: 1500, ok: true, no: false, level: 'county', list: ['a', 'b'], nested: { x: 1 } };

  it.each([
    ['${result == "success"}', true],
    ["${result == 'failed'}", false],
    ['${result != "failed"}', true],
    ['${amount > 1000 && level == "county"}', true],
    ['${amount > 1000 and level eq "township"}', false],
    ['${amount >= 1500 && amount le 1500}', true],
    ['${ok}', true],
    ['${!ok}', false],
    ['${!no}', true],
    ['${!missing}', true],
    ['${missing}', null],
    ['${missing > 3}', null],
    ['${missing == null}', true],
    ['${result != null}', true],
    ['${ok && missing}', false],
    ['${ok || missing}', true],
    ['${list[1] == "b"}', true],
    ['${nested.x == 1}', true],
    ['${missing.deeper.still == 1}', false],
    ['${missing.deeper.still > 1}', null],
    ['${decision.joint && level == "county"}', true],
    ['${environment.variables.decision.level == "county"}', true],
    ['${content.department == "land"}', true],
    ['${(amount + 500) * 2 == 4000}', true],
    ['${-amount < 0}', true],
    ['=result = "success"', true],
    ['=amount > 1000 and level = "township"', false],
    ['=not(ok)', false],
    ['=level in ("county", "township")', true],
    ['=amount between 1000 and 2000', true],
    ['=decision.departments[2] = "agri"', true],
    ['=missing = null', true],
    ['${decision.level}', 'county'],
  ])('%s → %j', (source, expected) => {
    expect(evaluateExpression(source, context(data))).toEqual(expected);
  });

  it('never reaches prototypes or the engine, whatever the values hold', () => {
    const hostile = JSON.parse('{"result":"success","__proto__":{"polluted":true},"obj":{"constructor":{"name":"x"}}}') as Record<string, unknown>;
    // a compiled expression cannot name them, and the copy the evaluator sees leaves them out
    expect(() => compileExpression('${obj.constructor.name == "x"}')).toThrow(/constructor/);
    expect(evaluateExpression('${polluted}', context(hostile))).toBeNull();
    expect(evaluateExpression('${result == "success"}', context(hostile))).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // a function or class instance in the variables is not a value
    expect(evaluateExpression('${fn == null}', context({ fn: () => 1 }))).toBe(true);
    expect(evaluateExpression('${when == null}', context({ when: new Map([['a', 1]]) }))).toBe(true);
  });

  it('stays bounded on huge or deep values', () => {
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 5000; i++) deep = { next: deep };
    const wide = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, i]));
    const started = performance.now();
    expect(evaluateExpression('${deep.next.next.next != null}', context({ deep }))).toBe(true);
    expect(evaluateExpression('${wide.k1 == 1}', context({ wide }))).toBe(true);
    expect(evaluateExpression('${wide.k49999 == null}', context({ wide }))).toBe(true); // beyond the copy budget: missing
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('gives null for an expression the deploy would refuse, instead of throwing', () => {
    expect(evaluateExpression('${process.env}', context(data))).toBeNull();
    expect(evaluateExpression('${a ==', context(data))).toBeNull();
    expect(evaluateExpression('=for x in 1..1000000000 return x', context(data))).toBeNull();
  });

  it('the engine resolver: legacy paths as before, comparisons and FEEL by the safe evaluator, templates piecewise', () => {
    const resolver = guardedExpressions(new BudgetGuard(DEFAULT_BUDGET));
    const ctx = context(data);
    expect(resolver.resolveExpression('${environment.variables.decision.departments}', ctx)).toEqual(['land', 'agri']);
    expect(resolver.resolveExpression('${content.department}', ctx)).toBe('land');
    expect(resolver.resolveExpression('${result == "success"}', ctx)).toBe(true);
    expect(resolver.resolveExpression('=amount > 2000', ctx)).toBe(false);
    expect(resolver.resolveExpression('P${decision.level}', ctx)).toBe('Pcounty');
    expect(resolver.resolveExpression('${environment.constructor}', ctx)).toBeUndefined();
    expect(resolver.resolveExpression('plain text', ctx)).toBe('plain text');
  });

  it('language="feel" conditions run through the FEEL scripts, nothing else is a script', () => {
    const scripts = feelConditionScripts();
    scripts.register({ id: 'f', type: 'bpmn:SequenceFlow', behaviour: { conditionExpression: { language: 'feel', body: 'amount > 1000' } } });
    scripts.register({ id: 'js', type: 'bpmn:SequenceFlow', behaviour: { conditionExpression: { language: 'javascript', body: 'next(null, true)' } } });
    scripts.register({ id: 'task', type: 'bpmn:ScriptTask', behaviour: { scriptFormat: 'javascript', script: 'next()' } });
    const results: unknown[] = [];
    scripts.getScript('feel', { id: 'f' })!.execute(context(data), (err, value) => results.push(err, value));
    expect(results).toEqual([null, true]);
    expect(scripts.getScript('javascript', { id: 'js' })).toBeUndefined();
    expect(scripts.getScript('javascript', { id: 'task' })).toBeUndefined();
  });
});
