import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { CaseForm } from '../src/react/index';
import { oneField, submitButton } from './fixtures';

const meta = {
  title: 'Widgets/Date 日期',
  component: CaseForm,
  args: {
    definition: oneField('occurredOn', { type: 'string', title: '发生日期', format: 'date' }, { 'ui:options': { disableFuture: true } }),
    onSubmit: fn(),
  },
} satisfies Meta<typeof CaseForm>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A typed date is kept as YYYY-MM-DD. */
export const TypeADate: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const input = canvas.getByPlaceholderText('请选择日期');
    await userEvent.click(input);
    await userEvent.type(input, '2024-05-01{Enter}');
    await userEvent.click(submitButton(canvasElement));
    await waitFor(() => expect(args.onSubmit).toHaveBeenCalledWith({ occurredOn: '2024-05-01' }));
  },
};

/** Prefilled dates show in the picker. */
export const Prefilled: Story = {
  args: { formData: { occurredOn: '2023-11-20' } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByDisplayValue('2023-11-20')).toBeTruthy();
  },
};
