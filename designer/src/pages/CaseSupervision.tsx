// 案件详情里的「挂牌督办」与「重复来访」：the case's 督办 (each 批示 with its deadline, who gave it, 销号)
// and its 包案领导; a leader (or an administrator) supervises the case, names a 包案领导 and closes a
// 督办 — the server decides whether the pack lets this role do it and records each in the history.
// Repeats: other cases of the same party (ID number, phone, address) within the pack's days.
import { Alert, Button, Card, DatePicker, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { CaseDetail, Repeats, Supervision } from '../api/types';
import { ErrorAlert, formatTime } from '../app/common';
import { useI18n } from '../app/i18n';
import { Link } from '../app/router';
import { useSession } from '../app/session';
import { useToast } from '../app/ui';
import { useLoad } from '../app/use-load';
import { personNamer } from './case-data';

type Action = { kind: 'supervise' } | { kind: 'leader' } | { kind: 'close'; supervision: Supervision };

export function CaseSupervision({ kase, onChanged }: { kase: CaseDetail; onChanged: () => void }) {
  const { api, user } = useSession();
  const { t } = useI18n();
  const toast = useToast();
  const url = `/api/cases/${encodeURIComponent(kase.id)}`;
  const list = useLoad(() => api.request<Supervision[]>('GET', `${url}/supervisions`), [api, kase.id, kase.history.length]);
  const [action, setAction] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [form] = Form.useForm();
  const leads = user?.role === 'leader' || user?.role === 'admin';
  const running = kase.status === 'active' || kase.status === 'incident';
  const person = personNamer(kase, { system: t('actorSystem'), citizen: t('ratingCitizen') });
  const items = list.data ?? [];
  if (!items.length && !(leads && running) && !kase.leaderInCharge) return null;

  const submit = async () => {
    const v = (await form.validateFields()) as { instruction?: string; deadline?: Dayjs; leader?: string; note?: string };
    setBusy(true);
    setError(undefined);
    try {
      if (action?.kind === 'supervise') {
        await api.request('POST', `${url}/supervise`, {
          instruction: v.instruction, ...(v.deadline ? { deadline: v.deadline.endOf('day').toISOString() } : {}), ...(v.leader?.trim() ? { leaderInCharge: v.leader.trim() } : {}),
        });
      }
      if (action?.kind === 'leader') await api.request('POST', `${url}/leader`, { leader: v.leader?.trim() || null });
      if (action?.kind === 'close') await api.request('POST', `/api/supervisions/${action.supervision.id}/close`, { ...(v.note?.trim() ? { note: v.note.trim() } : {}) });
      toast.success(t('supDone'));
      setAction(null);
      onChanged();
      list.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={<Space>{t('supTitle')}{kase.supervisedAt && <Tag color="red" data-testid="case-supervised">{t('supTag')}</Tag>}</Space>} data-testid="case-supervision">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <ErrorAlert error={error ?? list.error} />
        {kase.leaderInCharge && <Typography.Text data-testid="leader-in-charge">{t('supLeader')}：{kase.leaderInCharge}</Typography.Text>}
        {items.map((s) => (
          <div key={s.id} data-testid="supervision" style={{ borderLeft: `3px solid ${s.status === 'active' ? '#cf1322' : '#d9d9d9'}`, paddingLeft: 8 }}>
            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{s.instruction}</Typography.Paragraph>
            <Space wrap size={4}>
              <Tag color={s.status === 'active' ? 'red' : 'default'}>{s.status === 'active' ? t('supActive') : t('supClosed')}</Tag>
              {s.deadline && <Tag color={s.status === 'active' && new Date(s.deadline) < new Date() ? 'red' : 'orange'}>{t('supDeadline')} {formatTime(s.deadline)}</Tag>}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('supBy', { by: person(s.createdBy), at: formatTime(s.createdAt) })}</Typography.Text>
              {s.closingNote && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('supCloseNote')}：{s.closingNote}</Typography.Text>}
              {leads && s.status === 'active' && <Button size="small" onClick={() => setAction({ kind: 'close', supervision: s })} data-testid="supervision-close">{t('supClose')}</Button>}
            </Space>
          </div>
        ))}
        {leads && running && (
          <Space wrap>
            <Button type="primary" danger onClick={() => setAction({ kind: 'supervise' })} data-testid="supervise">{t('supervise')}</Button>
            <Button onClick={() => setAction({ kind: 'leader' })} data-testid="assign-leader">{t('supAssignLeader')}</Button>
          </Space>
        )}
      </Space>
      <Modal
        open={action !== null}
        title={action?.kind === 'supervise' ? t('supervise') : action?.kind === 'leader' ? t('supAssignLeader') : t('supClose')}
        onCancel={() => setAction(null)} onOk={() => void submit()} okButtonProps={{ loading: busy }} destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          {action?.kind === 'supervise' && (
            <>
              <Form.Item name="instruction" label={t('supInstruction')} rules={[{ required: true, whitespace: true, message: t('supRequired') }]}>
                <Input.TextArea rows={4} maxLength={2000} data-testid="supervision-instruction" />
              </Form.Item>
              <Form.Item name="deadline" label={t('supDeadline')}>
                <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.endOf('day').valueOf() < Date.now()} data-testid="supervision-deadline" />
              </Form.Item>
            </>
          )}
          {(action?.kind === 'supervise' || action?.kind === 'leader') && (
            <Form.Item name="leader" label={t('supLeader')} extra={t('supLeaderHint')} initialValue={kase.leaderInCharge ?? undefined}>
              <Input maxLength={100} data-testid="supervision-leader" />
            </Form.Item>
          )}
          {action?.kind === 'close' && (
            <Form.Item name="note" label={t('supCloseNote')}>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}

/** 重复来访: other visible cases of the same party within the pack's days — a warning, with links. */
export function CaseRepeats({ caseId }: { caseId: string }) {
  const { api } = useSession();
  const { t } = useI18n();
  const repeats = useLoad(() => api.request<Repeats>('GET', `/api/cases/${encodeURIComponent(caseId)}/repeats`), [api, caseId]);
  const found = repeats.data?.cases ?? [];
  if (!found.length) return null;
  const kinds: Record<string, string> = { id: t('anaKindId'), phone: t('anaKindPhone'), address: t('anaKindAddress'), name: t('anaKindName') };
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="case-repeats"
      title={`${t('anaRepeats')}：${t('anaRepeatText', { n: found.length, days: repeats.data?.days ?? 0 })}`}
      description={(
        <Space orientation="vertical" size={2}>
          {found.map((c) => (
            <span key={c.id}>
              <Link to={`/cases/${c.id}`}>{t('caseNo')} {c.number}</Link>
              {' · '}{c.title ?? c.type ?? ''}{' · '}{formatTime(c.createdAt)}{' · '}{t('anaMatched')}：{c.matched.map((k) => kinds[k] ?? k).join('、')}
            </span>
          ))}
        </Space>
      )}
    />
  );
}
