// 待办：我的 / 本部门 / 超期, 红黄绿 due tags, 认领 and 办理.
import { Button, Empty, Segmented, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { InboxScope, InboxStatus } from '../api/client';
import type { InboxTask } from '../api/types';
import { DueTag, ErrorAlert } from '../app/common';
import { useI18n } from '../app/i18n';
import { useToast } from '../app/ui';
import { Link, useRouter } from '../app/router';
import { useSession } from '../app/session';
import { useInboxWatch } from '../app/inbox-watch';
import { usePaged } from '../app/use-paged';
import { PHONE, useNarrow } from '../app/use-narrow';

type View = 'inbox' | 'mine' | 'department' | 'overdue';
const EDGE = { green: '#52c41a', yellow: '#faad14', red: '#ff4d4f' } as const;
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
  // reloaded when the live inbox sees tasks come, go or change colour (no reload of the page)
  const { version } = useInboxWatch();
  const tasks = usePaged((cursor) => api.tasksPage(...QUERY[view], cursor), [api, view, version]);
  const deptName = (code: string) => org.departments.find((d) => d.code === code)?.name ?? code;
  const phone = useNarrow(PHONE);

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

  const groups = (task: InboxTask) => task.candidateGroups.slice(0, 3).map((g) => <Tag key={g}>{deptName(g)}</Tag>);
  const actions = (task: InboxTask) => (
    <Space>
      {task.actionable && !task.assignee && (
        <Button size="small" type="primary" loading={busy === task.id} onClick={() => void claim(task)} data-testid="claim">{t('claim')}</Button>
      )}
      <Button size="small" onClick={() => navigate(`/tasks/${task.id}`)} data-testid="handle">
        {task.actionable && task.assignee === user?.username ? t('handle') : t('open')}
      </Button>
    </Space>
  );

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
      {phone ? (
        // A phone: one card per task — what, which case, by when, and the buttons — instead of a
        // table whose columns would shrink to a character each.
        <Spin spinning={tasks.loading}>
          <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }} data-testid="inbox-cards">
            {tasks.items.map((task) => (
              <div
                key={task.id}
                data-testid={`task-row-${task.elementId}`}
                data-colour={task.colour ?? 'none'}
                style={{ background: '#fff', border: '1px solid #f0f0f0', borderRadius: 6, padding: 12, borderLeft: `4px solid ${task.colour ? EDGE[task.colour] : '#d9d9d9'}` }}
              >
                <div style={{ fontWeight: 600, fontSize: 15, marginBottom: 4 }}>
                  <Space size={4} wrap>{task.name ?? task.elementId}{groups(task)}{(task.supervision || task.supervised) && <Tag color="red" data-testid="inbox-supervised">{t('supTag')}</Tag>}</Space>
                </div>
                <div style={{ color: '#555', marginBottom: 4, wordBreak: 'break-word' }}>
                  <Link to={`/cases/${task.caseId}`}>{t('caseNo')} {task.caseNumber}</Link>{' · '}{task.caseTitle ?? task.caseType ?? task.processKey}
                </div>
                <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
                  <DueTag dueAt={task.dueAt} colour={task.colour} />
                  {task.assignee && <span style={{ color: '#888' }}>{t('assignee')}：{task.assignee}</span>}
                  {actions(task)}
                </div>
              </div>
            ))}
            {!tasks.loading && tasks.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noTasks')} />}
          </div>
        </Spin>
      ) : (
      <Table<InboxTask>
        scroll={{ x: 'max-content' }}
        rowKey="id"
        loading={tasks.loading}
        dataSource={tasks.items}
        pagination={false}
        locale={{ emptyText: t('noTasks') }}
        onRow={(task) => ({ 'data-testid': `task-row-${task.elementId}`, 'data-colour': task.colour ?? 'none' } as React.HTMLAttributes<HTMLElement>)}
        columns={[
          { title: t('dueAt'), key: 'due', width: 200, render: (_, task) => <DueTag dueAt={task.dueAt} colour={task.colour} /> },
          { title: t('caseNo'), dataIndex: 'caseNumber', width: 100, render: (n: number, task) => <Link to={`/cases/${task.caseId}`}>{n}</Link> },
          {
            title: t('caseTitle'), key: 'case',
            render: (_, task) => <Space size={4} wrap>{task.caseTitle ?? task.caseType ?? task.processKey}{(task.supervision || task.supervised) && <Tag color="red" data-testid="inbox-supervised">{t('supTag')}</Tag>}</Space>,
          },
          { title: t('taskName'), key: 'name', render: (_, task) => <Space size={4} wrap>{task.name ?? task.elementId}{groups(task)}</Space> },
          { title: t('assignee'), dataIndex: 'assignee', width: 120, render: (a: string | null) => a ?? '—' },
          {
            title: t('actions'), key: 'actions', width: 170,
            render: (_, task) => actions(task),
          },
        ]}
      />
      )}
      <ErrorAlert error={tasks.moreError} onRetry={() => void tasks.more()} />
      {tasks.hasMore && (
        <Space style={{ width: '100%', justifyContent: 'center' }}>
          <Button onClick={() => void tasks.more()} loading={tasks.loadingMore} data-testid="inbox-more">{t('loadMore')}</Button>
        </Space>
      )}
    </Space>
  );
}
