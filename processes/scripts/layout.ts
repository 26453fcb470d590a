// Adds diagram information (BPMN DI) to hand-written pack BPMN files so they open in Camunda
// Modeler / the designer and pass bpmnlint's no-bpmndi rule. Files that already have a diagram
// are left alone. Usage: npx tsx processes/scripts/layout.ts processes/<pack>/*.bpmn
import { readFile, writeFile } from 'node:fs/promises';
import BpmnModdle from 'bpmn-moddle';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };
import { layoutProcess } from 'bpmn-auto-layout';

interface El { $type: string; flowElements?: El[]; sourceRef?: El; targetRef?: El; incoming?: El[]; outgoing?: El[]; rootElements?: El[] }

for (const file of process.argv.slice(2)) {
  const xml = await readFile(file, 'utf8');
  if (xml.includes('BPMNDiagram')) continue;
  const moddle = new BpmnModdle({ camunda }) as unknown as {
    fromXML(x: string): Promise<{ rootElement: El }>;
    toXML(e: El, o: { format: boolean }): Promise<{ xml: string }>;
  };
  const { rootElement } = await moddle.fromXML(xml);
  // bpmn-auto-layout walks incoming / outgoing, which Camunda Modeler writes but hand-written files omit.
  const link = (container: El) => {
    for (const el of container.flowElements ?? []) {
      if (el.$type === 'bpmn:SequenceFlow' && el.sourceRef && el.targetRef) {
        el.sourceRef.outgoing = [...(el.sourceRef.outgoing ?? []).filter((x) => x !== el), el];
        el.targetRef.incoming = [...(el.targetRef.incoming ?? []).filter((x) => x !== el), el];
      }
      if (el.flowElements) link(el);
    }
  };
  for (const r of rootElement.rootElements ?? []) if (r.$type === 'bpmn:Process') link(r);
  const linked = (await moddle.toXML(rootElement, { format: true })).xml;
  await writeFile(file, `${await layoutProcess(linked)}\n`);
  console.log(`laid out ${file}`);
}
