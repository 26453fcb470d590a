import { UploadOutlined } from '@ant-design/icons';
import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { Button, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { caseFormContext, type AttachmentRef, type CaseFormContext, type CaseFormData } from '../form-context';

function isAttachment(value: unknown): value is AttachmentRef {
  return typeof value === 'object' && value !== null && typeof (value as AttachmentRef).id === 'string';
}

/**
 * `ui:widget: "attachments"` on an array of `{ id, name, size?, contentType? }` — file references. Files go to
 * the server through `formContext.uploadAttachment`; the form keeps only the references it returns.
 * Without an uploader the list is shown read-only.
 */
export function AttachmentsWidget({ id, value, disabled, readonly, registry, onChange }: WidgetProps<CaseFormData, RJSFSchema, CaseFormContext>) {
  const { uploadAttachment } = caseFormContext(registry.formContext);
  const refs = Array.isArray(value) ? value.filter(isAttachment) : [];
  const [uploading, setUploading] = useState<UploadFile[]>([]);
  const [failure, setFailure] = useState<string | undefined>();
  const canUpload = Boolean(uploadAttachment) && !disabled && !readonly;

  const fileList: UploadFile[] = [
    ...refs.map((r): UploadFile => ({ uid: r.id, name: r.name, status: 'done', size: r.size, type: r.contentType })),
    ...uploading,
  ];

  return (
    <div id={id}>
      <Upload
        fileList={fileList}
        disabled={!canUpload}
        multiple
        showUploadList={{ showRemoveIcon: !disabled && !readonly }}
        onRemove={(file) => {
          const next = refs.filter((r) => r.id !== file.uid);
          onChange(next.length > 0 ? next : undefined);
          return true;
        }}
        customRequest={({ file }) => {
          if (!uploadAttachment || typeof file === 'string' || !(file instanceof File)) return;
          const uid = `uploading-${file.name}-${Date.now()}`;
          setFailure(undefined);
          setUploading((u) => [...u, { uid, name: file.name, status: 'uploading' }]);
          uploadAttachment(file)
            .then((ref) => {
              setUploading((u) => u.filter((f) => f.uid !== uid));
              onChange([...refs, ref]);
            })
            .catch(() => {
              setUploading((u) => u.filter((f) => f.uid !== uid));
              setFailure(`“${file.name}”上传失败，请重试`);
            });
        }}
      >
        <Button icon={<UploadOutlined />} disabled={!canUpload}>
          {uploadAttachment ? '上传附件' : '上传未开通'}
        </Button>
      </Upload>
      {failure ? <div role="alert" style={{ color: '#ff4d4f' }}>{failure}</div> : null}
    </div>
  );
}
