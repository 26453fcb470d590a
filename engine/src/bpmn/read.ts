// The one BPMN reader. A file is parsed once (bpmn-moddle with the Camunda 7 descriptor) into a
// BpmnDocument: the moddle tree that validation, bpmnlint and compilation walk, and a summary of
// each executable process (start form, user / service tasks with their Camunda attributes, every
// expression — `${…}` and FEEL conditions with their language —, the message / signal catches)
// that the deploy checks and the pack validator read. Nothing parses twice.
import { BpmnInvalidError } from '../errors';
import { decodeBpmn } from './encoding';
import { parserMessage } from './real-world';
import { calledProcessIds, serializeContext } from './context';
import { parseBpmnXml, type ModdleElement, type ModdleParseResult } from './moddle';

export interface UserTaskModel {
  id: string;
  name?: string;
  formKey?: string;
  candidateGroups?: string;
  assignee?: string;
  dueDate?: string;
  priority?: string;
  /** `camunda:properties` (returnTo, mapsIntake, …). */
  properties: Record<string, string>;
  /** Multi-instance: `camunda:collection` and `camunda:elementVariable`. */
  collection?: string;
  elementVariable?: string;
}

export interface ServiceTaskModel {
  id: string;
  name?: string;
  /** `camunda:topic`: the built-in handler it names. */
  topic?: string;
  properties: Record<string, string>;
}

export interface ExpressionUse {
  elementId: string;
  /** Where it is used, for messages: `条件`, `camunda:candidateGroups` … */
  where: string;
  expression: string;
  /** A condition's `language` attribute (`feel`), when it has one. */
  language?: string;
}

export interface CatchModel {
  id: string;
  kind: 'message' | 'signal';
  /** The `name` of the bpmn:message / bpmn:signal (its id when it has none). */
  name?: string;
  /** camunda property `formKey`: the form the payload must fit. */
  formKey?: string;
}

export interface ProcessModel {
  id: string;
  name?: string;
  startFormKey?: string;
  startEventId?: string;
  userTasks: UserTaskModel[];
  /** Manual tasks: waited on like user tasks, but Camunda gives them no candidate groups, assignee or form. */
  manualTasks: { id: string; name?: string }[];
  /** The service tasks with `camunda:topic="route"` and their `ruleSet` property. */
  routeTasks: { id: string; ruleSet?: string }[];
  serviceTasks: ServiceTaskModel[];
  expressions: ExpressionUse[];
  /** Events (and receive tasks) that catch a message or signal from outside, with the form its payload must fit. */
  catches: CatchModel[];
}

/** A parsed BPMN file: read once, then validated, linted and compiled from the same tree. */
export interface BpmnDocument {
  readonly xml: string;
  readonly parsed: ModdleParseResult;
  readonly rootElement: ModdleElement;
  /** The executable context, serialised before anything walks the tree (see ./context); undefined when it cannot be. */
  readonly sourceContext: string | undefined;
  /** The executable processes (isExecutable="true"); deployable documents have exactly one. */
  readonly processes: ProcessModel[];
  /** The parser's warnings (unknown elements and attributes, unresolved references). */
  readonly warnings: string[];
}

/** What the deploy pipeline did, for instrumentation: a file read, a document checked. */
export type PipelineStep = 'read' | 'check';
type PipelineObserver = (step: PipelineStep, doc: BpmnDocument) => void;
const observers = new Set<PipelineObserver>();

/** Instrumentation hook: `observer` sees every read and every deploy check; returns the unsubscribe. */
export function observeBpmnPipeline(observer: PipelineObserver): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

export function notifyPipeline(step: PipelineStep, doc: BpmnDocument): void {
  for (const o of observers) o(step, doc);
}

/**
 * Parses a BPMN file — text, or bytes decoded by their BOM / XML declaration (ISO-8859-1, UTF-16,
 * GBK …); an unreadable one is a BpmnInvalidError with one BPMN_PARSE detail, in Chinese.
 */
