// 突增预警: townships and case types whose last 7 days reach the pack's multiple of their weekly mean
// over the 8 weeks before (GET /api/analysis/alerts) — on the dashboard and the 研判 page.
import { Alert, Card, Space, Tag, Typography } from 'antd';
import type { SpikeAlert } from '../api/types';
import { ErrorAlert } from '../app/common';
import { useI18n } from '../app/i18n';
import { useSession } from '../app/session';
import { useLoad } from '../app/use-load';

export default function SpikeAlerts({ compact = false }: { compact?: boolean }) {
  const { api } = useSession();
  const { t } = useI18n();
  const alerts = useLoad(() => api.request<SpikeAlert[]>('GET', '/api/analysis/alerts'), [api]);
  const list = alerts.data ?? [];
  if (compact && !list.length) return null;
  return (
    <Card size="small" title={t('anaAlerts')} loading={alerts.loading && !alerts.data} data-testid="spike-alerts">
      <ErrorAlert error={alerts.error} onRetry={alerts.reload} />
      {!list.length && !alerts.error && <Typography.Text type="secondary">{t('anaNoAlerts')}</Typography.Text>}
      <Space orientation="vertical" style={{ width: '100%' }}>
        {list.map((a) => (
          <Alert
            key={`${a.dimension}-${a.pack}-${a.key ?? ''}`}
            type="warning"
            showIcon
            data-testid="spike-alert"
            title={<Space wrap size={4}>
              <Tag>{a.dimension === 'township' ? t('anaTownship') : t('anaType')}</Tag>
              <span>{t('anaAlertText', { label: a.label ?? a.key ?? '—', current: a.current, baseline: a.baseline })}</span>
              {a.ratio !== null && <Tag color="red">{t('anaRatio', { ratio: a.ratio })}</Tag>}
            </Space>}
          />
        ))}
      </Space>
    </Card>
  );
}
