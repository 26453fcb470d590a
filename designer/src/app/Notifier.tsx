// The notices of the live inbox (./inbox-watch.tsx): antd notifications inside the app's
// ConfigProvider (theme, locale), loaded only when the first notice comes.
import { Button, notification } from 'antd';
import { useEffect } from 'react';
import { formatTime } from './common';
import { useI18n } from './i18n';
import type { InboxNotice } from './inbox-notice';

export default function Notifier({ notices, onShown, onOpen }: { notices: InboxNotice[]; onShown: (ids: string[]) => void; onOpen: (taskId: string) => void }) {
  const [api, holder] = notification.useNotification({ placement: 'bottomRight', maxCount: 5 });
  const { t } = useI18n();
  useEffect(() => {
    if (!notices.length) return;
    for (const n of notices) {
      const name = n.task.name ?? n.task.elementId;
      const open = () => {
        api.destroy(n.id);
        onOpen(n.task.id);
      };
      const args = {
        key: n.id,
        duration: n.kind === 'new' ? 8 : 0,
        actions: <Button size="small" type="primary" onClick={open}>{t('handle')}</Button>,
        props: { 'data-testid': `notice-${n.kind}` } as Record<string, string>,
      };
      if (n.kind === 'new') api.info({ ...args, title: t('newTaskNotice'), description: t('newTaskText', { number: n.task.caseNumber, name }) });
      else api[n.kind === 'red' ? 'error' : 'warning']({
        ...args,
        title: t(n.kind === 'red' ? 'taskTurnedRed' : 'taskTurnedYellow'),
        description: t('taskColourText', { number: n.task.caseNumber, name, due: formatTime(n.task.dueAt) }),
      });
    }
    onShown(notices.map((n) => n.id));
  }, [notices]);
  return holder;
}
