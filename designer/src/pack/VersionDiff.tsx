// 版本比较: what changed from one deployed version of a pack to another — the Chinese summary, and
// each changed BPMN file side by side, old and new, with added (green), removed (red) and changed
// (orange) elements marked. Loaded only when a comparison is opened.
import { Alert, Space, Spin, Tag } from 'antd';
import { lazy, Suspense } from 'react';
import { ErrorAlert } from '../app/common';
import { useI18n } from '../app/i18n';
import { useSession } from '../app/session';
import { useLoad } from '../app/use-load';

const BpmnViewer = lazy(() => import('../bpmn/BpmnViewer'));

export default function VersionDiff({ packId, from, to }: { packId: string; from: string; to: string }) {
  const { api } = useSession();
  const { t } = useI18n();
  const loaded = useLoad(async () => {
    const [diff, before, after] = await Promise.all([api.packDiff(packId, { from, to }), api.packFiles(packId, from), api.packFiles(packId, to)]);
    return { diff, before: before.files, after: after.files };
  }, [api, packId, from, to]);
  if (loaded.error) return <ErrorAlert error={loaded.error} />;
  if (!loaded.data) return <Spin />;
  const { diff, before, after } = loaded.data;
  const changedFiles = diff.bpmn.filter((f) => f.status === 'changed' && (f.added.length || f.removed.length || f.changed.length));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="version-diff">
      <strong>{t('vdiffTitle', { from, to })}</strong>
      {diff.summary.length === 0
        ? <Alert type="success" showIcon title={t('vdiffNone')} />
        : <ul style={{ margin: 0, paddingLeft: 18 }} data-testid="diff-summary">{diff.summary.map((line, i) => <li key={i}>{line}</li>)}</ul>}
      {changedFiles.map((f) => {
        const changed = Object.fromEntries(f.changed.map((e) => [e.id, 'yz-changed']));
        return (
          <Space key={f.file} orientation="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <strong>{f.file}</strong>
              <Tag color="green">{t('vdiffAdded')} {f.added.length}</Tag>
              <Tag color="red">{t('vdiffRemoved')} {f.removed.length}</Tag>
              <Tag color="orange">{t('vdiffChanged')} {f.changed.length}</Tag>
            </Space>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
              {[
                { side: 'old', title: `${t('vdiffOld')} ${from}`, xml: before[f.file], marks: { ...changed, ...Object.fromEntries(f.removed.map((e) => [e.id, 'yz-removed'])) } },
                { side: 'new', title: `${t('vdiffNew')} ${to}`, xml: after[f.file], marks: { ...changed, ...Object.fromEntries(f.added.map((e) => [e.id, 'yz-added'])) } },
              ].map((v) => (
                <div key={v.side} style={{ flex: '1 1 420px', minWidth: 0 }} data-testid={`diff-${v.side}`}>
                  <div style={{ marginBottom: 4, color: '#595959' }}>{v.title}</div>
                  <Suspense fallback={<Spin />}>{v.xml && <BpmnViewer xml={v.xml} marks={v.marks} height={360} />}</Suspense>
                </div>
              ))}
            </div>
          </Space>
        );
      })}
    </Space>
  );
}
