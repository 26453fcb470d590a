// An immutable, compiled process definition: the BPMN parsed once at deploy, serialised as a
// moddle-context-serializer context. Engines are created from the deserialised context, and saved
// case state leaves out the definition source (~3.5× the XML) because the version is stored once.
import { BpmnInvalidError, type ErrorDetail } from '../errors';
import { readBpmn, type BpmnDocument } from './read';
import { validateDefinition } from './validate';
import { deserializeContext } from './context';
import type { VariableScope } from './conditions';

export { camundaProperties } from './read';

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

/**
 * Reads, validates (BPMN rules only, with these handler topics; expressions' variables against
 * `variables` when given) and compiles a BPMN file.
 */
export async function compileDefinition(source: string | BpmnDocument, handlers: string[], variables?: VariableScope): Promise<CompiledDefinition> {
  const doc = typeof source === 'string' ? await readBpmn(source) : source;
  const problems = validateDefinition(doc.parsed, { handlers, variables });
  if (problems.length) throw new BpmnInvalidError(problems);
  return compileDocument(doc);
}

/** Compiles a document that has passed validation (the deploy pipeline's last step). */
export function compileDocument(doc: BpmnDocument): CompiledDefinition {
  const proc = doc.processes[0];
  if (!proc || doc.sourceContext === undefined) {
    throw new BpmnInvalidError([{ code: 'NO_EXECUTABLE_PROCESS', elementId: '', message: '没有可执行的流程：请在流程属性中勾选“可执行”(isExecutable=true)' }]);
  }
  return {
    processId: proc.id || 'process',
    processName: proc.name,
    sourceContext: doc.sourceContext,
    startFormKey: proc.startFormKey,
    userTasks: proc.userTasks.map((t) => ({ id: t.id, name: t.name, formKey: t.formKey, candidateGroups: t.candidateGroups, returnTo: t.properties.returnTo })),
    serviceTasks: proc.serviceTasks.map((s) => ({ id: s.id, topic: s.topic ?? '', properties: s.properties })),
  };
}

/** Deserialised contexts, one per stored definition version (they are immutable). */
const contextCache = new Map<string, unknown>();

export function loadSourceContext(cacheKey: string, sourceContext: string): unknown {
  let ctx = contextCache.get(cacheKey);
  if (!ctx) {
    ctx = deserializeContext(sourceContext);
    contextCache.set(cacheKey, ctx);
  }
  return ctx;
}

/** Deploy-time BPMN checks without deploying: every problem with its element id (empty = deployable). */
export async function validateBpmn(xml: string, handlers: string[]): Promise<ErrorDetail[]> {
  try {
    await compileDefinition(xml, handlers);
    return [];
  } catch (err) {
    if (err instanceof BpmnInvalidError) return err.details;
    throw err;
  }
}
