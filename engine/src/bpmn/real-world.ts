// What real-world BPMN files carry besides the process: the parts that never execute (ignored,
// one warning per kind and tool), the parts that can carry a script (refused, each named), the
// Camunda 8 (Zeebe) dialect (recognised, with what maps), and the parser's English turned into
// Chinese. Every message names the alternative to use.
import type { ModdleElement } from './moddle';

export interface IgnoredKind {
  code: string;
  message: string;
}

const LANES: IgnoredKind = { code: 'IGNORED_LANES', message: '泳道（laneSet / lane）只作展示，已忽略：办理部门由用户任务的 camunda:candidateGroups（候选组）决定' };
const ANNOTATIONS: IgnoredKind = { code: 'IGNORED_ANNOTATIONS', message: '注释、关联线和分组（textAnnotation / association / group）只作展示，已忽略' };
const DATA: IgnoredKind = { code: 'IGNORED_DATA', message: '数据对象、数据存储、属性及其关联（dataObject / dataStore / property）只作展示，已忽略：案件数据请用表单字段（camunda:formKey）' };
const IO_SPEC: IgnoredKind = { code: 'IGNORED_IO_SPECIFICATION', message: '输入输出规格（ioSpecification）只作展示，已忽略：任务的数据请用表单字段（camunda:formKey）' };
const FORM_DATA: IgnoredKind = { code: 'IGNORED_FORM_DATA', message: 'Camunda 生成式表单（camunda:formData / formField）不使用，已忽略：表单请写在 forms/<formKey>.json 中，由任务的 camunda:formKey 指定' };
const TYPES: IgnoredKind = { code: 'IGNORED_DEFINITIONS', message: '类型定义与导入（itemDefinition / import）不执行，已忽略：数据格式请在表单（forms/*.json）中定义' };

/** BPMN elements that never execute, by type. */
export const IGNORED: Readonly<Record<string, IgnoredKind>> = {
  'bpmn:Documentation': { code: 'IGNORED_DOCUMENTATION', message: '说明文字（documentation）只供阅读，已忽略' },
  'bpmn:LaneSet': LANES, 'bpmn:Lane': LANES,
  'bpmn:TextAnnotation': ANNOTATIONS, 'bpmn:Association': ANNOTATIONS, 'bpmn:Group': ANNOTATIONS, 'bpmn:Category': ANNOTATIONS, 'bpmn:CategoryValue': ANNOTATIONS,
  'bpmn:DataObject': DATA, 'bpmn:DataObjectReference': DATA, 'bpmn:DataStore': DATA, 'bpmn:DataStoreReference': DATA,
  'bpmn:DataInputAssociation': DATA, 'bpmn:DataOutputAssociation': DATA, 'bpmn:Property': DATA,
  'bpmn:InputOutputSpecification': IO_SPEC,
  'bpmn:ItemDefinition': TYPES, 'bpmn:Import': TYPES,
  'camunda:FormData': FORM_DATA, 'camunda:FormField': FORM_DATA,
  'bpmn:MessageFlow': { code: 'IGNORED_MESSAGE_FLOW', message: '消息流（messageFlow）连向不执行的参与方，只作展示，已忽略：要通知外部，请用内置服务任务' },
};

/** Modeling tools by extension namespace. */
const TOOLS: [RegExp, string][] = [
  [/signavio/i, 'Signavio'], [/bizagi/i, 'Bizagi'], [/w4/i, 'W4'], [/activiti/i, 'Activiti'], [/flowable/i, 'Flowable'],
  [/jbpm|drools/i, 'jBPM'], [/yaoqiang/i, 'Yaoqiang'], [/camunda\.org\/schema\/modeler/i, 'Camunda Modeler'], [/sap\.com/i, 'SAP'], [/ibm\.com/i, 'IBM'],
  [/adonis|boc-group/i, 'ADONIS'], [/visual-paradigm/i, 'Visual Paradigm'], [/trisotech/i, 'Trisotech'], [/omg\.org\/spec\/BPMN\/non-normative/i, 'BPMN 示例'],
];

/** One ignored-kind line per tool whose extension elements a file carries. */
export function ignoredExtension(uri: string | undefined, prefix: string): { key: string; message: string } {
  const tool = TOOLS.find(([re]) => re.test(uri ?? ''))?.[1] ?? prefix;
  return { key: tool, message: `${tool} 的扩展信息（${prefix}:…，如颜色、修订号）不执行，已忽略` };
}

const ZEEBE = /camunda\.org\/schema\/zeebe/;

