// A properties-panel group "一站" for user tasks and start events: the form (from the pack's forms),
// the candidate department (from the pack's org model, or the routing decision) and the due date,
// written as the Camunda 7 attributes the engine reads (camunda:formKey, camunda:candidateGroups,
// camunda:dueDate). The Camunda provider's own fields stay available for anything else.
import { isSelectEntryEdited, SelectEntry } from '@bpmn-io/properties-panel';
import { h } from '@bpmn-io/properties-panel/preact';
import { useService } from 'bpmn-js-properties-panel';

/** What the pack offers to choose from; the modeler keeps one mutable instance (`config.yizhan`). */
export interface PackChoices {
  forms: string[];
  departments: { code: string; name: string }[];
}

interface BusinessObject { $instanceOf(type: string): boolean; get(name: string): unknown }
interface Shape { businessObject: BusinessObject }
interface Modeling { updateProperties(element: Shape, props: Record<string, unknown>): void }
interface Option { value: string; label: string }

const DECISION_DEPARTMENTS = '${environment.variables.decision.departments}';
const DECISION_DUE = '${environment.variables.decision.dueIn}';
const DUE_CHOICES: Option[] = [
  { value: DECISION_DUE, label: '按分流决定的时限' },
  { value: 'P1D', label: '1天（一般纠纷）' }, { value: 'P3D', label: '3天' }, { value: 'P7D', label: '7天（较大纠纷）' },
  { value: 'P15D', label: '15天' }, { value: 'P30D', label: '30天（重大疑难纠纷）' }, { value: 'P60D', label: '60天（信访办理）' },
];

/** Names of the routing decision's fields, for the hints below. */
const DECISION_FIELDS: Record<string, string> = {
  departments: '办理部门', dueIn: '办理时限', feedbackTo: '反馈部门', leadUnit: '牵头单位', level: '层级', caseClass: '案件等级',
};

/**
 * A readable hint for an expression the engine fills in at run time: `${content.department}` (the
 * current item of a multi-instance task) reads 「多实例的当前项「department」…」 instead of the raw
 * expression (which stays in brackets after it).
 */
export function expressionHint(value: string): string | undefined {
  const decision = /^\$\{environment\.variables\.decision\.([A-Za-z0-9_]+)\}$/.exec(value);
  if (decision) return `按分流决定的${DECISION_FIELDS[decision[1]] ?? `「${decision[1]}」`}`;
  const content = /^\$\{content\.([A-Za-z0-9_.]+)\}$/.exec(value);
  if (content) return `多实例的当前项「${content[1]}」`;
  const variable = /^\$\{environment\.variables\.([A-Za-z0-9_.]+)\}$/.exec(value);
  if (variable) return `由流程变量「${variable[1]}」决定`;
  if (/\$\{/.test(value)) return '运行时按表达式计算';
  return undefined;
}

function withCurrent(options: Option[], current: string): Option[] {
  if (!current || options.some((o) => o.value === current)) return options;
  const hint = expressionHint(current);
  return [...options, { value: current, label: hint ? `${hint}（${current}）` : current }];
}

function attributeEntry(id: string, label: string, attr: string, options: (choices: PackChoices) => Option[]) {
  return function Entry(props: { element: Shape }) {
    const { element } = props;
    const modeling = useService<Modeling>('modeling');
    const choices = useService<PackChoices>('config.yizhan');
    const current = () => String(element.businessObject.get(attr) ?? '');
    return h(SelectEntry, {
      element, id, label,
      getValue: current,
      setValue: (value: string) => modeling.updateProperties(element, { [attr]: value || undefined }),
      getOptions: () => withCurrent([{ value: '', label: '（未设置）' }, ...options(choices)], current()),
    });
  };
}

const FormKeyEntry = attributeEntry('yizhan-formKey', '表单', 'camunda:formKey', (c) => c.forms.map((f) => ({ value: f, label: f })));
const CandidateEntry = attributeEntry('yizhan-candidateGroups', '办理部门', 'camunda:candidateGroups', (c) => [
  { value: DECISION_DEPARTMENTS, label: '按分流决定的部门' },
  ...c.departments.map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` })),
]);
const DueDateEntry = attributeEntry('yizhan-dueDate', '办理时限', 'camunda:dueDate', () => DUE_CHOICES);

interface Group { id: string; label: string; entries: unknown[] }

class YizhanPropertiesProvider {
  static $inject = ['propertiesPanel'];
  constructor(propertiesPanel: { registerProvider(priority: number, provider: unknown): void }) {
    propertiesPanel.registerProvider(400, this);
  }
  getGroups(element: Shape) {
    return (groups: Group[]) => {
      const bo = element.businessObject;
      const isTask = bo.$instanceOf('bpmn:UserTask');
      if (!isTask && !bo.$instanceOf('bpmn:StartEvent')) return groups;
      const entries = [{ id: 'yizhan-formKey', component: FormKeyEntry, isEdited: isSelectEntryEdited }];
      if (isTask) {
        entries.push(
          { id: 'yizhan-candidateGroups', component: CandidateEntry, isEdited: isSelectEntryEdited },
          { id: 'yizhan-dueDate', component: DueDateEntry, isEdited: isSelectEntryEdited },
        );
      }
      const yizhan: Group = { id: 'yizhan', label: '一站：表单 · 办理部门 · 时限', entries };
      return [groups[0], yizhan, ...groups.slice(1)].filter(Boolean);
    };
  }
}

export const YizhanPropertiesProviderModule = {
  __init__: ['yizhanPropertiesProvider'],
  yizhanPropertiesProvider: ['type', YizhanPropertiesProvider],
};
