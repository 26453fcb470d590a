// What the validator needs to know about a BPMN file, read with bpmn-moddle and the Camunda 7
// descriptor (the same parser the engine deploys with): processes, the intake form, user tasks
// with their Camunda attributes, route tasks with their rule set, and every `${…}` expression.
import BpmnModdle from 'bpmn-moddle';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };

export interface ModdleElement {
  $type: string;
  id?: string;
  name?: string;
  [key: string]: unknown;
}

export interface UserTaskModel {
  id: string;
  name?: string;
  formKey?: string;
  candidateGroups?: string;
  assignee?: string;
  dueDate?: string;
  priority?: string;
  properties: Record<string, string>;
  /** Multi-instance: `camunda:collection` and `camunda:elementVariable`. */
  collection?: string;
  elementVariable?: string;
}

export interface ExpressionUse {
  elementId: string;
  /** Where it is used, for messages: `条件`, `camunda:candidateGroups` … */
  where: string;
  expression: string;
  /** A condition's `language` attribute (`feel`), when it has one. */
  language?: string;
}

export interface ProcessModel {
  id: string;
  name?: string;
  startFormKey?: string;
  startEventId?: string;
  userTasks: UserTaskModel[];
  routeTasks: { id: string; ruleSet?: string }[];
  /** Every service task with its `camunda:topic` and properties. */
  serviceTasks: { id: string; topic?: string; properties: Record<string, string> }[];
  expressions: ExpressionUse[];
  /** Events (and receive tasks) that catch a message or signal from outside, with the form its payload must fit. */
  catches: CatchModel[];
}

export interface CatchModel {
  id: string;
  kind: 'message' | 'signal';
  /** The `name` of the bpmn:message / bpmn:signal (its id when it has none). */
  name?: string;
  /** camunda property `formKey`: the form the payload must fit. */
  formKey?: string;
}

export interface BpmnModel {
  rootElement: ModdleElement;
  processes: ProcessModel[];
  warnings: string[];
}

export async function readBpmn(xml: string): Promise<BpmnModel> {
  const moddle = new BpmnModdle({ camunda });
  const parsed = (await moddle.fromXML(xml.trim())) as { rootElement: ModdleElement; warnings: { message: string }[] };
  const root = parsed.rootElement;
  const processes = ((root.rootElements as ModdleElement[] | undefined) ?? [])
    .filter((e) => e.$type === 'bpmn:Process' && e.isExecutable !== false)
    .map(processModel);
  return { rootElement: root, processes, warnings: parsed.warnings.map((w) => w.message) };
}

function processModel(proc: ModdleElement): ProcessModel {
  const model: ProcessModel = { id: proc.id ?? '', name: proc.name, userTasks: [], routeTasks: [], serviceTasks: [], expressions: [], catches: [] };
  const expr = (elementId: string, where: string, value: unknown) => {
    if (typeof value !== 'string') return;
    for (const m of value.match(/\$\{[^}]*\}/g) ?? []) model.expressions.push({ elementId, where, expression: m });
  };
  for (const el of flowElements(proc)) {
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
    if (el.$type === 'bpmn:ServiceTask') model.serviceTasks.push({ id, topic: str(el.topic), properties: camundaProperties(el) });
    if (el.$type === 'bpmn:ServiceTask' && el.topic === 'route') model.routeTasks.push({ id, ruleSet: camundaProperties(el).ruleSet });
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

function flowElements(el: ModdleElement): ModdleElement[] {
  const out: ModdleElement[] = [];
  for (const child of (el.flowElements as ModdleElement[] | undefined) ?? []) {
    out.push(child);
    if (child.$type === 'bpmn:SubProcess') out.push(...flowElements(child));
  }
  return out;
}

function camundaProperties(el: ModdleElement): Record<string, string> {
  const ext = el.extensionElements as { values?: { $type: string; values?: { name?: string; value?: string }[] }[] } | undefined;
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
