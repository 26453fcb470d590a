// An immutable, compiled process definition: the BPMN parsed once at deploy, serialised as a
// moddle-context-serializer context. Engines are created from the deserialised context, and saved
// case state leaves out the definition source (~3.5× the XML) because the version is stored once.
import * as Elements from 'bpmn-elements';
import serializer, { deserialize, TypeResolver } from 'moddle-context-serializer';
import { BpmnInvalidError } from '../errors';
import { parseBpmnXml, type ModdleElement } from './moddle';
import { BpmnStandardLoopCharacteristics } from './standard-loop';
import { validateDefinition } from './validate';
import type { VariableScope } from './conditions';

const typeResolver = TypeResolver(Elements as unknown as Record<string, unknown>, (types: Record<string, unknown>) => {
  types['bpmn:StandardLoopCharacteristics'] = BpmnStandardLoopCharacteristics;
});

export interface UserTaskInfo {
  id: string;
  name?: string;
  formKey?: string;
  candidateGroups?: string;
  /** 退回 target groups (camunda property `returnTo`). */
  returnTo?: string;
}

export interface CompiledDefinition {
  /** The executable process id. */
  processId: string;
  processName?: string;
  /** JSON of the serialised moddle context (what gets stored). */
  sourceContext: string;
  startFormKey?: string;
  userTasks: UserTaskInfo[];
  serviceTasks: { id: string; topic: string; properties: Record<string, string> }[];
}

export async function compileDefinition(xml: string, handlers: string[], variables?: VariableScope): Promise<CompiledDefinition> {
  let parsed;
  try {
    parsed = await parseBpmnXml(xml);
  } catch (err) {
    throw new BpmnInvalidError([{ code: 'BPMN_PARSE', elementId: '', message: `BPMN 无法解析：${(err as Error).message}` }]);
  }
  const problems = validateDefinition(parsed, { handlers, variables });
  if (problems.length) throw new BpmnInvalidError(problems);

  const context = serializer(parsed as never, typeResolver);
  const processes = (parsed.rootElement.rootElements as ModdleElement[]).filter((e) => e.$type === 'bpmn:Process' && e.isExecutable !== false);
  const proc = processes[0];
  // the tasks of processes called from it (call activities) are the case's tasks too
  const flowElements = (parsed.rootElement.rootElements as ModdleElement[])
    .filter((e) => e.$type === 'bpmn:Process' && (e === proc || e.isExecutable === false))
    .flatMap((p) => collectFlowElements(p));
  const start = collectFlowElements(proc).find((e) => e.$type === 'bpmn:StartEvent');
  return {
    processId: proc.id ?? 'process',
    processName: proc.name,
    sourceContext: context.serialize(),
    startFormKey: start?.formKey as string | undefined,
    userTasks: flowElements
      .filter((e) => e.$type === 'bpmn:UserTask')
      .map((e) => ({ id: e.id ?? '', name: e.name, formKey: e.formKey as string | undefined, candidateGroups: e.candidateGroups as string | undefined, returnTo: camundaProperties(e).returnTo })),
    serviceTasks: flowElements
      .filter((e) => e.$type === 'bpmn:ServiceTask')
      .map((e) => ({ id: e.id ?? '', topic: String(e.topic ?? ''), properties: camundaProperties(e) })),
  };
}

function collectFlowElements(el: ModdleElement): ModdleElement[] {
  const out: ModdleElement[] = [];
  for (const child of (el.flowElements as ModdleElement[] | undefined) ?? []) {
    out.push(child);
    if (child.$type === 'bpmn:SubProcess') out.push(...collectFlowElements(child));
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

/** Deserialised contexts, one per stored definition version (they are immutable). */
const contextCache = new Map<string, unknown>();

export function loadSourceContext(cacheKey: string, sourceContext: string): unknown {
  let ctx = contextCache.get(cacheKey);
  if (!ctx) {
    ctx = deserialize(JSON.parse(sourceContext), typeResolver);
    contextCache.set(cacheKey, ctx);
  }
  return ctx;
}

/** Deploy-time checks without deploying: every problem with its element id (empty = deployable). */
export async function validateBpmn(xml: string, handlers: string[]): Promise<import('../errors').ErrorDetail[]> {
  try {
    await compileDefinition(xml, handlers);
    return [];
  } catch (err) {
    if (err instanceof BpmnInvalidError) return err.details;
    throw err;
  }
}
