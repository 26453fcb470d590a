// The deploy pipeline: read (./bpmn/read) → check → compile. One check covers everything a
// deploy needs — the BPMN rules (./bpmn/validate), what the expressions read (the forms' fields
// and the rule sets' decision fields), the forms the process names, each service task's handler
// and that handler's own deploy check — and is run once per document: a caller
// that checked a document (the pack validator) hands it to deploy, which compiles it without
// reading or checking again as long as it carries the same forms, rule sets and handlers.
import { unsupportedPatterns, type FormSchema } from '@yizhan/forms';
import { compileDocument, type CompiledDefinition } from './bpmn/definition';
import { variableScope } from './bpmn/conditions';
import { notifyPipeline, readBpmn, type BpmnDocument } from './bpmn/read';
import { validateDefinition } from './bpmn/validate';
import type { DeployInput, FormDefinitionLike } from './definitions';
import { BpmnInvalidError, type ErrorDetail } from './errors';
import type { ServiceHandler } from './handlers/types';

export interface DeploymentCheckInput {
  /** The service handlers by topic that the deploying engine runs. */
  handlers: Readonly<Record<string, ServiceHandler>>;
  forms?: Readonly<Record<string, FormDefinitionLike>>;
  ruleSets?: Readonly<Record<string, unknown>>;
  org?: unknown;
  /**
   * The caller validated the forms' content itself (the pack validator loads each form with
   * @yizhan/forms), so only the references to them are checked here.
   */
  formsChecked?: boolean;
}

/** A document that passed the check, with what, and what it ignored. */
const checked = new WeakMap<BpmnDocument, DeploymentCheckInput & { warnings: ErrorDetail[] }>();
const EMPTY: Readonly<Record<string, never>> = Object.freeze({});

/**
 * Every problem deploying `doc` with these forms, rule sets and handlers would meet (empty =
 * deployable); what is ignored (diagram-only parts, other tools' extensions) goes to `warnings`.
 */
export function checkDeployment(doc: BpmnDocument, input: DeploymentCheckInput, warnings: ErrorDetail[] = []): ErrorDetail[] {
  notifyPipeline('check', doc);
  const forms = input.forms ?? EMPTY;
  // expressions may read only what the forms and rule sets can put in the case
  const variables = variableScope(forms, input.ruleSets ?? EMPTY);
  const problems = validateDefinition(doc.parsed, { handlers: Object.keys(input.handlers), variables }, warnings);
  const deploy = { forms, ruleSets: input.ruleSets ?? EMPTY, org: input.org };
  for (const proc of doc.processes) {
    const refs = [
      ...(proc.startFormKey ? [{ id: proc.startEventId ?? 'start', formKey: proc.startFormKey, what: '开始事件的受理表单' }] : []),
      ...proc.userTasks.map((t) => ({ id: t.id, formKey: t.formKey, what: '用户任务引用的表单' })),
    ];
    for (const ref of refs) {
      if (ref.formKey && !ref.formKey.includes('${') && !forms[ref.formKey]) {
        problems.push({ elementId: ref.id, code: 'FORM_MISSING', message: `${ref.id}：${ref.what}「${ref.formKey}」不存在（流程包中应有 forms/${ref.formKey}.json）` });
      }
    }
    for (const task of proc.serviceTasks) {
      const check = task.topic ? input.handlers[task.topic]?.check : undefined;
      if (check) problems.push(...check(task, deploy));
    }
  }
  if (!input.formsChecked) {
    for (const [key, form] of Object.entries(forms)) {
      // Patterns run on RE2 (linear time); one it cannot run is refused here rather than at the first submission.
      for (const p of unsupportedPatterns(form.schema as FormSchema)) problems.push({ code: p.code, message: `forms/${key}.json ${p.pointer}：${p.message}` });
    }
  }
  if (problems.length === 0) checked.set(doc, { ...input, warnings: [...warnings] });
  return problems;
}

/**
 * The deploy pipeline for one input: the document handed in when it was checked with the same
 * forms, rule sets and handlers, else the XML read and checked here; then compiled.
 */
export async function prepareDeployment(input: DeployInput, handlers: Readonly<Record<string, ServiceHandler>>): Promise<CompiledDefinition & { warnings: string[] }> {
  const given = input.document;
  if (given && given.xml === input.bpmn && checkedFor(given, input, handlers)) {
    return { ...compileDocument(given), warnings: (checked.get(given)?.warnings ?? []).map((w) => w.message) };
  }
  const doc = given && given.xml === input.bpmn ? given : await readBpmn(input.bpmn);
  const warnings: ErrorDetail[] = [];
  const problems = checkDeployment(doc, { handlers, forms: input.forms, ruleSets: input.ruleSets, org: input.org }, warnings);
  if (problems.length) throw new BpmnInvalidError(problems);
  return { ...compileDocument(doc), warnings: warnings.map((w) => w.message) };
}

function checkedFor(doc: BpmnDocument, input: DeployInput, handlers: Readonly<Record<string, ServiceHandler>>): boolean {
  const with_ = checked.get(doc);
  if (!with_ || (with_.forms ?? EMPTY) !== (input.forms ?? EMPTY) || (with_.ruleSets ?? EMPTY) !== (input.ruleSets ?? EMPTY) || with_.org !== input.org) return false;
  // every handler the process names is the one it was checked with
  return doc.processes.every((p) => p.serviceTasks.every((t) => !!t.topic && handlers[t.topic] !== undefined && handlers[t.topic] === with_.handlers[t.topic]));
}
