// The pack validator: everything a deploy or a scenario run would trip over, found before either,
// each problem with its file and element id or JSON pointer.
//  - files: JSON syntax, the JSON Schemas of pack.json and scenarios (processes/schema/);
//  - org model: duplicate codes, departments of unknown units, the county unit, users' departments;
//  - forms: @yizhan/forms' loadFormDefinition (schema compiles, known formats and widgets);
//  - rule sets: @yizhan/rules' loadRuleSet + validateRuleSet against the org and the facts the
//    intake form provides;
//  - BPMN: each file read once by the engine's reader and checked once by the engine's deploy check
//    (no scripts, supported elements and expressions, the variables expressions read, forms exist,
//    known handlers and each handler's own check — the route handler's rule set), bpmnlint's
//    recommended rules, and the pack's conventions: candidate groups resolve, expressions name
//    decision fields the rules set / form fields that exist, message / signal forms exist. The
//    checked documents are handed on to deploy (checkPack);
//  - scenarios: they name processes, tasks and departments that exist.
import { checkAssessment } from './assessment';
import { loadFormDefinition, FormDefinitionInvalidError } from '@yizhan/forms';
import { loadRuleSet, OrgIndex, RuleSetInvalidError, validateOrgModel, validateRuleSet, isDuration, type OrgModel, type RuleSet } from '@yizhan/rules';
import { readBpmn, type BpmnModel, type ProcessModel } from './bpmn-model';
import { lintDefinitions } from './lint';
import { checkSchema, explainStep } from './schemas';
import { isRole } from './people';
import { formFields } from './form-fields';
import { personalKind, type FieldLike, type PersonalKind } from './personal-fields';
import { checkStepConventions, EVALUATION_FIELDS, EVALUATION_TOPIC, packHandlers } from './steps';
import { BpmnInvalidError, builtinHandlers, checkDeployment, expressionReferences, type ErrorDetail, type ServiceHandler } from '@yizhan/engine';

export { formFields } from './form-fields';
import type { PackBundle, PackProblem, Scenario, ScenarioStep } from './types';

export interface ValidatePackOptions {
  /** Also report non-blocking findings (bpmnlint `warn` rules) with `severity: 'warning'`. */
  warnings?: boolean;
}

/** Well-known intake fields that become `case.*` routing facts (see the engine's routingFacts). */
const CASE_FIELDS = ['type', 'channel', 'unit', 'units', 'departments', 'amount', 'partyCount'];
const LEVELS = ['county', 'township', 'village', 'grid'];
/** Expression roots the engine provides; `content.<elementVariable>` inside multi-instance tasks. */
const VARIABLES = 'environment.variables.';
/** Service handlers a pack may name: the engine's built-ins and the packs' step handlers. */
const HANDLERS: Readonly<Record<string, ServiceHandler>> = Object.freeze({ ...builtinHandlers, ...packHandlers });

/** A validated pack: its problems and every BPMN file read and checked, by file name (what deploy uses). */
export interface CheckedPack {
  problems: PackProblem[];
  documents: Record<string, BpmnModel>;
}

/** pack.json's users as far as they have the declared shape (a wrong shape is a PACK_SCHEMA problem). */
function manifestUsers(bundle: PackBundle): NonNullable<PackBundle['manifest']['users']> {
  const users: unknown = bundle.manifest.users;
  return Array.isArray(users) ? users.filter((u): u is NonNullable<PackBundle['manifest']['users']>[number] => !!u && typeof u === 'object') : [];
}

export async function validatePack(bundle: PackBundle, options: ValidatePackOptions = {}): Promise<PackProblem[]> {
  return (await checkPack(bundle, options)).problems;
}

