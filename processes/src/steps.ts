// The closure steps every pack shares (反馈 → 评价 → 回访, with 调处 and 督办), so that statistics
// read the same fields in every county:
//  - a user task's step is its form key: `feedback` (反馈), `evaluation` (一事一评价),
//    `return-visit` (回访), `supervise` (督办 / 领导包案); any other form with a `result` field is a
//    handling step (调处 / 办理);
//  - `evaluation` has `satisfaction` (satisfied | basic | dissatisfied — 满意 / 基本满意 / 不满意)
//    and `comment`; every `result` is `success | failed` (调处成功 / 未成功);
//  - whether a rating reopens the case is the pack's rule: the built-in `evaluation` service task
//    after the evaluation (camunda property `reopenOn`, default `dissatisfied`) stores
//    `evaluation = { satisfaction, reopen, close }`, and the gateway branches on
//    `${environment.variables.evaluation.close}` (paths only: the engine cannot compare strings).
import type { ServiceHandler, StepConventions } from '@yizhan/engine';
import { formFields } from './form-fields';
import type { PackBundle, PackProblem } from './types';
import type { ProcessModel } from './bpmn-model';
import { RESULT_LABELS, RESULTS, SATISFACTION, SATISFACTION_LABELS } from './wording';
import { SUPERVISION_FORM } from './people';

export type Step = 'feedback' | 'evaluation' | 'returnVisit' | 'supervision' | 'handle';

/** Form key → step; handling forms are recognised by their `result` field. */
export const STEP_FORMS: Readonly<Record<string, Step>> = {
  feedback: 'feedback',
  evaluation: 'evaluation',
  'return-visit': 'returnVisit',
  [SUPERVISION_FORM]: 'supervision',
};

/** The form key of 一事一评价, its rating field, and every handling form's result field. */
export const EVALUATION_FORM = 'evaluation';
export const SATISFACTION_FIELD = 'satisfaction';
export const RESULT_FIELD = 'result';
/**
 * 积案: the intake field that flags a case long-standing (久拖不决、久调不绝), and how many calendar
 * days after intake an unclosed case becomes one (three months, as the centres count 信访积案).
 */
export const BACKLOG_FIELD = 'longStanding';
export const BACKLOG_DAYS = 90;

export { SATISFACTION, SATISFACTION_LABELS, RESULTS, RESULT_LABELS, type Satisfaction } from './wording';

/**
 * The conventions above as the engine's statistics and 公示 read them: a case's outcome is the
 * `result` of its last completed task that has one, its rating the `satisfaction` of its last
 * completed `evaluation` task, and the closure steps' tasks are not handling (a department offered
 * only those did not handle the case).
 */
export const STATS_CONVENTIONS: StepConventions = Object.freeze({
  outcome: { field: RESULT_FIELD, values: RESULTS },
  rating: { formKey: EVALUATION_FORM, field: SATISFACTION_FIELD, values: SATISFACTION },
  nonHandlingForms: Object.keys(STEP_FORMS),
  backlog: { flagField: BACKLOG_FIELD, days: BACKLOG_DAYS },
});

/** Steps every executable process must have (一事一评价: every case is rated after feedback). */
export const REQUIRED_STEPS: Step[] = ['feedback', 'evaluation'];
/** The service task topic that turns a rating into the pack's reopen decision. */
export const EVALUATION_TOPIC = 'evaluation';
/** What the `evaluation` handler stores (the only fields a gateway may branch on). */
export const EVALUATION_FIELDS = ['satisfaction', 'reopen', 'close'];

export function stepOf(formKey: string | null | undefined, form?: { schema?: unknown }): Step | undefined {
  if (!formKey) return undefined;
  if (STEP_FORMS[formKey]) return STEP_FORMS[formKey];
  return form && formFields(form.schema).includes(RESULT_FIELD) ? 'handle' : undefined;
}

