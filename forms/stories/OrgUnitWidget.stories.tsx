import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';
import { CaseForm } from '../src/react/index';
import { oneField, org, selectOf, submitButton } from './fixtures';

const meta = {
  title: 'Widgets/OrgUnit 单位选择',
  component: CaseForm,
  args: {
    definition: oneField('unit', { type: 'string', title: '发生地' }, { 'ui:widget': 'org-unit', 'ui:options': { levels: ['township', 'village'] } }),
    org,
    onSubmit: fn(),
  },
} satisfies Meta<typeof CaseForm>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Picks a township from the tree and submits its code. */
export const PickTownship: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(selectOf(canvasElement, 'unit'));
    await userEvent.click(await screen.findByTitle('巩昌镇'));
    await userEvent.click(submitButton(canvasElement));
    await waitFor(() => expect(args.onSubmit).toHaveBeenCalledWith({ unit: '621122100' }));
  },
};

/** Submitting nothing shows the Chinese required message. */
export const Required: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(submitButton(canvasElement));
    await expect((await canvas.findAllByText('请填写发生地')).length).toBeGreaterThan(0);
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};