/** validatePack, keeping the read and checked BPMN documents for deployPack. */
export async function checkPack(bundle: PackBundle, options: ValidatePackOptions = {}): Promise<CheckedPack> {
  const problems: PackProblem[] = [...(bundle.parseErrors ?? [])];
  const add = (p: PackProblem) => problems.push(p);
  const m = bundle.manifest;

  // --- pack.json ---------------------------------------------------------------------------
  const manifestOk = !problems.some((p) => p.file === 'pack.json');
  if (manifestOk) {
    for (const e of checkSchema('pack', m)) add({ file: 'pack.json', pointer: e.pointer, code: 'PACK_SCHEMA', message: e.message });
  }
  const orgOk = manifestOk && isOrg(m.org);
  const org = orgOk ? OrgIndex.of(m.org) : undefined;
  if (org) {
    for (const p of validateOrgModel(m.org)) add({ file: 'pack.json', pointer: `/org${p.pointer}`, code: p.code, message: p.message });
    if (typeof m.county === 'string' && (!org.hasUnit(m.county) || org.level(m.county) !== 'county')) {
      add({ file: 'pack.json', pointer: '/county', code: 'UNKNOWN_COUNTY', message: `county「${m.county}」应为 org.units 中一个县级（level county）单位的编码` });
    }
    manifestUsers(bundle).forEach((u, i) => {
      (Array.isArray(u.departments) ? u.departments : []).forEach((d, j) => {
        if (!org.hasDepartment(d)) add({ file: 'pack.json', pointer: `/users/${i}/departments/${j}`, code: 'UNKNOWN_DEPARTMENT', message: `用户「${u.username}」所在部门「${d}」不在组织模型中` });
      });
      if (typeof u.unit === 'string' && !org.hasUnit(u.unit)) add({ file: 'pack.json', pointer: `/users/${i}/unit`, code: 'UNKNOWN_UNIT', message: `用户「${u.username}」的单位「${u.unit}」不在组织模型中` });
    });
  }
  const seenUsers = new Set<string>();
  manifestUsers(bundle).forEach((u, i) => {
    if (typeof u.username === 'string') {
      if (seenUsers.has(u.username)) add({ file: 'pack.json', pointer: `/users/${i}/username`, code: 'DUPLICATE_USER', message: `用户名「${u.username}」重复` });
      seenUsers.add(u.username);
    }
    // `roles` are duties for readers; a role name there would look like a right and grant none.
    (Array.isArray(u.roles) ? u.roles : []).forEach((r, j) => {
      if (isRole(r) && r !== (u.role ?? 'staff')) {
        add({ file: 'pack.json', pointer: `/users/${i}/roles/${j}`, code: 'USER_ROLE', message: `用户「${u.username}」：「${r}」是服务器角色，应写在 role 中（"role": "${r}"）；roles 只是职责说明，不授予权限` });
      }
    });
  });
  (m.processes ?? []).forEach((p, i) => {
    if (p?.bpmn && !(p.bpmn in bundle.bpmn)) add({ file: 'pack.json', pointer: `/processes/${i}/bpmn`, code: 'BPMN_FILE_MISSING', message: `流程文件「${p.bpmn}」不存在` });
  });
  if (typeof m.assessment === 'string') {
    if (bundle.assessment !== undefined) checkAssessment(bundle.assessment, m.assessment).forEach(add);
    else if (!problems.some((p) => p.file === m.assessment)) add({ file: 'pack.json', pointer: '/assessment', code: 'ASSESSMENT_FILE_MISSING', message: `考核方案文件「${m.assessment}」不存在` });
  }
  if (Object.keys(bundle.bpmn).length === 0) add({ file: 'pack.json', code: 'NO_PROCESS', message: '流程包中没有 .bpmn 流程文件' });

  // --- forms -------------------------------------------------------------------------------
  const goodForms = new Set<string>();
  for (const [key, form] of Object.entries(bundle.forms)) {
    try {
      loadFormDefinition(form);
      goodForms.add(key);
    } catch (err) {
      if (!(err instanceof FormDefinitionInvalidError)) throw err;
      for (const d of err.details) add({ file: `forms/${key}.json`, pointer: d.pointer, code: d.code ?? 'FORM_DEFINITION_INVALID', message: d.message });
    }
  }

  // --- BPMN ----------------------------------------------------------------------------------
  const models: Record<string, BpmnModel> = {};
  const processFile = new Map<string, string>();
  // the engine's check of what expressions read (UNKNOWN_VARIABLE), kept for where ours (below) says nothing
  const engineReferences: PackProblem[] = [];
  for (const [file, xml] of Object.entries(bundle.bpmn)) {
    let model: BpmnModel;
    try {
      model = await readBpmn(xml);
    } catch (err) {
      if (!(err instanceof BpmnInvalidError)) throw err;
      for (const d of err.details) add(bpmnProblem(file, d));
      continue;
    }
    const ignored: ErrorDetail[] = [];
    const checks = checkDeployment(model, { handlers: HANDLERS, forms: bundle.forms, ruleSets: bundle.rules, org: m.org, formsChecked: true }, ignored);
    // a rule set that does not load is reported on its own file (rules/<name>.json) below
    for (const d of checks) {
      if (d.code === 'UNKNOWN_VARIABLE') engineReferences.push(bpmnProblem(file, d));
      else if (d.code !== 'RULESET_INVALID') add(bpmnProblem(file, d));
    }
    if (options.warnings) for (const d of ignored) add({ ...bpmnProblem(file, d), severity: 'warning' });
    models[file] = model;
    for (const f of await lintDefinitions(model.rootElement)) {
      if (f.severity === 'warning' && !options.warnings) continue;
      add({ file, elementId: f.elementId, code: `LINT_${f.rule.toUpperCase().replace(/-/g, '_')}`, message: f.message, ...(f.severity === 'warning' ? { severity: 'warning' as const } : {}) });
    }
    // several executable processes in one file: the engine's check refuses them (MULTIPLE_PROCESSES)
    for (const proc of model.processes) {
      const other = processFile.get(proc.id);
      if (other) add({ file, elementId: proc.id, code: 'DUPLICATE_PROCESS', message: `流程 id「${proc.id}」与 ${other} 重复：流程标识为 <包 id>/<流程 id>，必须唯一` });
      else processFile.set(proc.id, file);
    }
  }

  // --- rule sets (with the facts the intake forms of the processes using them provide) -------
  const provided = new Map<string, Set<string>>();
  for (const model of Object.values(models)) {
    for (const proc of model.processes) {
      for (const r of proc.routeTasks) {
        if (!r.ruleSet) continue;
        const facts = provided.get(r.ruleSet) ?? new Set<string>();
        for (const f of intakeFacts(bundle, proc)) facts.add(f);
        provided.set(r.ruleSet, facts);
      }
    }
  }
  const ruleSets: Record<string, RuleSet> = {};
  for (const [name, json] of Object.entries(bundle.rules)) {
    const file = `rules/${name}.json`;
    let ruleSet: RuleSet;
    try {
      ruleSet = loadRuleSet(json);
    } catch (err) {
      if (!(err instanceof RuleSetInvalidError)) throw err;
      for (const d of err.details) add({ file, pointer: d.pointer, code: d.code, message: d.message });
      continue;
    }
    ruleSets[name] = ruleSet;
    if (ruleSet.name !== name) add({ file, pointer: '/name', code: 'RULESET_NAME_MISMATCH', message: `规则集名称「${ruleSet.name}」应与文件名「${name}」一致（BPMN 的 ruleSet 属性按此名称引用）` });
    if (!org) continue;
    const facts = provided.get(name);
    for (const p of validateRuleSet(ruleSet, { org, providedFacts: facts ? [...facts] : undefined })) add({ file, pointer: p.pointer, code: p.code, message: p.message });
  }

  // --- our BPMN checks -----------------------------------------------------------------------
  for (const [file, model] of Object.entries(models)) {
    for (const proc of model.processes) checkProcess(file, proc, { bundle, org, ruleSets, goodForms, add, warnings: options.warnings ?? false });
  }
  // an expression ours reported (in the pack's terms) is not reported twice
  const referenceCodes = new Set(['UNKNOWN_DATA_FIELD', 'UNKNOWN_DECISION_FIELD', 'NO_ROUTING', 'UNKNOWN_VARIABLE']);
  for (const d of engineReferences) {
    if (!problems.some((p) => p.file === d.file && p.elementId === d.elementId && referenceCodes.has(p.code))) add(d);
  }
  checkStepConventions(bundle, Object.entries(models).flatMap(([file, mdl]) => mdl.processes.map((proc) => ({ file, proc }))), add, options);
  if (manifestOk) checkPublic(bundle, Object.values(models).flatMap((mdl) => mdl.processes), add);

  // --- scenarios -----------------------------------------------------------------------------
  const processes = Object.values(models).flatMap((mdl) => mdl.processes);
  for (const [name, scenario] of Object.entries(bundle.scenarios)) {
    checkScenario(`scenarios/${name}.json`, scenario, processes, org, bundle, add);
  }
  return { problems, documents: models };
}

