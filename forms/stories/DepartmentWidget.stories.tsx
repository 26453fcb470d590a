import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen, userEvent, waitFor } from 'storybook/test';
import { CaseForm } from '../src/react/index';
import { oneField, org, selectOf, submitButton } from './fixtures';

const meta = {
  title: 'Widgets/Department 部门选择',
  component: CaseForm,
  args: {
    definition: oneField('department', { type: 'string', title: '承办部门' }, { 'ui:widget': 'department', 'ui:options': { kinds: ['resident', 'window'] } }),
    org,
    onSubmit: fn(),
  },
} satisfies Meta<typeof CaseForm>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Only resident departments and windows are offered; picking one submits its code. */
export const PickResidentDepartment: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(selectOf(canvasElement, 'department'));
    await expect(await screen.findByTitle('诉调对接窗口')).toBeTruthy();
    await expect(screen.queryByTitle('住建局')).toBeNull();
    await userEvent.click(await screen.findByTitle('信访接待中心'));
    await userEvent.click(submitButton(canvasElement));
    await waitFor(() => expect(args.onSubmit).toHaveBeenCalledWith({ department: 'XF' }));
  },
};
