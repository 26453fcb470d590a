// 附件：the files kept with a case (evidence), with who uploaded them and when; download or, for
// images and PDFs, view. Staff of the case may add one here.
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, List, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { ApiClient } from '../api/client';
import { ErrorAlert, formatTime } from '../app/common';
import { useI18n } from '../app/i18n';
import { useLoad } from '../app/use-load';

function sizeText(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${Math.ceil(n / 1024)} KB` : `${n} B`;
}

export function CaseAttachments({ api, caseId, canUpload }: { api: ApiClient; caseId: string; canUpload: boolean }) {
  const { t } = useI18n();
  const list = useLoad(() => api.caseAttachments(caseId), [api, caseId]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const save = async (id: string, name: string) => {
    setError(undefined);
    try {
      const blob = await api.attachmentBlob(id);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Card
      size="small"
      title={`${t('attachments')}${list.data?.length ? `（${list.data.length}）` : ''}`}
      data-testid="attachments"
      extra={canUpload && (
        <Upload
          showUploadList={false}
          customRequest={({ file }) => {
            if (!(file instanceof File)) return;
            setBusy(true);
            setError(undefined);
            api.uploadAttachment(file, file.name, caseId).then(() => list.reload(), setError).finally(() => setBusy(false));
          }}
        >
          <Button size="small" icon={<UploadOutlined />} loading={busy} data-testid="attachment-upload">{t('uploadAttachment')}</Button>
        </Upload>
      )}
    >
      <ErrorAlert error={list.error ?? error} />
      {list.data && list.data.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noAttachments')} /> : (
        <List
          size="small"
          loading={list.loading}
          dataSource={list.data ?? []}
          renderItem={(a) => (
            <List.Item
              key={a.id}
              actions={[<Button key="dl" type="link" size="small" icon={<DownloadOutlined />} onClick={() => void save(a.id, a.name)} aria-label={`${t('download')} ${a.name}`}>{t('download')}</Button>]}
            >
              <List.Item.Meta
                title={<Typography.Text ellipsis style={{ maxWidth: '100%' }}>{a.name}</Typography.Text>}
                description={`${sizeText(a.size)} · ${a.contentType} · ${a.uploadedBy} · ${formatTime(a.uploadedAt)}`}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
