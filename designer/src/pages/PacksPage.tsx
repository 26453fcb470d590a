// 流程包：deployed packs (latest version each) and their versions; open one in the designer.
import { Button, Space } from 'antd';
import { PageTitle, Panel } from '../app/ui';
import { lazy, Suspense, useState } from 'react';
import { SimpleTable } from '../app/SimpleTable';
import type { PackDeployment } from '../api/types';
import { ErrorAlert, formatTime } from '../app/common';
import { useI18n } from '../app/i18n';
import { useRouter } from '../app/router';
import { useSession } from '../app/session';
import { useLoad } from '../app/use-load';

const VersionDiff = lazy(() => import('../pack/VersionDiff'));

export function PackVersions({ packId }: { packId: string }) {
  const { api } = useSession();
  const { t } = useI18n();
  const versions = useLoad(() => api.packVersions(packId), [api, packId]);
  // 版本比较: a version against the one deployed before it (versions come newest first)
  const [compare, setCompare] = useState<{ from: string; to: string }>();
  const previous = (v: PackDeployment) => {
    const list = versions.data ?? [];
    return list[list.findIndex((x) => x.version === v.version) + 1]?.version;
  };
  return (
    <>
      <ErrorAlert error={versions.error} />
      <SimpleTable<PackDeployment>
        rowKey={(v) => `${v.packId}@${v.version}`}
        loading={versions.loading}
        rows={versions.data ?? []}
        columns={[
          { key: 'v', title: t('version'), render: (v) => v.version },
          { key: 'p', title: t('process'), render: (v) => v.processes.map((p) => `${p.key} v${p.version}`).join('，') },
          { key: 'by', title: t('deployedBy'), render: (v) => v.deployedBy ?? '—' },
          { key: 'at', title: t('deployedAt'), render: (v) => formatTime(v.deployedAt) },
          { key: 'diff', title: '', render: (v) => {
            const from = previous(v);
            return from && <Button size="small" data-testid={`diff-${v.version}`} onClick={() => setCompare({ from, to: v.version })}>{t('vdiffWithPrevious')}</Button>;
          } },
        ]}
      />
      {compare && <Suspense fallback={null}><VersionDiff key={`${compare.from}>${compare.to}`} packId={packId} from={compare.from} to={compare.to} /></Suspense>}
    </>
  );
}

export default function PacksPage() {
  const { api, can } = useSession();
  const { t } = useI18n();
  const { navigate } = useRouter();
  const packs = useLoad(() => api.packs(), [api]);
  const [expanded, setExpanded] = useState<string>();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, justifyContent: 'space-between', alignItems: 'center' }}>
        <PageTitle>{t('packs')}</PageTitle>
        {can('deploy') && (
          <Space wrap>
            <Button onClick={() => navigate('/admin/migrations')} data-testid="open-migrations">{t('migOpen')}</Button>
            <Button onClick={() => navigate('/admin/packs/_local')} data-testid="open-local">{t('openLocal')}</Button>
          </Space>
        )}
      </div>
      <ErrorAlert error={packs.error} onRetry={packs.reload} />
      <Panel>
        <SimpleTable<PackDeployment>
          rowKey={(p) => p.packId}
          loading={packs.loading}
          rows={packs.data ?? []}
          rowTestId={(p) => `pack-row-${p.packId}`}
          columns={[
            { key: 'id', title: t('packId'), render: (p) => p.packId },
            { key: 'name', title: t('packName'), render: (p) => p.name ?? '—' },
            { key: 'v', title: t('version'), render: (p) => p.version },
            { key: 'at', title: t('deployedAt'), render: (p) => formatTime(p.deployedAt) },
            {
              key: 'a', title: t('actions'), render: (p) => (
                <Space>
                  <Button size="small" type="primary" onClick={() => navigate(`/admin/packs/${encodeURIComponent(p.packId)}`)} data-testid="open-pack">{t('openPack')}</Button>
                  <Button size="small" onClick={() => setExpanded((e) => (e === p.packId ? undefined : p.packId))}>{t('packVersions')}</Button>
                </Space>
              ),
            },
          ]}
        />
      </Panel>
      {expanded && <Panel title={`${expanded} · ${t('packVersions')}`}><PackVersions packId={expanded} /></Panel>}
    </Space>
  );
}