/** An engine problem of a BPMN file as a pack problem: the element id beside, not inside, the message. */
function bpmnProblem(file: string, d: { elementId?: string; code?: string; message: string }): PackProblem {
  const elementId = d.elementId || undefined;
  const message = elementId && d.message.startsWith(`${elementId}：`) ? d.message.slice(elementId.length + 1) : d.message;
  return { file, elementId, code: d.code ?? 'BPMN_INVALID', message };
}

/** Up to 40 names for a message, sorted. */
function listOf(names: Iterable<string>): string {
  const all = [...names].sort();
  return all.length > 40 ? `${all.slice(0, 40).join('、')} 等 ${all.length} 个` : all.join('、');
}

function isOrg(v: unknown): v is OrgModel {
  return typeof v === 'object' && v !== null && Array.isArray((v as OrgModel).units) && Array.isArray((v as OrgModel).departments);
}

/** `data.<field>` for every intake field, and `case.<field>` for the well-known ones it carries. */
export function intakeFacts(bundle: PackBundle, proc: ProcessModel): string[] {
  const form = proc.startFormKey ? bundle.forms[proc.startFormKey] : undefined;
  const fields = form ? formFields(form.schema) : [];
  return [...fields.map((f) => `data.${f}`), ...fields.filter((f) => CASE_FIELDS.includes(f)).map((f) => `case.${f}`)];
}

