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

/** Downloads with the session's Bearer token (a plain link would not carry it). */
export async function download(url: string, token: string | null, fallbackName: string): Promise<void> {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!res.ok) throw new Error(`导出失败（HTTP ${res.status}）`);
  const blob = await res.blob();
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
