import type { Meta, StoryObj } from '@storybook/react-vite';
import { TryRunPanel } from '../src/rules/TryRunPanel';
import { org, routingRules, sampleCase } from './fixtures';

const meta: Meta<typeof TryRunPanel> = { title: '规则/试运行与分流依据', component: TryRunPanel };
export default meta;

export const JointMediation: StoryObj<typeof TryRunPanel> = {
  args: { ruleSet: routingRules, org, initialFacts: JSON.stringify(sampleCase, null, 2) },
};
