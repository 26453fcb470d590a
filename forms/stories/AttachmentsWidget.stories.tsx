import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { CaseForm } from '../src/react/index';
import { disputeIntake, oneField, submitButton, uploadToNowhere } from './fixtures';

const attachments = disputeIntake.schema.properties?.attachments;

const meta = {
  title: 'Widgets/Attachments 附件',
  component: CaseForm,
  args: {
    definition: oneField('attachments', attachments as Record<string, unknown>, { 'ui:widget': 'attachments' }, false),
    uploadAttachment: uploadToNowhere,
    onSubmit: fn(),
  },
} satisfies Meta<typeof CaseForm>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A file goes to the uploader; the form keeps the reference it returns. */
export const UploadOne: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const input = canvasElement.querySelector<HTMLInputElement>('input[type=file]');
    await expect(input).not.toBeNull();
    await userEvent.upload(input!, new File(['调解协议'], '调解协议.pdf', { type: 'application/pdf' }));
    await expect((await canvas.findAllByText('调解协议.pdf')).length).toBeGreaterThan(0);
    await userEvent.click(submitButton(canvasElement));
    await waitFor(() =>
      expect(args.onSubmit).toHaveBeenCalledWith({
        attachments: [{ id: 'att-调解协议.pdf', name: '调解协议.pdf', size: 12, contentType: 'application/pdf' }],
      }),
    );
  },
};

/** Without an uploader the existing references are listed and uploading is off. */
export const ReadOnlyList: Story = {
  args: {
    uploadAttachment: undefined,
    formData: { attachments: [{ id: 'f-1', name: '现场照片.jpg', size: 20480, contentType: 'image/jpeg' }] },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('现场照片.jpg')).toBeTruthy();
    await expect(canvas.getByText('上传未开通').closest('button')).toBeDisabled();
  },
};
