// The dashboard's view of the server: /api/stats (figures by a grouping), /api/stats/cases
// (drill-down), /api/stats/export (xlsx / CSV download) and the red / yellow task lists.
import type { ApiClient } from '../api/client';
import type { components } from '../api/schema';
import type { InboxTask, QueryOf, ResponseOf } from '../api/types';

export type StatsReport = ResponseOf<'getStats'>;
export type GroupBy = StatsReport['groupBy'];
export type Figures = StatsReport['totals'];
export type StatsRow = components['schemas']['StatsRow'];
export type StatsCase = components['schemas']['StatsCase'];
export type StatsFilter = Pick<QueryOf<'getStats'>, 'from' | 'to' | 'process'>;

export const GROUP_LABELS: Record<GroupBy, string> = {
  type: '类型', unit: '单位', level: '层级', township: '乡镇', department: '部门', month: '月份', channel: '来源渠道', caseClass: '纠纷等级', handlingLevel: '办理层级',
};

export function fetchStats(api: ApiClient, groupBy: GroupBy, f: StatsFilter): Promise<StatsReport> {
  return api.request<StatsReport>('GET', '/api/stats', undefined, { groupBy, ...f });
}

export function fetchStatsCases(api: ApiClient, groupBy: GroupBy, key: string | null, f: StatsFilter): Promise<StatsCase[]> {
  return api.request<ResponseOf<'getStatsCases'>>('GET', '/api/stats/cases', undefined, { groupBy, key: key ?? '', limit: 500, ...f });
}

export function fetchTasks(api: ApiClient, status: 'overdue' | 'warning'): Promise<InboxTask[]> {
  return api.request<InboxTask[]>('GET', '/api/tasks', undefined, { scope: 'unit', status, limit: 200 });
}

/** The export URL (same filters as the figures on screen). */
export function exportUrl(format: 'xlsx' | 'csv', groupBy: GroupBy, f: StatsFilter): string {
  const q = new URLSearchParams({ format, groupBy });
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  return `/api/stats/export?${q.toString()}`;
}

/** How far a download has come: bytes, CSV lines (rows) so far, and the rows the server announced. */
export interface DownloadProgress {
  bytes: number;
  /** Rows received so far (CSV: lines after the header); null for xlsx, which is compressed. */
  rows: number | null;
  /** The rows the export holds (X-Export-Rows), when the server says. */
  total: number | null;
}

/**
 * Downloads with the session's Bearer token (a plain link would not carry it), reading the stream
 * as it comes so that `onProgress` can show how far it is (an export of a million cases takes a while).
 */
export async function download(url: string, token: string | null, fallbackName: string, onProgress?: (p: DownloadProgress) => void): Promise<void> {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new Error(`导出失败（HTTP ${res.status}）`);
  const csv = (res.headers.get('content-type') ?? '').startsWith('text/csv');
  const announced = Number(res.headers.get('x-export-rows') ?? NaN);
  const total = Number.isFinite(announced) ? announced : null;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  let lines = 0;
  if (res.body) {
    const reader = res.body.getReader();
    let last = 0;
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      chunks.push(r.value);
      bytes += r.value.length;
      if (csv) for (const b of r.value) if (b === 10) lines++;
      // at most a few updates a second
      if (onProgress && performance.now() - last > 200) {
        last = performance.now();
        onProgress({ bytes, rows: csv ? Math.max(0, lines - 1) : null, total });
      }
    }
  }
  onProgress?.({ bytes, rows: csv ? Math.max(0, lines - 1) : null, total });
  const blob = new Blob(chunks, { type: res.headers.get('content-type') ?? 'application/octet-stream' });
  const cd = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/.exec(cd);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = m ? decodeURIComponent(m[1]) : fallbackName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

export const percent = (r: number | null): string => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);
