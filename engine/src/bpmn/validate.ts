// Deploy-time validation of a BPMN definition. bpmn-engine would run script tasks and JavaScript
// conditions in node:vm (not a sandbox), and its own resolver silently mis-evaluates `${a > 1}`.
// We reject scripts here, and check every expression with our safe evaluator's parser
// (conditions/: JUEL forms and FEEL, no calls, no reaching past the case variables), each
// problem with the element id and a message an administrator can act on.
import type { ErrorDetail } from '../errors';
import { isIsoDuration } from '../clock';
import type { ModdleElement, ModdleParseResult } from './moddle';
import { checkParallelJoins } from './joins';
import { checkLoops, checkTimers } from './limits';
import { IGNORED, ignoredExtension, isCamunda8, CAMUNDA8_MESSAGE, parserMessage, scriptExtension } from './real-world';
import { attributeExpressionProblem, conditionProblem, referenceProblems, type VariableScope } from './conditions';

/** Element types the engine executes and we support; anything else is rejected at deploy. */
const SUPPORTED = new Set([
  'bpmn:Definitions', 'bpmn:Process', 'bpmn:Collaboration', 'bpmn:Participant', 'bpmn:LaneSet', 'bpmn:Lane',
  'bpmn:StartEvent', 'bpmn:EndEvent', 'bpmn:IntermediateCatchEvent', 'bpmn:IntermediateThrowEvent', 'bpmn:BoundaryEvent',
  'bpmn:UserTask', 'bpmn:ServiceTask', 'bpmn:ManualTask', 'bpmn:Task', 'bpmn:SubProcess',
  'bpmn:ExclusiveGateway', 'bpmn:ParallelGateway', 'bpmn:InclusiveGateway',
  'bpmn:SequenceFlow', 'bpmn:TextAnnotation', 'bpmn:Association', 'bpmn:Group', 'bpmn:Category', 'bpmn:CategoryValue',
  'bpmn:TimerEventDefinition', 'bpmn:ErrorEventDefinition', 'bpmn:EscalationEventDefinition', 'bpmn:TerminateEventDefinition',
  'bpmn:SignalEventDefinition', 'bpmn:MessageEventDefinition', 'bpmn:Signal', 'bpmn:Message', 'bpmn:Error', 'bpmn:Escalation',
  'bpmn:MultiInstanceLoopCharacteristics', 'bpmn:FormalExpression', 'bpmn:Expression', 'bpmn:ExtensionElements', 'bpmn:Documentation',
  'camunda:Properties', 'camunda:Property',
  // waits for messages / signals, links and standard loops (engine/test/elements/)
  'bpmn:ReceiveTask', 'bpmn:EventBasedGateway', 'bpmn:CallActivity', 'bpmn:LinkEventDefinition', 'bpmn:StandardLoopCharacteristics',
]);

/** What to use instead of an element type the engine does not run (appended to UNSUPPORTED_ELEMENT). */
const ALTERNATIVES: Readonly<Record<string, string>> = {
  'bpmn:SendTask': '请改用内置服务任务（camunda:type="external" camunda:topic="…"）',
  'bpmn:BusinessRuleTask': '请改用路由服务任务（camunda:topic="route"，camunda:property ruleSet 指定规则集）',
  'bpmn:ComplexGateway': '请改用排他网关、并行网关，或把可选分支放入内嵌子流程',
  'bpmn:Transaction': '请改用内嵌子流程 (subProcess)，失败以错误结束事件和错误边界事件处理',
  'bpmn:AdHocSubProcess': '请改用内嵌子流程 (subProcess) 加并行网关',
  'bpmn:CompensateEventDefinition': '请改用错误边界事件 (errorEventDefinition) 接补救任务',
  'bpmn:CancelEventDefinition': '请改用错误边界事件 (errorEventDefinition) 接补救任务',
  'bpmn:ConditionalEventDefinition': '请在路由规则中算出条件后用排他网关分支，或用中间捕获事件等待消息',
};

/** Supported element types used in a way the engine does not run; the message with what to use instead. */
function unsupportedUse(el: ModdleElement): string | undefined {
  if (el.$type === 'bpmn:SubProcess' && el.triggeredByEvent) {
    return '不支持事件子流程 (triggeredByEvent)；请改用挂在活动或子流程上的边界事件（定时、消息、信号、错误、升级）';
  }
  if (el.$type === 'bpmn:StartEvent' && ((el.eventDefinitions as unknown[] | undefined)?.length ?? 0) > 0) {
    return '开始事件不能带消息、定时、信号等事件定义（案件由受理启动）；请用普通开始事件，随后接中间捕获事件等待';
  }
  return undefined;
}

/** BPMN DI (layout): every modeler writes it; it never executes and is skipped without a word. */
const DI_PREFIXES = ['bpmndi:', 'dc:', 'di:'];

