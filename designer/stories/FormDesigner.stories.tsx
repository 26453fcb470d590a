import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { FormDesigner } from '../src/forms/FormDesigner';
import { feedbackText, intakeText, org } from './fixtures';

function Editable({ initial }: { initial: string }) {
  const [text, setText] = useState(initial);
  return <FormDesigner text={text} onChange={setText} org={org} />;
}

const meta: Meta<typeof Editable> = { title: '表单/表单设计器', component: Editable };
export default meta;

export const Intake: StoryObj<typeof Editable> = { args: { initial: intakeText } };
export const Feedback: StoryObj<typeof Editable> = { args: { initial: feedbackText } };
