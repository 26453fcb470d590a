import { CameraOutlined, UploadOutlined } from '@ant-design/icons';
import type { RJSFSchema, WidgetProps } from '@rjsf/utils';
import { Button, Upload, type UploadFile } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { caseFormContext, type AttachmentRef, type CaseFormContext, type CaseFormData } from '../form-context';

function isAttachment(value: unknown): value is AttachmentRef {
  return typeof value === 'object' && value !== null && typeof (value as AttachmentRef).id === 'string';
}

const WORDS = {
  'zh-CN': { upload: '上传附件', photo: '拍照上传', unavailable: '上传未开通', failed: (name: string) => `“${name}”上传失败，请重试` },
  en: { upload: 'Upload', photo: 'Take a photo', unavailable: 'Uploads not available', failed: (name: string) => `Uploading “${name}” failed; please try again` },
};

/** A phone or tablet (a 网格员 in the field): small screen or a touch pointer. */
const PHONE_QUERY = '(max-width: 575px), (pointer: coarse)';
function useOnPhone(): boolean {
  const query = typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(PHONE_QUERY) : undefined;
  const [phone, setPhone] = useState(() => query?.matches ?? false);
  useEffect(() => {
    if (!query) return;
    const on = () => setPhone(query.matches);
    query.addEventListener('change', on);
    return () => query.removeEventListener('change', on);
  }, [query?.media]);
  return phone;
}

/**
 * `ui:widget: "attachments"` on an array of `{ id, name, size?, contentType? }` — file references. Files go to
 * the server through `formContext.uploadAttachment`; the form keeps only the references it returns.
 * Without an uploader the list is shown read-only. On a phone a 拍照上传 button opens the camera
 * (`<input type="file" accept="image/*" capture>`) besides the ordinary file picker.
 */
export function AttachmentsWidget({ id, value, disabled, readonly, registry, onChange }: WidgetProps<CaseFormData, RJSFSchema, CaseFormContext>) {
  const { uploadAttachment, locale } = caseFormContext(registry.formContext);
  const words = WORDS[locale ?? 'zh-CN'];
  const refs = Array.isArray(value) ? value.filter(isAttachment) : [];
  // uploads finishing one after another each add to the latest list, not to the one they started with
  const latest = useRef(refs);
  latest.current = refs;
  const [uploading, setUploading] = useState<UploadFile[]>([]);
  const [failure, setFailure] = useState<string | undefined>();
  const canUpload = Boolean(uploadAttachment) && !disabled && !readonly;
  const phone = useOnPhone();
  const camera = useRef<HTMLInputElement>(null);

  const fileList: UploadFile[] = [
    ...refs.map((r): UploadFile => ({ uid: r.id, name: r.name, status: 'done', size: r.size, type: r.contentType })),
    ...uploading,
  ];

  const send = (file: File) => {
    if (!uploadAttachment) return;
    const uid = `uploading-${file.name}-${Date.now()}`;
    setFailure(undefined);
    setUploading((u) => [...u, { uid, name: file.name, status: 'uploading' }]);
    uploadAttachment(file)
      .then((ref) => {
        setUploading((u) => u.filter((f) => f.uid !== uid));
        const next = [...latest.current, ref];
        latest.current = next;
        onChange(next);
      })
      .catch(() => {
        setUploading((u) => u.filter((f) => f.uid !== uid));
        setFailure(words.failed(file.name));
      });
  };

  return (
    <div id={id}>
      {canUpload && phone && (
        <div style={{ marginBottom: 8 }}>
          <Button icon={<CameraOutlined />} onClick={() => camera.current?.click()} data-testid="attachment-camera">{words.photo}</Button>
          <input
            ref={camera}
            type="file"
            accept="image/*"
            capture="environment"
            style={{ display: 'none' }}
            data-testid="attachment-photo"
            onChange={(e) => {
              for (const file of Array.from(e.target.files ?? [])) send(file);
              e.target.value = '';
            }}
          />
        </div>
      )}
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
          if (typeof file === 'string' || !(file instanceof File)) return;
          send(file);
        }}
      >
        <Button icon={<UploadOutlined />} disabled={!canUpload}>
          {uploadAttachment ? words.upload : words.unavailable}
        </Button>
      </Upload>
      {failure ? <div role="alert" style={{ color: '#ff4d4f' }}>{failure}</div> : null}
    </div>
  );
}
