import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import BpmnViewer from '../src/bpmn/BpmnViewer';
import PackModeler from '../src/bpmn/PackModeler';
import { disputeBpmn, org } from './fixtures';

function Modeler() {
  const [xml, setXml] = useState(disputeBpmn);
  return <PackModeler xml={xml} onChange={setXml} choices={{ forms: ['intake', 'mediation', 'feedback', 'supervise', 'evaluation'], departments: org.departments }} />;
}

const meta: Meta = { title: '流程/BPMN' };
export default meta;

export const ModelerWithPropertiesPanel: StoryObj = { render: () => <Modeler /> };
export const CaseDiagram: StoryObj = { render: () => <BpmnViewer xml={disputeBpmn} current={['feedback']} done={['handle']} /> };
