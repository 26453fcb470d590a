import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';
import { CaseForm } from '../src/react/index';
import { oneField, org, selectOf, submitButton } from './fixtures';

const meta = {
  title: 'Widgets/Regions 涉及乡镇（多选）',
  component: CaseForm,
  args: {
    definition: oneField(
      'towns',
      { type: 'array', title: '涉及乡镇', items: { type: 'string' }, uniqueItems: true, minItems: 1 },
      { 'ui:widget': 'regions', 'ui:options': { levels: ['township'] } },
    ),
    org,
    onSubmit: fn(),
  },
} satisfies Meta<typeof CaseForm>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Two townships picked, submitted as a list of codes. */
export const PickTwoTownships: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(selectOf(canvasElement, 'towns'));
    await userEvent.click(await screen.findByTitle('巩昌镇'));
    await userEvent.click(await screen.findByTitle('首阳镇'));
    await userEvent.click(submitButton(canvasElement));
    await waitFor(() => expect(args.onSubmit).toHaveBeenCalledWith({ towns: ['621122100', '621122102'] }));
  },
};

/** Prefilled codes are shown by name. */
export const Prefilled: Story = {
  args: { formData: { towns: ['621122101'] } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('文峰镇')).toBeTruthy();
  },
};