/** Decision fields a rule set can produce: defaults, event params, and the always-present ones. */
function decisionFields(ruleSet: RuleSet): Set<string> {
  const out = new Set(['departments', 'level', 'leadUnit', 'joint', 'caseClass', 'dueIn']);
  for (const k of Object.keys(ruleSet.defaults ?? {})) out.add(k);
  for (const r of ruleSet.rules) for (const k of Object.keys(r.event?.params ?? {})) out.add(k);
  return out;
}

interface CheckContext {
  bundle: PackBundle;
  org: OrgIndex | undefined;
  ruleSets: Record<string, RuleSet>;
  goodForms: Set<string>;
  add: (p: PackProblem) => void;
  /** Also report non-blocking findings. */
  warnings: boolean;
}

function checkProcess(file: string, proc: ProcessModel, ctx: CheckContext): void {
  const { bundle, org, add } = ctx;
  // forms and rule sets the process names: the engine's deploy check (checkDeployment) reports them;
  // the forms of message / signal catches are the pack's convention, checked here
  const formExists = (key: string) => key in bundle.forms;
  const decision = new Set<string>();
  for (const r of proc.routeTasks) if (r.ruleSet && ctx.ruleSets[r.ruleSet]) for (const f of decisionFields(ctx.ruleSets[r.ruleSet])) decision.add(f);
  const routed = proc.routeTasks.length > 0;
  const allFormFields = new Set(Object.values(bundle.forms).flatMap((f) => formFields(f?.schema)));

  for (const c of proc.catches) {
    if (c.formKey && !formExists(c.formKey)) add({ file, elementId: c.id, code: 'FORM_MISSING', message: `${c.kind === 'message' ? '消息' : '信号'}「${c.name ?? ''}」的表单（camunda 属性 formKey）「${c.formKey}」不存在（应有 forms/${c.formKey}.json）` });
  }
  // a manual task waits like a user task, but Camunda lets it name no candidate groups, assignee or
  // form: in a pack it would open a task nobody sees
  for (const t of proc.manualTasks) {
    add({ file, elementId: t.id, code: 'NO_CANDIDATES', message: `人工任务「${t.name ?? t.id}」(manualTask) 不能设 camunda:candidateGroups、camunda:assignee 和 camunda:formKey：没有人能看到它，案件会停在这里。请改用用户任务 (userTask)，设候选组和表单` });
  }
  for (const t of proc.userTasks) {
    if (!t.formKey) add({ file, elementId: t.id, code: 'FORM_KEY_MISSING', message: `用户任务「${t.name ?? t.id}」没有 camunda:formKey：办理人需要一张表单` });
    if (!t.candidateGroups && !t.assignee) add({ file, elementId: t.id, code: 'NO_CANDIDATES', message: '用户任务既没有 camunda:candidateGroups 也没有 camunda:assignee：没有人能看到它' });
    if (t.candidateGroups && !t.candidateGroups.includes('${') && org) {
      for (const g of t.candidateGroups.split(',').map((x) => x.trim()).filter(Boolean)) {
        if (!org.hasDepartment(g) && !LEVELS.includes(g)) add({ file, elementId: t.id, code: 'UNKNOWN_GROUP', message: `候选组「${g}」既不是组织模型中的部门编码，也不是层级（county、township、village、grid）` });
      }
    }
    if (t.dueDate && !t.dueDate.includes('${') && !isDuration(t.dueDate) && Number.isNaN(Date.parse(t.dueDate))) {
      add({ file, elementId: t.id, code: 'BAD_DUE_DATE', message: `camunda:dueDate「${t.dueDate}」应为 ISO-8601 时长（如 P7D）、日期，或 \${environment.variables.decision.dueIn}` });
    }
    checkIntakeMapping(file, proc, t, bundle, add, ctx.warnings);
    const returnTo = t.properties.returnTo;
    if (returnTo !== undefined && org) {
      for (const g of returnTo.split(',').map((x) => x.trim()).filter(Boolean)) {
        if (!org.hasDepartment(g)) add({ file, elementId: t.id, code: 'UNKNOWN_DEPARTMENT', message: `退回对象 returnTo「${g}」不在组织模型中` });
      }
    }
  }

  const elementVariables = new Map(proc.userTasks.filter((t) => t.elementVariable).map((t) => [t.id, t.elementVariable!]));
  for (const use of proc.expressions) {
    const inner = use.expression.slice(2, -1).trim();
    // the packs' long paths as they always were; anything else (comparisons, short names, FEEL) by the variables it reads
    const legacy = !use.language && use.expression.startsWith('${') && /^(environment|content)(\.[A-Za-z_$][\w$]*|\[\d+\])*$/.test(inner);
    const refs = legacy ? [{ path: inner, written: inner }] : expressionReferences(use.expression, use.language);
    for (const ref of refs) checkVariablePath(ref.path, ref.written, use);
  }

  function checkVariablePath(path: string, written: string, use: ProcessModel['expressions'][number]): void {
    const at = `${use.where}「${use.expression}」${written === use.expression.slice(2, -1).trim() ? '' : `（读取的变量 ${written}）`}`;
    if (path.startsWith(`${VARIABLES}decision.`)) {
      const field = path.slice(`${VARIABLES}decision.`.length).split(/[.[]/)[0];
      if (!routed) add({ file, elementId: use.elementId, code: 'NO_ROUTING', message: `${at}引用了分流结果，但流程中没有分流任务（camunda:topic="route"）` });
      else if (decision.size > 0 && !decision.has(field)) add({ file, elementId: use.elementId, code: 'UNKNOWN_DECISION_FIELD', message: `${at}：规则集的默认值和规则结果中都没有字段「${field}」，该条件永远不成立（可用：${listOf(decision)}）` });
    } else if (path.startsWith(`${VARIABLES}data.`)) {
      const field = path.slice(`${VARIABLES}data.`.length).split(/[.[]/)[0];
      if (!allFormFields.has(field)) add({ file, elementId: use.elementId, code: 'UNKNOWN_DATA_FIELD', message: `${at}：没有任何表单有字段「${field}」（可用：${listOf(allFormFields)}）` });
    } else if (path.startsWith('content.')) {
      const v = path.slice('content.'.length).split(/[.[]/)[0];
      if (elementVariables.get(use.elementId) !== v) add({ file, elementId: use.elementId, code: 'UNKNOWN_VARIABLE', message: `${at}：content.${v} 只在 camunda:elementVariable="${v}" 的多实例任务中可用` });
    } else if (path.startsWith(`${VARIABLES}evaluation.`) || path === `${VARIABLES}evaluation`) {
      const field = path.slice(`${VARIABLES}evaluation.`.length).split(/[.[]/)[0];
      if (!proc.serviceTasks.some((st) => st.topic === EVALUATION_TOPIC)) add({ file, elementId: use.elementId, code: 'UNKNOWN_VARIABLE', message: `${at}：流程中没有评价结果判定任务（camunda:topic="evaluation"），变量 evaluation 不存在` });
      else if (!EVALUATION_FIELDS.includes(field)) add({ file, elementId: use.elementId, code: 'UNKNOWN_VARIABLE', message: `${at}：evaluation 只有 ${EVALUATION_FIELDS.join('、')}` });
    } else if (!path.startsWith(VARIABLES)) {
      add({ file, elementId: use.elementId, code: 'UNKNOWN_VARIABLE', message: `${at}：变量应以 environment.variables.（decision / data / case / outputs）开头` });
    }
  }
}

/**
 * A task's data never overwrites an intake field unless its `mapsIntake` property names it. Every name listed
 * must be a field of both the intake form and the task's form; a shared name left unmapped is worth a warning.
 */
function checkIntakeMapping(
  file: string, proc: ProcessModel, t: ProcessModel['userTasks'][number], bundle: PackBundle, add: (p: PackProblem) => void, warnings: boolean,
): void {
  const startForm = proc.startFormKey ? bundle.forms[proc.startFormKey] : undefined;
  const taskForm = t.formKey ? bundle.forms[t.formKey] : undefined;
  const intake = new Set(startForm ? formFields(startForm.schema) : []);
  const own = new Set(taskForm ? formFields(taskForm.schema) : []);
  const mapped = (t.properties.mapsIntake ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  for (const field of mapped) {
    if (!intake.has(field)) {
      add({ file, elementId: t.id, code: 'BAD_INTAKE_MAPPING', message: `mapsIntake 中的「${field}」不是受理表单${proc.startFormKey ? `「${proc.startFormKey}」` : ''}的字段` });
    } else if (taskForm && !own.has(field)) {
      add({ file, elementId: t.id, code: 'BAD_INTAKE_MAPPING', message: `mapsIntake 中的「${field}」不是本任务表单「${t.formKey}」的字段` });
    }
  }
  if (!warnings) return;
  for (const field of own) {
    if (intake.has(field) && !mapped.includes(field)) {
      add({ file, elementId: t.id, code: 'INTAKE_FIELD_NOT_MAPPED', severity: 'warning', message: `任务表单「${t.formKey}」的字段「${field}」与受理表单同名：它只记在本步骤，不改写受理信息；要改写，请在任务属性 mapsIntake 中列出` });
    }
  }
}

/**
 * 公示: the shown and masked fields must be intake fields of some process, and a field holding
 * personal data (name, ID number, phone, address) may be published only masked.
 */
function checkPublic(bundle: PackBundle, processes: ProcessModel[], add: (p: PackProblem) => void): void {
  const pub = bundle.manifest.public;
  if (!pub) return;
  const schemas = new Map<string, FieldLike>();
  for (const proc of processes) {
    const form = proc.startFormKey ? bundle.forms[proc.startFormKey] : undefined;
    const props = (form?.schema as { properties?: Record<string, FieldLike> } | undefined)?.properties ?? {};
    for (const f of formFields(form?.schema)) if (!schemas.has(f)) schemas.set(f, props[f] ?? {});
  }
  const intake = new Set(processes.flatMap((proc) => intakeFacts(bundle, proc).filter((f) => f.startsWith('data.')).map((f) => f.slice(5))));
  if (processes.length === 0) return;
  for (const key of ['fields', 'mask'] as const) {
    (pub[key] ?? []).forEach((field, i) => {
      if (!intake.has(field)) add({ file: 'pack.json', pointer: `/public/${key}/${i}`, code: 'UNKNOWN_PUBLIC_FIELD', message: `公示${key === 'fields' ? '字段' : '脱敏字段'}「${field}」不是任何流程受理表单中的字段` });
    });
  }
  (pub.fields ?? []).forEach((field, i) => {
    const kind = personalKind(field, schemas.get(field));
    if (kind && !(pub.mask ?? []).includes(field)) {
      add({
        file: 'pack.json', pointer: `/public/fields/${i}`, code: 'PUBLIC_FIELD_PERSONAL',
        message: `公示字段「${field}」含个人信息（${PERSONAL_LABELS[kind]}），不能原样公示；请从 public.fields 中删除，或列入 public.mask 脱敏公示`,
      });
    }
  });
}

const PERSONAL_LABELS: Record<PersonalKind, string> = { id: '身份证号', phone: '电话号码', address: '住址', name: '姓名' };

function checkScenario(file: string, s: Scenario, processes: ProcessModel[], org: OrgIndex | undefined, bundle: PackBundle, add: (p: PackProblem) => void): void {
  const schemaErrors = checkSchema('scenario', s);
  for (const e of schemaErrors) {
    // name the scenario and the step (numbered from 1, as the runner's output does)
    const step = /^\/steps\/(\d+)(?:\/|$)/.exec(e.pointer);
    const where = `场景「${typeof s?.name === 'string' ? s.name : file}」${step ? `第 ${Number(step[1]) + 1} 步` : ''}`;
    // a step matching no step shape: say which fields it lacks or should not have
    const shape = step && e.pointer === `/steps/${step[1]}` ? explainStep(s.steps?.[Number(step[1])]) : undefined;
    add({ file, pointer: e.pointer, code: 'SCENARIO_SCHEMA', message: `${where}：${shape ?? e.message}` });
  }
  if (schemaErrors.length) return;
  const proc = s.process ? processes.find((p) => p.id === s.process) : processes[0];
  if (!proc) {
    if (s.process) add({ file, pointer: '/process', code: 'UNKNOWN_PROCESS', message: `流程「${s.process}」不在流程包中` });
    return;
  }
  const tasks = new Set(proc.userTasks.map((t) => t.id));
  const users = new Set(manifestUsers(bundle).map((u) => u.username));
  const checkDept = (d: string | undefined, pointer: string) => {
    if (d !== undefined && org && !org.hasDepartment(d)) add({ file, pointer, code: 'UNKNOWN_DEPARTMENT', message: `部门「${d}」不在组织模型中` });
  };
  (s.steps ?? []).forEach((step: ScenarioStep, i) => {
    const at = `/steps/${i}`;
    for (const key of ['complete', 'claim', 'return', 'transfer', 'extend', 'approveExtension', 'rejectExtension'] as const) {
      const id = (step as unknown as Record<string, unknown>)[key];
      if (typeof id === 'string' && !tasks.has(id)) add({ file, pointer: `${at}/${key}`, code: 'UNKNOWN_TASK', message: `流程「${proc.id}」中没有用户任务「${id}」` });
    }
    for (const kind of ['message', 'signal'] as const) {
      const name = (step as unknown as Record<string, unknown>)[kind];
      if (typeof name === 'string' && !proc.catches.some((c) => c.kind === kind && c.name === name)) {
        add({ file, pointer: `${at}/${kind}`, code: 'UNKNOWN_MESSAGE', message: `流程「${proc.id}」中没有捕获${kind === 'message' ? '消息' : '信号'}「${name}」的事件` });
      }
    }
    checkDept(step.department, `${at}/department`);
    if ('to' in step) checkDept(step.to, `${at}/to`);
    if (step.as && users.size > 0 && !users.has(step.as)) add({ file, pointer: `${at}/as`, code: 'UNKNOWN_USER', message: `用户「${step.as}」不在 pack.json 的 users 中` });
    (step.expect?.openTasks ?? []).forEach((t, j) => {
      if (!tasks.has(t.task)) add({ file, pointer: `${at}/expect/openTasks/${j}/task`, code: 'UNKNOWN_TASK', message: `流程「${proc.id}」中没有用户任务「${t.task}」` });
    });
    (step.expect?.extensions ?? []).forEach((t, j) => {
      if (!tasks.has(t.task)) add({ file, pointer: `${at}/expect/extensions/${j}/task`, code: 'UNKNOWN_TASK', message: `流程「${proc.id}」中没有用户任务「${t.task}」` });
    });
  });
  (s.path ?? []).forEach((id, i) => {
    if (!tasks.has(id)) add({ file, pointer: `/path/${i}`, code: 'UNKNOWN_TASK', message: `流程「${proc.id}」中没有用户任务「${id}」` });
  });
}
