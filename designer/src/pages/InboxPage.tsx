// 待办：我的 / 本部门 / 超期, 红黄绿 due tags, 认领 and 办理.
import { Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { InboxScope, InboxStatus } from '../api/client';
import type { InboxTask } from '../api/types';
import { DueTag, ErrorAlert } from '../app/common';
import { useI18n } from '../app/i18n';
import { useToast } from '../app/ui';
import { Link, useRouter } from '../app/router';
import { useSession } from '../app/session';
import { useLoad } from '../app/use-load';

type View = 'inbox' | 'mine' | 'department' | 'overdue';
const QUERY: Record<View, [InboxScope, InboxStatus]> = {
  inbox: ['inbox', 'open'], mine: ['mine', 'open'], department: ['department', 'open'], overdue: ['inbox', 'overdue'],
};

export default function InboxPage() {
  const { api, user, org } = useSession();
  const { t } = useI18n();
  const { navigate, location } = useRouter();
  const message = useToast();
  const view = (location.query.get('view') as View | null) ?? 'inbox';
  const [busy, setBusy] = useState<string>();
  const tasks = useLoad(() => api.tasks(...QUERY[view]), [api, view]);
  const deptName = (code: string) => org.departments.find((d) => d.code === code)?.name ?? code;

  const claim = async (task: InboxTask) => {
    setBusy(task.id);
    try {
      await api.claim(task.id);
      message.success(t('claimed'));
      navigate(`/tasks/${task.id}`);
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
      tasks.reload();
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('inbox')}</Typography.Title>
      <Segmented<View>
        value={view}
        onChange={(v) => navigate(`/inbox?view=${v}`, true)}
        options={[
          { value: 'inbox', label: t('scopeInbox') },
          { value: 'mine', label: t('scopeMine') },
          { value: 'department', label: t('scopeDepartment') },
          { value: 'overdue', label: t('overdue') },
        ]}
        data-testid="inbox-scope"
      />
      <ErrorAlert error={tasks.error} onRetry={tasks.reload} />
      <Table<InboxTask>
        rowKey="id"
        loading={tasks.loading}
        dataSource={tasks.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('noTasks') }}
        onRow={(task) => ({ 'data-testid': `task-row-${task.elementId}`, 'data-colour': task.colour ?? 'none' } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('dueAt'), key: 'due', width: 200, render: (_, task) => <DueTag dueAt={task.dueAt} colour={task.colour} /> },
          { title: t('caseNo'), dataIndex: 'caseNumber', width: 100, render: (n: number, task) => <Link to={`/cases/${task.caseId}`}>{n}</Link> },
          { title: t('caseTitle'), key: 'case', render: (_, task) => task.caseTitle ?? task.caseType ?? task.processKey },
          { title: t('taskName'), key: 'name', render: (_, task) => <Space size={4} wrap>{task.name ?? task.elementId}{task.candidateGroups.slice(0, 3).map((g) => <Tag key={g}>{deptName(g)}</Tag>)}</Space> },
          { title: t('assignee'), dataIndex: 'assignee', width: 120, render: (a: string | null) => a ?? '—' },
          {
            title: t('actions'), key: 'actions', width: 170,
            render: (_, task) => (
              <Space>
                {task.actionable && !task.assignee && (
                  <Button size="small" type="primary" loading={busy === task.id} onClick={() => void claim(task)} data-testid="claim">{t('claim')}</Button>
                )}
                <Button size="small" onClick={() => navigate(`/tasks/${task.id}`)} data-testid="handle">
                  {task.actionable && task.assignee === user?.username ? t('handle') : t('open')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}