/** A Camunda 8 file: the zeebe namespace declared, or the modeler's execution platform says so. */
export function isCamunda8(root: ModdleElement): boolean {
  const attrs = root.$attrs ?? {};
  return Object.entries(attrs).some(([k, v]) => (k.startsWith('xmlns') && ZEEBE.test(v)) || (k.endsWith(':executionPlatform') && /Camunda Cloud/i.test(v)));
}

export const CAMUNDA8_MESSAGE = '这是 Camunda 8（Zeebe）格式的文件，本系统按 Camunda 7 属性执行。对应关系：zeebe:taskDefinition type → 服务任务 camunda:type="external" camunda:topic；'
  + 'zeebe:assignmentDefinition candidateGroups / assignee → 用户任务 camunda:candidateGroups / camunda:assignee；zeebe:formDefinition formId、zeebe:formKey → camunda:formKey；'
  + '顺序流上的 FEEL 条件（=…）照常可用；zeebe:ioMapping 与其他位置的 FEEL 表达式没有对应，请改用表单字段和路由规则。请在 Camunda Modeler 中把执行平台改为 Camunda 7 并按上述对应填写后重新导出';

/** Camunda 7 extensions that can run code, as the reason they are refused (undefined: not one). */
export function scriptExtension(el: ModdleElement): string | undefined {
  switch (el.$type) {
    case 'camunda:ExecutionListener':
      return '执行监听器（camunda:executionListener）会在服务器上执行脚本或 Java 类，不允许：请改用内置服务任务（camunda:type="external" camunda:topic）';
    case 'camunda:TaskListener':
      return '任务监听器（camunda:taskListener）会在服务器上执行脚本或 Java 类，不允许：任务的提醒与超时请用 camunda:dueDate 和定时边界事件';
    case 'camunda:InputOutput':
      return hasScript(el)
        ? '输入输出映射（camunda:inputOutput）中含脚本（camunda:script），不允许：数据请用表单字段，计算请放在路由规则中'
        : '输入输出映射（camunda:inputOutput）不受支持：任务的数据请用表单字段（camunda:formKey），计算请放在路由规则中';
    case 'camunda:Script':
      return '脚本（camunda:script）会在服务器上执行代码，不允许：请改用内置服务任务或路由规则';
    case 'camunda:Connector':
      return '连接器（camunda:connector）会从服务器发出调用，不允许：请改用内置服务任务（camunda:type="external" camunda:topic）';
    default:
      return undefined;
  }
}

function hasScript(el: unknown, seen = new Set<unknown>()): boolean {
  if (!el || typeof el !== 'object' || seen.has(el)) return false;
  seen.add(el);
  if ((el as ModdleElement).$type === 'camunda:Script') return true;
  return Object.entries(el).some(([k, v]) => !k.startsWith('$') && (Array.isArray(v) ? v.some((x) => hasScript(x, seen)) : hasScript(v, seen)));
}

/** The XML parser's (bpmn-moddle / saxen) English message, in Chinese with the line and the way out. */
export function parserMessage(message: string): string {
  const line = /line: (\d+)/.exec(message)?.[1];
  const column = /column: (\d+)/.exec(message)?.[1];
  const at = line !== undefined ? `第 ${Number(line) + 1} 行${column !== undefined ? `第 ${Number(column) + 1} 列` : ''}：` : '';
  const unresolved = /unresolved reference <([^>]*)>/.exec(message);
  if (unresolved) return `引用的元素「${unresolved[1]}」不存在：请检查连线的起点 / 终点（sourceRef / targetRef）或引用的 id，在建模工具中重新连线后导出`;
  const unknownType = /unknown type <([^>]*)>/.exec(message);
  if (unknownType) return `${at}未知的元素 ${unknownType[1]}：它不属于 BPMN 2.0 或 Camunda 7 扩展，请删除或换成标准元素`;
  const unknownAttr = /unknown attribute <([^>]*)>/.exec(message);
  if (unknownAttr) return `${at}未知的属性 ${unknownAttr[1]}：请删除该属性`;
  if (/failed to parse document as <bpmn:Definitions>/.test(message)) return '根元素不是 bpmn:definitions：这不是 BPMN 2.0 文件，请从建模工具导出 .bpmn 文件';
  if (/missing start tag|closing tag mismatch|unclosed|unexpected end|non-whitespace/i.test(message)) {
    return `${at}XML 格式错误（标签未闭合或不匹配、文件不完整）：文件可能损坏或被截断，请用建模工具重新导出`;
  }
  if (/illegal|invalid|attribute/i.test(message)) return `${at}XML 格式错误（属性或字符不合法）：请用建模工具重新导出`;
  return `${at}文件不符合 BPMN 2.0 格式：请用建模工具重新导出`;
}
