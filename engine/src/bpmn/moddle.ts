// Parsing BPMN XML with bpmn-moddle and the Camunda 7 extension descriptor, so files from
// Camunda Modeler and bpmn-js-properties-panel's Camunda provider keep their task metadata.
import BpmnModdle from 'bpmn-moddle';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };

export const moddleOptions = { camunda };

export interface ModdleElement {
  $type: string;
  id?: string;
  name?: string;
  $attrs?: Record<string, string>;
  [key: string]: unknown;
}

export interface ModdleParseResult {
  rootElement: ModdleElement;
  elementsById: Record<string, ModdleElement>;
  warnings: { message: string; element?: ModdleElement }[];
  references: unknown[];
}

export async function parseBpmnXml(xml: string): Promise<ModdleParseResult> {
  const moddle = new BpmnModdle(moddleOptions);
  return (await moddle.fromXML(xml.trim())) as unknown as ModdleParseResult;
}
