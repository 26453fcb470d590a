import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, screen, userEvent, waitFor, within } from 'storybook/test';
import { CaseForm } from '../src/react/index';
import { disputeIntake, org, selectOf, submitButton, uploadToNowhere } from './fixtures';

const meta = {
  title: 'Forms/矛盾纠纷登记 DisputeIntake',
  component: CaseForm,
  args: { definition: disputeIntake, org, uploadAttachment: uploadToNowhere, onSubmit: fn(), onError: fn() },
} satisfies Meta<typeof CaseForm>;
export default meta;
type Story = StoryObj<typeof meta>;

const valid = {
  partyName: '张三',
  idNumber: '621122198001010013',
  mobile: '13912345678',
  disputeType: 'neighbour',
  location: '621122100001',
  claim: '要求邻居拆除违建围墙',
};

/** Submitting the empty form lists every required field in Chinese and submits nothing. */
export const EmptySubmit: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(submitButton(canvasElement));
    for (const text of ['请填写当事人姓名', '请填写身份证号', '请填写手机', '请填写纠纷类型', '请填写发生地', '请填写诉求']) {
      await expect((await canvas.findAllByText(text)).length).toBeGreaterThan(0);
    }
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

/** A wrong ID checksum gets the clerk-friendly message. */
export const BadResidentId: Story = {
  args: { formData: { ...valid, idNumber: '621122198001010014' } },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(submitButton(canvasElement));
    await expect((await canvas.findAllByText('请输入有效的18位身份证号码')).length).toBeGreaterThan(0);
    await expect(args.onSubmit).not.toHaveBeenCalled();
  },
};

/** Choosing 劳资纠纷 reveals 用人单位 and 拖欠金额, which are then required. */
export const LabourDisputeNeedsEmployer: Story = {
  args: { formData: valid },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.queryByLabelText(/用人单位$/)).toBeNull();
    await userEvent.click(selectOf(canvasElement, 'disputeType'));
    await userEvent.click(await screen.findByTitle('劳资纠纷'));
    await userEvent.click(submitButton(canvasElement));
    await expect((await canvas.findAllByText('请填写用人单位')).length).toBeGreaterThan(0);
    await expect((await canvas.findAllByText('请填写拖欠金额（元）')).length).toBeGreaterThan(0);
    await expect(args.onSubmit).not.toHaveBeenCalled();
    await userEvent.type(canvas.getByLabelText(/用人单位$/), '陇西县某建筑公司');
    await userEvent.type(canvas.getByLabelText(/拖欠金额/), '12800');
    await userEvent.click(submitButton(canvasElement));
    await waitFor(() =>
      expect(args.onSubmit).toHaveBeenCalledWith({ ...valid, disputeType: 'labour', employer: '陇西县某建筑公司', amountOwed: 12800 }),
    );
  },
};

/** A complete registration submits exactly the data the server validates. */
export const CompleteSubmit: Story = {
  args: { formData: { ...valid, townships: ['621122100'], occurredOn: '2024-05-01' } },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(submitButton(canvasElement));
    await waitFor(() => expect(args.onSubmit).toHaveBeenCalledWith({ ...valid, townships: ['621122100'], occurredOn: '2024-05-01' }));
  },
};
