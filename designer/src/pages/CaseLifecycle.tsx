// 案件详情里的「受理与时限」：不予受理（受理阶段，须说明理由并告知当事人）、中止 / 恢复（时限停止计算后顺延）、
// 延期（办理人员申请 → 领导审批 → 新的办理时限）. Each button shows only to the roles the server
// grants it (see server/src/roles.ts); the server checks again and records every action in the history.
import { Button, Card, Form, Input, InputNumber, Modal, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CaseDetail, ResponseOf } from '../api/types';
import { ErrorAlert, formatTime } from '../app/common';
import { useI18n } from '../app/i18n';
import { useSession } from '../app/session';
import { useToast } from '../app/ui';
import { useLoad } from '../app/use-load';

type Extension = ResponseOf<'listExtensions'>[number];
type Action = 'refuse' | 'suspend' | 'resume' | 'extend';

const WORDS = {
  'zh-CN': {
    title: '受理与时限', refuse: '不予受理', suspend: '中止', resume: '恢复', extend: '申请延期', approve: '批准', reject: '驳回',
    reason: '理由', notice: '告知当事人', task: '任务', days: '延长天数', suspended: '已中止（时限停止计算）', since: '自',
    pending: '待审批', approved: '已批准', rejected: '已驳回', done: '已办理', required: '必填', extensions: '延期申请',
    resumeConfirm: '恢复后，待办任务的办理时限和转黄时间按中止的时间顺延。', newDue: '新时限',
  },
  en: {
    title: 'Intake and time limits', refuse: 'Refuse (不予受理)', suspend: 'Suspend', resume: 'Resume', extend: 'Ask for more time', approve: 'Approve', reject: 'Reject',
    reason: 'Reason', notice: 'Notice to the applicant', task: 'Task', days: 'Days', suspended: 'Suspended (the clock is stopped)', since: 'since',
    pending: 'Pending', approved: 'Approved', rejected: 'Rejected', done: 'Done', required: 'Required', extensions: 'Extension requests',
    resumeConfirm: 'On resuming, open tasks’ due dates and warning times move by the suspended time.', newDue: 'New due date',
  },
} as const;

export default function CaseLifecycle({ kase, onChanged }: { kase: CaseDetail; onChanged: () => void }) {
  const { api, user } = useSession();
  const { lang } = useI18n();
  const w = WORDS[lang === 'en' ? 'en' : 'zh-CN'];
  const toast = useToast();
  const role = user?.role;
  const extensions = useLoad(() => api.request<Extension[]>('GET', `/api/cases/${encodeURIComponent(kase.id)}/extensions`), [api, kase.id, kase.history.length]);
  const [action, setAction] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [form] = Form.useForm();

  const running = kase.status === 'active' || kase.status === 'incident';
  const staff = role === 'staff' || role === 'admin';
  const leads = role === 'leader' || role === 'admin';
  const suspended = !!kase.suspendedAt;
  const handlingStarted = kase.tasks.some((tk) => tk.status === 'completed');
  const list = extensions.data ?? [];
  if (!running && !list.length) return null;

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
      toast.success(w.done);
      setAction(null);
      form.resetFields();
      onChanged();
      extensions.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const caseUrl = `/api/cases/${encodeURIComponent(kase.id)}`;
  const submit = async () => {
    const v = (await form.validateFields()) as { reason?: string; notice?: string; taskId?: string; days?: number };
    await run(async () => {
      if (action === 'refuse') await api.request('POST', `${caseUrl}/refuse`, { reason: v.reason, ...(v.notice ? { notice: v.notice } : {}) });
      if (action === 'suspend') await api.request('POST', `${caseUrl}/suspend`, { reason: v.reason });
      if (action === 'resume') await api.request('POST', `${caseUrl}/resume`);
      if (action === 'extend') await api.request('POST', `/api/tasks/${encodeURIComponent(v.taskId ?? '')}/extensions`, { days: v.days, reason: v.reason });
    });
  };
  const decide = (e: Extension, approve: boolean) => run(() => api.request('POST', `/api/extensions/${e.id}/decision`, { approve }));
  const taskName = (id: string) => kase.tasks.find((tk) => tk.id === id)?.name ?? id.slice(0, 8);

  return (
    <Card size="small" title={w.title} data-testid="case-lifecycle">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <ErrorAlert error={error} />
        {suspended && <Tag color="orange" data-testid="suspended">{w.suspended} {w.since} {formatTime(kase.suspendedAt)}</Tag>}
        {running && (
          <Space wrap>
            {staff && !handlingStarted && <Button danger onClick={() => setAction('refuse')} data-testid="refuse">{w.refuse}</Button>}
            {leads && !suspended && <Button onClick={() => setAction('suspend')} data-testid="suspend">{w.suspend}</Button>}
            {leads && suspended && <Button onClick={() => setAction('resume')} data-testid="resume">{w.resume}</Button>}
            {staff && kase.openTasks.length > 0 && <Button onClick={() => setAction('extend')} data-testid="extend">{w.extend}</Button>}
          </Space>
        )}
        {list.length > 0 && (
          <Space orientation="vertical" style={{ width: '100%' }} data-testid="extensions">
            <Typography.Text strong>{w.extensions}</Typography.Text>
            {list.map((e) => (
              <Space key={e.id} wrap>
                <Typography.Text>{taskName(e.taskId)}：+{e.days}（{e.reason}）</Typography.Text>
                <Tag color={e.status === 'approved' ? 'green' : e.status === 'rejected' ? 'red' : 'gold'}>{w[e.status]}</Tag>
                {e.newDueAt && <Typography.Text type="secondary">{w.newDue} {formatTime(e.newDueAt)}</Typography.Text>}
                {leads && e.status === 'pending' && (
                  <>
                    <Button size="small" type="primary" loading={busy} onClick={() => void decide(e, true)}>{w.approve}</Button>
                    <Button size="small" loading={busy} onClick={() => void decide(e, false)}>{w.reject}</Button>
                  </>
                )}
              </Space>
            ))}
          </Space>
        )}
      </Space>
      <Modal open={action !== null} title={action ? w[action] : ''} onCancel={() => setAction(null)} onOk={() => void submit()} okButtonProps={{ loading: busy }} destroyOnHidden>
        <Form form={form} layout="vertical" preserve={false}>
          {action === 'resume' && <Typography.Paragraph>{w.resumeConfirm}</Typography.Paragraph>}
          {action === 'extend' && (
            <>
              <Form.Item name="taskId" label={w.task} rules={[{ required: true, message: w.required }]} initialValue={kase.openTasks[0]?.id}>
                <Select options={kase.openTasks.map((tk) => ({ value: tk.id, label: `${tk.name ?? tk.elementId}（${formatTime(tk.dueAt)}）` }))} />
              </Form.Item>
              <Form.Item name="days" label={w.days} rules={[{ required: true, message: w.required }]}>
                <InputNumber min={1} max={366} precision={0} />
              </Form.Item>
            </>
          )}
          {action && action !== 'resume' && (
            <Form.Item name="reason" label={w.reason} rules={[{ required: true, whitespace: true, message: w.required }]}>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          )}
          {action === 'refuse' && (
            <Form.Item name="notice" label={w.notice}>
              <Input.TextArea rows={2} maxLength={2000} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