export async function readBpmn(source: string | Uint8Array): Promise<BpmnDocument> {
  const xml = typeof source === 'string' ? source : decodeBpmn(source);
  let parsed: ModdleParseResult;
  try {
    // the text is decoded already: the declaration's encoding (ISO-8859-1, UTF-16) no longer applies
    parsed = await parseBpmnXml(xml.replace(/^\uFEFF/, '').replace(/^(\s*<\?xml[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2/, '$1$2UTF-8$2'));
  } catch (err) {
    throw new BpmnInvalidError([{ code: 'BPMN_PARSE', elementId: '', message: `BPMN 无法解析：${parserMessage((err as Error).message)}` }]);
  }
  let sourceContext: string | undefined;
  try {
    sourceContext = serializeContext(parsed);
  } catch {
    sourceContext = undefined; // not executable; validation says why
  }
  const root = parsed.rootElement;
  const rootElements = (root.rootElements as ModdleElement[] | undefined) ?? [];
  // the tasks of processes called from the executable one (call activities) are its cases' tasks too
  const called = rootElements.filter((e) => e.$type === 'bpmn:Process' && calledProcessIds(rootElements).has(e.id ?? ''));
  const processes = rootElements
    .filter((e) => e.$type === 'bpmn:Process' && e.isExecutable === true)
    .map((p) => processModel(p, called));
  const doc: BpmnDocument = { xml, parsed, rootElement: root, sourceContext, processes, warnings: parsed.warnings.map((w) => w.message) };
  notifyPipeline('read', doc);
  return doc;
}

function processModel(proc: ModdleElement, called: ModdleElement[] = []): ProcessModel {
  const model: ProcessModel = { id: proc.id ?? '', name: proc.name, userTasks: [], manualTasks: [], routeTasks: [], serviceTasks: [], expressions: [], catches: [] };
  const expr = (elementId: string, where: string, value: unknown) => {
    if (typeof value !== 'string') return;
    for (const m of value.match(/\$\{[^}]*\}/g) ?? []) model.expressions.push({ elementId, where, expression: m });
  };
  for (const el of [...flowElements(proc), ...called.flatMap((p) => flowElements(p))]) {
    const id = el.id ?? '';
    if (el.$type === 'bpmn:StartEvent' && !model.startEventId) {
      model.startEventId = id;
      model.startFormKey = str(el.formKey);
    }
    if (el.$type === 'bpmn:UserTask') {
      const loop = el.loopCharacteristics as ModdleElement | undefined;
      const task: UserTaskModel = {
        id, name: el.name, formKey: str(el.formKey), candidateGroups: str(el.candidateGroups), assignee: str(el.assignee),
        dueDate: str(el.dueDate), priority: str(el.priority), properties: camundaProperties(el),
        collection: str(loop?.collection), elementVariable: str(loop?.elementVariable),
      };
      model.userTasks.push(task);
      for (const attr of ['formKey', 'candidateGroups', 'assignee', 'dueDate', 'priority'] as const) expr(id, `camunda:${attr}`, task[attr]);
      expr(id, 'camunda:collection', task.collection);
    }
    if (el.$type === 'bpmn:ManualTask') model.manualTasks.push({ id, name: el.name });
    if (el.$type === 'bpmn:ServiceTask') {
      const task: ServiceTaskModel = { id, name: el.name, topic: str(el.topic), properties: camundaProperties(el) };
      model.serviceTasks.push(task);
      if (el.topic === 'route') model.routeTasks.push({ id, ruleSet: task.properties.ruleSet });
    }
    const caught = catchOf(el);
    if (caught) model.catches.push(caught);
    if (el.$type === 'bpmn:SequenceFlow') {
      const cond = el.conditionExpression as ModdleElement | undefined;
      const body = typeof cond?.body === 'string' ? cond.body.trim() : '';
      if (cond?.language) model.expressions.push({ elementId: id, where: '条件', expression: body, language: String(cond.language) });
      else if (body.startsWith('=')) model.expressions.push({ elementId: id, where: '条件', expression: body });
      else if (cond) expr(id, '条件', cond.body);
    }
  }
  return model;
}

/** A catching event's (or receive task's) message / signal and the form its payload must fit. */
function catchOf(el: ModdleElement): CatchModel | undefined {
  const catching = el.$type === 'bpmn:IntermediateCatchEvent' || el.$type === 'bpmn:BoundaryEvent' || el.$type === 'bpmn:ReceiveTask';
  if (!catching) return undefined;
  const refName = (ref: unknown) => {
    const r = ref as ModdleElement | undefined;
    return r ? r.name || r.id : undefined;
  };
  const formKey = camundaProperties(el).formKey || undefined;
  if (el.$type === 'bpmn:ReceiveTask') return { id: el.id ?? '', kind: 'message', name: refName(el.messageRef), formKey };
  for (const d of (el.eventDefinitions as ModdleElement[] | undefined) ?? []) {
    if (d.$type === 'bpmn:MessageEventDefinition') return { id: el.id ?? '', kind: 'message', name: refName(d.messageRef), formKey };
    if (d.$type === 'bpmn:SignalEventDefinition') return { id: el.id ?? '', kind: 'signal', name: refName(d.signalRef), formKey };
  }
  return undefined;
}

/** Flow elements of a process, sub-processes' included. */
export function flowElements(el: ModdleElement): ModdleElement[] {
  const out: ModdleElement[] = [];
  for (const child of (el.flowElements as ModdleElement[] | undefined) ?? []) {
    out.push(child);
    if (child.$type === 'bpmn:SubProcess') out.push(...flowElements(child));
  }
  return out;
}

export function camundaProperties(el: object): Record<string, string> {
  const ext = (el as { extensionElements?: unknown }).extensionElements as { values?: { $type: string; values?: { name?: string; value?: string }[] }[] } | undefined;
  const out: Record<string, string> = {};
  for (const v of ext?.values ?? []) {
    if (v.$type !== 'camunda:Properties') continue;
    for (const p of v.values ?? []) if (p.name) out[p.name] = p.value ?? '';
  }
  return out;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}