/** 评价结果判定: `evaluation = { satisfaction, reopen, close }` from the latest rating and `reopenOn`. */
export const evaluationHandler: ServiceHandler = async ({ properties, variables }) => {
  const data = (variables.data ?? {}) as Record<string, unknown>;
  const satisfaction = typeof data.satisfaction === 'string' ? data.satisfaction : null;
  if (!satisfaction || !(SATISFACTION as readonly string[]).includes(satisfaction)) {
    throw new Error('评价结果判定：案件数据中没有有效的 satisfaction（应先完成评价表单 evaluation）');
  }
  const reopenOn = (properties.reopenOn ?? 'dissatisfied').split(',').map((s) => s.trim()).filter(Boolean);
  const reopen = reopenOn.includes(satisfaction);
  return { variables: { evaluation: { satisfaction, reopen, close: !reopen } } };
};

/** Service handlers the packs rely on besides the engine's built-in `route`. */
export const packHandlers: Readonly<Record<string, ServiceHandler>> = Object.freeze({ [EVALUATION_TOPIC]: evaluationHandler });

/** The conventions, as validator problems. */
export function checkStepConventions(bundle: PackBundle, processes: { file: string; proc: ProcessModel }[], add: (p: PackProblem) => void, options: { warnings?: boolean } = {}): void {
  for (const [key, form] of Object.entries(bundle.forms)) {
    const file = `forms/${key}.json`;
    const props = (form?.schema as { properties?: Record<string, Record<string, unknown>> } | undefined)?.properties ?? {};
    const ui = (form?.uiSchema ?? {}) as Record<string, Record<string, unknown> | undefined>;
    const enumField = (field: string, values: readonly string[], labels: readonly string[], required: boolean) => {
      const p = props[field];
      if (!p) {
        if (required) add({ file, pointer: `/schema/properties/${field}`, code: 'STEP_FORM_FIELD', message: `评价表单须有字段「${field}」（取值 ${values.join(' | ')}）` });
        return;
      }
      if (p.type !== 'string' || JSON.stringify(p.enum) !== JSON.stringify(values)) {
        add({ file, pointer: `/schema/properties/${field}`, code: 'STEP_FORM_FIELD', message: `字段「${field}」应为 {"type":"string","enum":${JSON.stringify(values)}}（统计按此取值计算）` });
      }
      if (JSON.stringify(ui[field]?.['ui:enumNames']) !== JSON.stringify(labels)) {
        add({ file, pointer: `/uiSchema/${field}/ui:enumNames`, code: 'STEP_FORM_FIELD', message: `字段「${field}」的 ui:enumNames 应为 ${labels.join(' / ')}` });
      }
    };
    if (key === EVALUATION_FORM) {
      enumField(SATISFACTION_FIELD, SATISFACTION, SATISFACTION_LABELS, true);
      const required = (form?.schema as { required?: string[] } | undefined)?.required ?? [];
      if (!required.includes('satisfaction')) add({ file, pointer: '/schema/required', code: 'STEP_FORM_FIELD', message: '评价表单的 satisfaction 须为必填' });
      if ((props.comment as { type?: string } | undefined)?.type !== 'string') add({ file, pointer: '/schema/properties/comment', code: 'STEP_FORM_FIELD', message: '评价表单须有文本字段「comment」（评价意见）' });
    }
    if (props[RESULT_FIELD]) enumField(RESULT_FIELD, RESULTS, RESULT_LABELS, false);
  }
  for (const { file, proc } of processes) {
    const steps = new Set(proc.userTasks.map((t) => stepOf(t.formKey, t.formKey ? bundle.forms[t.formKey] : undefined)));
    // A warning, not an error: a process may be a fragment (a hotline answer, a test fixture).
    for (const step of REQUIRED_STEPS) {
      if (!steps.has(step) && options.warnings) {
        const key = Object.entries(STEP_FORMS).find(([, s]) => s === step)?.[0];
        add({ file, elementId: proc.id, code: 'STEP_MISSING', message: `流程「${proc.id}」缺少${step === 'feedback' ? '反馈' : '评价'}环节：须有一个 camunda:formKey="${key}" 的用户任务`, severity: 'warning' });
      }
    }
  }
}