const EMBEDDED = /\$\{[^}]*\}/g;

export interface ValidateOptions {
  /** Names of the built-in service handlers (route, notify, …). */
  handlers: string[];
  /** What the process's expressions may read (its forms' fields, its rule sets' decision fields); unchecked without. */
  variables?: VariableScope;
}

/**
 * The BPMN rules of a deploy: problems that refuse it and, in `warnings`, what is ignored (one
 * line per kind and tool, with a count and the first ids).
 */
export function validateDefinition(parsed: ModdleParseResult, options: ValidateOptions, warnings: ErrorDetail[] = []): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const add = (el: ModdleElement | undefined, code: string, message: string) =>
    problems.push({ elementId: el?.id ?? '', code, message: el?.id ? `${el.id}：${message}` : message });
  // repeats of one kind (an unsupported type, a script carrier, an ignored kind) make one line
  const groups = new Map<string, { code: string; message: string; ids: string[]; warning: boolean }>();
  const group = (key: string, el: ModdleElement | undefined, code: string, message: string, warning = false) => {
    const g = groups.get(key) ?? { code, message, ids: [], warning };
    if (el?.id && !g.ids.includes(el.id)) g.ids.push(el.id);
    groups.set(key, g);
  };

  for (const w of parsed.warnings) add(w.element, 'BPMN_PARSE', parserMessage(w.message));

  const root = parsed.rootElement;
  const allProcesses = ((root.rootElements as ModdleElement[] | undefined) ?? []).filter((e) => e.$type === 'bpmn:Process');
  const executable = allProcesses.filter((p) => p.isExecutable === true);
  const camunda8 = isCamunda8(root);
  if (camunda8) add(allProcesses[0] ?? root, 'CAMUNDA8_NOT_SUPPORTED', CAMUNDA8_MESSAGE);

  const processes: ModdleElement[] = [];
  const inclusive: ModdleElement[] = [];
  const flowTargets: (ModdleElement | undefined)[] = [];
  walk(root, (el, parent) => {
    const t = el.$type;
    if (DI_PREFIXES.some((p) => t.startsWith(p))) return false;
    // the processes not deployed (other pools of a collaboration) are not looked into
    if (t === 'bpmn:Process' && executable.length > 0 && el.isExecutable !== true) return false;
    if (t === 'bpmn:Process') processes.push(el);
    const generic = (el.$descriptor as { isGeneric?: boolean; ns?: { uri?: string; prefix?: string } } | undefined);
    if (generic?.isGeneric) {
      // an element of another tool's namespace (extensionElements children): ignored, one line per tool
      if (!camunda8 || !/zeebe/.test(generic.ns?.uri ?? '')) {
        const tool = ignoredExtension(generic.ns?.uri, generic.ns?.prefix ?? t.split(':')[0]);
        group(`ext:${tool.key}`, el.id ? el : parent, 'IGNORED_EXTENSION', tool.message, true);
      }
      return false;
    }
    const script = scriptExtension(el);
    if (script) {
      group(`script:${t}`, el.id ? el : parent, 'SCRIPT_NOT_ALLOWED', script);
      return false;
    }
    const ignored = IGNORED[t];
    if (ignored) {
      group(`ignored:${ignored.code}`, el.id ? el : parent, ignored.code, ignored.message, true);
      return false;
    }
    if (t === 'bpmn:ScriptTask') {
      group('script:task', el, 'SCRIPT_NOT_ALLOWED', '不允许脚本任务（scriptTask）：脚本会在服务器上执行代码；请改用内置服务任务（camunda:type="external" camunda:topic）或路由规则');
      return false;
    }
    if (!SUPPORTED.has(t)) {
      group(`unsupported:${t}`, el.id ? el : parent, 'UNSUPPORTED_ELEMENT', `不支持的 BPMN 元素类型 ${t}：${ALTERNATIVES[t] ?? '请换成用户任务、内置服务任务、网关或事件（见流程包说明中的“支持的元素”）'}`);
      return false;
    }
    const unsupported = unsupportedUse(el);
    if (unsupported) {
      add(el, 'UNSUPPORTED_ELEMENT', unsupported);
      return false;
    }
    if (t === 'bpmn:FormalExpression' || t === 'bpmn:Expression') checkFormalExpression(el, parent, add, options.variables);
    if (t === 'bpmn:ServiceTask' && !camunda8) checkServiceTask(el, options, add);
    if (t === 'bpmn:CallActivity') checkCallActivity(el, root, add);
    if (t === 'bpmn:InclusiveGateway') inclusive.push(el);
    if (t === 'bpmn:SequenceFlow') flowTargets.push(el.targetRef as ModdleElement | undefined);
    if (t === 'bpmn:StandardLoopCharacteristics' && !el.loopCondition && el.loopMaximum === undefined) {
      add(parent, 'UNBOUNDED_LOOP', '标准循环需要循环条件 (loopCondition) 或最大次数 (loopMaximum)');
    }
    if (t === 'bpmn:UserTask' || t === 'bpmn:StartEvent' || t === 'bpmn:MultiInstanceLoopCharacteristics') {
      for (const attr of ['candidateGroups', 'candidateUsers', 'assignee', 'dueDate', 'followUpDate', 'priority', 'formKey', 'collection', 'elementVariable']) {
        const v = el[attr];
        if (typeof v === 'string') checkTemplate(v, el.id ? el : parent, attr, add, options.variables);
      }
    }
    if (t === 'bpmn:SequenceFlow') {
      const cond = el.conditionExpression as ModdleElement | undefined;
      if (cond) checkCondition(cond, el, add, options.variables);
    }
    for (const [k, v] of Object.entries(el.$attrs ?? {})) {
      if (k.startsWith('xmlns')) continue;
      if (/^javascript:|^js:/i.test(v)) add(el, 'SCRIPT_NOT_ALLOWED', `属性 ${k} 含有脚本：请删除该属性`);
    }
    return true;
  });

  // bpmn-elements has no inclusive join: each arriving branch would run the rest again
  for (const gw of inclusive) {
    if (flowTargets.filter((target) => target === gw).length < 2) continue;
    add(gw, 'UNSUPPORTED_INCLUSIVE_JOIN', '不支持汇合的包容网关（引擎无法准确等待已激活的分支）：若所有分支总会执行，请改用并行网关汇合；'
      + '可选分支请放入内嵌子流程 (subProcess)，各分支走到各自的结束事件——子流程在所有已激活分支结束后才完成，再继续后续流程');
  }
  if (executable.length === 0) {
    const first = allProcesses[0];
    add(first, 'NO_EXECUTABLE_PROCESS', `${first ? '流程未标记为可执行' : '文件中没有流程（process）'}：请在流程属性中勾选“可执行”(isExecutable=true)`);
  } else if (executable.length > 1) {
    for (const p of executable.slice(1)) {
      add(p, 'MULTIPLE_PROCESSES', `一个 .bpmn 文件只能有一个可执行流程（已有「${executable[0].name ?? executable[0].id}」）：请只在一个参与者（池）的流程属性中勾选“可执行”，或拆成多个文件`);
    }
  } else {
    const participants = ((root.rootElements as ModdleElement[] | undefined) ?? [])
      .filter((e) => e.$type === 'bpmn:Collaboration')
      .flatMap((c) => (c.participants as ModdleElement[] | undefined) ?? []);
    if (participants.length > 1) {
      const pool = participants.find((p) => p.processRef === executable[0]);
      const others = participants.filter((p) => p !== pool);
      warnings.push({
        elementId: pool?.id ?? executable[0].id ?? '', code: 'DEPLOYED_POOL',
        message: `${pool?.id ?? executable[0].id}：协作图中部署可执行的参与者「${pool?.name ?? executable[0].name ?? executable[0].id}」（流程 ${executable[0].id}）；其余 ${others.length} 个参与者（${others.slice(0, 3).map((o) => o.name ?? o.id).join('、')}）作为外部参与方，不执行`,
      });
    }
  }
  for (const g of groups.values()) {
    const more = g.ids.length > 1 ? `（共 ${g.ids.length} 处：${g.ids.slice(0, 3).join('、')}${g.ids.length > 3 ? '…' : ''}）` : '';
    const detail = { elementId: g.ids[0] ?? '', code: g.code, message: `${g.ids[0] ? `${g.ids[0]}：` : ''}${g.message}${more}` };
    (g.warning ? warnings : problems).push(detail);
  }
  // what would take the server down at run time: loops nothing waits in, runaway / far timers
  for (const proc of processes) {
    const flowElements = (proc.flowElements as ModdleElement[] | undefined) ?? [];
    checkLoops(flowElements, add);
    checkTimers(flowElements, add);
    checkParallelJoins(flowElements, add);
  }
  return problems;
}

