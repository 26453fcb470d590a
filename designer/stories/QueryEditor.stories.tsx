import type { Meta, StoryObj } from '@storybook/react-vite';
import type { TopLevelCondition } from '@yizhan/rules';
import { useState } from 'react';
import { QueryEditor } from '../src/rules/QueryEditor';
import { routingRules } from './fixtures';

function WithJson({ initial }: { initial: TopLevelCondition }) {
  const [value, setValue] = useState(initial);
  return (
    <div>
      <QueryEditor value={value} onChange={setValue} sharedConditions={Object.keys(routingRules.conditions ?? {})} />
      <pre data-testid="query-json">{JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}

const meta: Meta<typeof WithJson> = { title: '规则/条件编辑（react-querybuilder）', component: WithJson };
export default meta;

export const CrossRegion: StoryObj<typeof WithJson> = { args: { initial: routingRules.rules[1].conditions } };
export const Empty: StoryObj<typeof WithJson> = { args: { initial: { all: [] } } };
