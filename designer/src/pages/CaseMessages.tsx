// 案件详情里的「可发送的消息」：the BPMN messages the case waits for (撤回 …) as buttons; one opens
// the form the message declares (e.g. 撤回理由) or asks for confirmation, then sends it.
import { CaseForm } from '@yizhan/forms/react';
import type { FieldError } from '@yizhan/forms';
import { Alert, Button, Card, Modal, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/client';
import type { WaitingMessage } from '../api/types';
import { ErrorAlert } from '../app/common';
import { useI18n } from '../app/i18n';
import { useToast } from '../app/ui';
import { useSession } from '../app/session';
import { useLoad } from '../app/use-load';

interface Props {
  caseId: string;
  /** The case's definition (the message's form is looked up in its version). */
  definition: { key: string; version: number } | null | undefined;
  /** Changes whenever the case does (reload the waits). */
  caseVersion: number;
  onSent: () => void;
}

export default function CaseMessages({ caseId, definition, caseVersion, onSent }: Props) {
  const { api, org } = useSession();
  const { t, lang } = useI18n();
  const toast = useToast();
  const waiting = useLoad(() => api.waitingMessages(caseId), [api, caseId, caseVersion]);
  const [chosen, setChosen] = useState<WaitingMessage | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const formKey = chosen?.formKey;
  const form = useLoad(async () => (formKey ? api.form(formKey, definition?.key, definition?.version) : null), [api, formKey, definition]);

  const messages = waiting.data ?? [];
  if (waiting.error) return <ErrorAlert error={waiting.error} onRetry={waiting.reload} />;
  if (!messages.length) return null;

  const close = () => {
    setChosen(null);
    setError(undefined);
    setFieldErrors([]);
  };
  const send = async (payload: Record<string, unknown>) => {
    if (!chosen) return;
    setBusy(true);
    setError(undefined);
    try {
      await api.sendMessage(caseId, chosen.name, payload);
      toast.success(t('messageSent'));
      close();
      onSent();
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.code === 'FORM_INVALID') {
        setFieldErrors(e.details.map((d) => ({ field: d.field ?? '', keyword: d.code ?? '', message: d.message })));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t('waitingMessages')} data-testid="case-messages">
      <Space wrap>
        {messages.map((m) => (
          <Button key={`${m.name}/${m.elementId}`} onClick={() => setChosen(m)} data-testid={`message-${m.name}`}>
            {m.label}
          </Button>
        ))}
      </Space>
      <Modal
        open={chosen !== null}
        title={chosen?.label}
        onCancel={close}
        cancelText={t('cancel')}
        okText={t('ok')}
        // with a form, its own submit button sends; without one, OK does
        footer={formKey ? null : undefined}
        okButtonProps={{ loading: busy }}
        onOk={() => void send({})}
        destroyOnHidden
      >
        <Space orientation="vertical" style={{ width: '100%' }}>
          <ErrorAlert error={error} />
          {!formKey && <Typography.Text>{t('messageConfirm', { name: chosen?.label ?? '' })}</Typography.Text>}
          {formKey && (form.loading ? <Spin /> : form.error ? <ErrorAlert error={form.error} onRetry={form.reload} /> : form.data && (
            <CaseForm
              definition={form.data}
              org={org}
              locale={lang}
              disabled={busy}
              onSubmit={(data) => void send(data)}
              onChange={() => fieldErrors.length && setFieldErrors([])}
            />
          ))}
          {fieldErrors.length > 0 && <Alert type="error" title={fieldErrors.map((e) => `${e.field} ${e.message}`).join('；')} />}
        </Space>
      </Modal>
    </Card>
  );
}