type Add = (el: ModdleElement | undefined, code: string, message: string) => void;

function checkCondition(cond: ModdleElement, flow: ModdleElement, add: Add, variables: VariableScope | undefined): void {
  const problem = conditionProblem(cond.body, cond.language);
  if (problem) add(flow, problem.code, problem.message);
  else if (variables) for (const m of referenceProblems(String(cond.body), cond.language, variables)) add(flow, 'UNKNOWN_VARIABLE', `条件${m}`);
}

function checkFormalExpression(el: ModdleElement, parent: ModdleElement | undefined, add: Add, variables: VariableScope | undefined): void {
  const body = String(el.body ?? '').trim();
  if (parent?.$type === 'bpmn:SequenceFlow') return; // handled with the flow
  if (/\$\{/.test(body)) checkTemplate(body, parent, 'expression', add, variables);
  else if (body && isTimerEvent(parent) && !isTimerLiteral(body)) {
    add(parent, 'BAD_TIMER', `定时器「${body}」不是 ISO-8601 时长 / 日期 / 周期（例如 P1D、P30D、PT4H）`);
  }
}

function isTimerEvent(el: ModdleElement | undefined): boolean {
  const defs = (el?.eventDefinitions as ModdleElement[] | undefined) ?? [];
  return defs.some((d) => d.$type === 'bpmn:TimerEventDefinition');
}

function isTimerLiteral(v: string): boolean {
  return isIsoDuration(v) || /^R\d*\//.test(v) || !Number.isNaN(Date.parse(v));
}

function checkTemplate(value: string, el: ModdleElement | undefined, attr: string, add: Add, variables: VariableScope | undefined): void {
  if (value.trimStart().startsWith('=')) add(el, 'UNSUPPORTED_EXPRESSION', `属性 ${attr} 的值「${value}」：属性中不支持 FEEL（=…）表达式，请写变量路径，如 \${decision.dueIn}`);
  for (const m of value.match(EMBEDDED) ?? []) {
    const problem = attributeExpressionProblem(m);
    if (problem) add(el, 'UNSUPPORTED_EXPRESSION', `属性 ${attr} 的表达式「${m}」不受支持：${problem}`);
    else if (variables) for (const msg of referenceProblems(m, undefined, variables)) add(el, 'UNKNOWN_VARIABLE', `属性 ${attr} 的表达式${msg}`);
  }
}

function checkServiceTask(el: ModdleElement, options: ValidateOptions, add: Add): void {
  const topic = el.topic as string | undefined;
  if (el.class || el.expression || el.delegateExpression || el.implementation && !String(el.implementation).startsWith('##')) {
    add(el, 'SCRIPT_NOT_ALLOWED', '服务任务不能调用类、表达式或代码；请使用 camunda:type="external" 并以 camunda:topic 指定内置处理器');
    return;
  }
  if (!topic) {
    add(el, 'NO_HANDLER', `服务任务未指定内置处理器（camunda:type="external" camunda:topic="…"，可选：${options.handlers.join('、')}）`);
    return;
  }
  if (!options.handlers.includes(topic)) add(el, 'UNKNOWN_HANDLER', `未知的内置处理器「${topic}」（可选：${options.handlers.join('、')}）`);
}

/**
 * A call activity runs a process of the same BPMN file (bpmn-engine keeps both in one case state).
 * That process must not be executable itself, or every case would also start it on its own.
 */
function checkCallActivity(el: ModdleElement, root: ModdleElement, add: Add): void {
  const called = String(el.calledElement ?? '').trim();
  const alternative = '请把被调用的流程放在同一 BPMN 文件中，或使用内嵌子流程 (subProcess)';
  const target = ((root.rootElements as ModdleElement[] | undefined) ?? []).find((r) => r.$type === 'bpmn:Process' && r.id === called);
  if (!called || called.includes('${')) {
    add(el, 'UNSUPPORTED_ELEMENT', `调用活动必须以 calledElement 指定同一文件中的流程 id（不支持表达式）；${alternative}`);
  } else if (!target) {
    add(el, 'UNSUPPORTED_ELEMENT', `调用的流程「${called}」不在同一 BPMN 文件中，引擎无法持久地运行它；${alternative}`);
  } else if (target.isExecutable !== false) {
    add(el, 'CALLED_PROCESS_EXECUTABLE', `被调用的流程「${called}」须标为不可单独执行 (isExecutable="false")，否则每个案件启动时它也会单独运行`);
  }
}

/** Visits every semantic element; `parent` is the nearest ancestor with an id (the element to report). */
function walk(root: ModdleElement, visit: (el: ModdleElement, parent: ModdleElement | undefined) => boolean): void {
  const seen = new Set<unknown>();
  const rec = (el: ModdleElement, parent: ModdleElement | undefined) => {
    if (seen.has(el)) return;
    seen.add(el);
    if (!visit(el, parent)) return;
    const owner = el.id ? el : parent;
    for (const [key, value] of Object.entries(el)) {
      if (key.startsWith('$') || key === 'sourceRef' || key === 'targetRef' || key === 'attachedToRef' || key === 'default'
        || key === 'incoming' || key === 'outgoing' || key === 'processRef' || key === 'flowNodeRef' || key === 'eventDefinitionRef'
        || key === 'signalRef' || key === 'messageRef' || key === 'errorRef' || key === 'escalationRef' || key === 'categoryValueRef') continue;
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) {
        if (item && typeof item === 'object' && typeof (item as ModdleElement).$type === 'string') rec(item as ModdleElement, owner);
      }
    }
  };
  rec(root, undefined);
}
