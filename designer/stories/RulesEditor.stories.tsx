import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { RulesEditor } from '../src/rules/RulesEditor';
import { org, routingText, sampleCase } from './fixtures';

function Editable() {
  const [text, setText] = useState(routingText);
  return <RulesEditor text={text} onChange={setText} org={org} sampleFacts={JSON.stringify(sampleCase, null, 2)} />;
}

const meta: Meta<typeof Editable> = { title: '规则/分流规则编辑器', component: Editable };
export default meta;

export const Longxi: StoryObj<typeof Editable> = {};
