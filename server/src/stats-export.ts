// 统计导出: the same figures as GET /api/stats as a spreadsheet — xlsx (a 汇总 sheet with the
// rows and totals, a 案件明细 sheet with every case behind them) or CSV (the rows, or every case,
// UTF-8 with a BOM so that Excel opens Chinese text correctly). Both are written as a stream:
// cases arrive in batches from a cursor and leave as they come, whatever their number — nothing is
// cut off, and memory holds one batch.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { RESULT_LABELS, RESULTS, SATISFACTION as SATISFACTION_VALUES, SATISFACTION_LABELS } from '@yizhan/packs';
import type { LedgerCase, StatsFigures, StatsReport } from './reports';

const GROUP_LABELS: Record<StatsReport['groupBy'], string> = {
  type: '类型', unit: '单位', level: '层级', township: '乡镇', department: '部门', month: '月份', channel: '来源渠道', caseClass: '纠纷等级', handlingLevel: '办理层级',
};

const COLUMNS: { key: keyof StatsFigures; header: string; rate?: boolean }[] = [
  { key: 'total', header: '受理数' },
  { key: 'closed', header: '办结数' },
  { key: 'closureRate', header: '办结率', rate: true },
  { key: 'mediated', header: '调处数' },
  { key: 'succeeded', header: '调处成功数' },
  { key: 'successRate', header: '调处成功率', rate: true },
  { key: 'rated', header: '评价数' },
  { key: 'satisfied', header: '满意' },
  { key: 'basic', header: '基本满意' },
  { key: 'dissatisfied', header: '不满意' },
  { key: 'satisfactionRate', header: '满意率', rate: true },
  { key: 'onTime', header: '按时办结数' },
  { key: 'onTimeRate', header: '按时办结率', rate: true },
  { key: 'overdue', header: '超期未办结' },
  { key: 'supervised', header: '挂牌督办' },
];

/** The packs' labels of 调处结果 and 满意度 (processes/src/wording.ts), by value. */
const RESULT: Record<string, string> = Object.fromEntries(RESULTS.map((v, i) => [v, RESULT_LABELS[i]]));
const SATISFACTION: Record<string, string> = Object.fromEntries(SATISFACTION_VALUES.map((v, i) => [v, SATISFACTION_LABELS[i]]));
const STATUS: Record<string, string> = { active: '办理中', completed: '已办结', incident: '异常', failed: '失败', withdrawn: '已撤回', refused: '不予受理' };

function summaryTable(report: StatsReport): (string | number | null)[][] {
  const head = [GROUP_LABELS[report.groupBy], ...COLUMNS.map((c) => c.header)];
  const line = (label: string, f: StatsFigures) => [label, ...COLUMNS.map((c) => f[c.key])];
  return [head, ...report.rows.map((r) => line(r.label ?? r.key ?? '（未填）', r)), line('合计', report.totals)];
}

const csvCell = (v: string | number | null) => {
  if (v === null) return '';
  const s = String(v);
  // Quote when needed; a leading = + - @ would be a formula in Excel.
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
const csvLine = (row: (string | number | null)[]) => `${row.map(csvCell).join(',')}\r\n`;

export function statsCsv(report: StatsReport): string {
  return `\uFEFF${summaryTable(report).map(csvLine).join('')}`;
}

/** 台账 columns: one row per case (the party masked unless the reader may see personal data in lists). */
const DETAIL_COLUMNS: { header: string; key: string; width: number }[] = [
  { header: '案件编号', key: 'number', width: 10 },
  { header: '流程', key: 'processKey', width: 18 },
  { header: '类型', key: 'type', width: 14 },
  { header: '当事人', key: 'party', width: 10 },
  { header: '来源渠道', key: 'channel', width: 10 },
  { header: '案件等级', key: 'caseClass', width: 10 },
  { header: '发生地', key: 'unitName', width: 16 },
  { header: '承办部门', key: 'handlers', width: 24 },
  { header: '办理层级', key: 'handlingLevel', width: 10 },
  { header: '月份', key: 'month', width: 10 },
  { header: '状态', key: 'status', width: 10 },
  { header: '受理时间', key: 'createdAt', width: 20 },
  { header: '办理时限', key: 'dueAt', width: 20 },
  { header: '办结时间', key: 'completedAt', width: 20 },
  { header: '调处结果', key: 'result', width: 10 },
  { header: '协议编号', key: 'agreementNo', width: 16 },
  { header: '满意度', key: 'satisfaction', width: 10 },
  { header: '评价意见', key: 'comment', width: 24 },
  { header: '按时办结', key: 'onTime', width: 10 },
  { header: '超期', key: 'overdue', width: 8 },
];

/** The routing decision's case classes (the rules' `caseClass`). */
const CASE_CLASS: Record<string, string> = { general: '一般', larger: '较大', major: '重大疑难' };

function detailRow(c: LedgerCase): Record<string, string | number | null> {
  return {
    number: c.number, processKey: c.processKey, party: c.party ?? '', channel: c.channel ?? '', type: c.type,
    caseClass: c.caseClass ? CASE_CLASS[c.caseClass] ?? c.caseClass : '', unitName: c.unitName ?? c.unit, handlers: c.handlers.join('、'),
    handlingLevel: c.handlingLevel ?? '', month: c.month,
    status: c.status === 'active' && c.suspended ? '中止' : STATUS[c.status] ?? c.status, createdAt: beijing(c.createdAt),
    dueAt: c.dueAt ? beijing(c.dueAt) : '', completedAt: c.completedAt ? beijing(c.completedAt) : '',
    result: c.result ? RESULT[c.result] : '', agreementNo: c.agreementNo ?? '', satisfaction: c.satisfaction ? SATISFACTION[c.satisfaction] : '',
    comment: c.comment ?? '', onTime: c.status === 'completed' ? (c.onTime ? '是' : '否') : '', overdue: c.overdue ? '是' : '',
  };
}

/** The client went away in the middle of an export: stop reading the cursor. */
export class ExportAborted extends Error {}

/** Waits while `out` has more buffered than it wants (a slow client slows the cursor, not memory). */
async function drained(out: Writable): Promise<void> {
  // let other requests run between batches: an export must not hold the event loop
  await new Promise((ok) => setImmediate(ok));
  if (out.writableNeedDrain && !out.destroyed) await Promise.race([once(out, 'drain'), once(out, 'close')]);
  if (out.destroyed) throw new ExportAborted('client closed the connection');
}

/** Every case as CSV (案件明细), streamed batch by batch; returns the number of cases written. */
export async function writeCasesCsv(out: Writable, cases: AsyncIterable<LedgerCase[]>): Promise<number> {
  let n = 0;
  out.write(`\uFEFF${csvLine(DETAIL_COLUMNS.map((c) => c.header))}`);
  for await (const batch of cases) {
    out.write(batch.map((c) => {
      const row = detailRow(c);
      return csvLine(DETAIL_COLUMNS.map((col) => row[col.key] ?? null));
    }).join(''));
    n += batch.length;
    await drained(out);
  }
  out.end();
  return n;
}

/** The 汇总 and 案件明细 sheets, written to `out` as the cases arrive; returns the number of cases written. */
export async function writeStatsXlsx(out: Writable, report: StatsReport, cases: AsyncIterable<LedgerCase[]>): Promise<number> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  book.creator = 'yizhan';
  const period = `受理时间：${report.from ? report.from.slice(0, 10) : '不限'} 至 ${report.to ? report.to.slice(0, 10) : '不限'}`;
  const summary = book.addWorksheet('汇总', { views: [{ state: 'frozen', ySplit: 2, xSplit: 1 }] });
  summary.columns = [
    { key: 'label', width: 24 },
    ...COLUMNS.map((c) => ({ key: c.key, width: Math.max(10, c.header.length * 2 + 2), style: c.rate ? { numFmt: '0.00%' } : {} })),
  ];
  summary.addRow([`按${GROUP_LABELS[report.groupBy]}统计（${period}）`]).commit();
  summaryTable(report).forEach((row, i) => {
    const r = summary.addRow(row);
    if (i === 0) r.font = { bold: true };
    r.commit();
  });
  summary.commit();

  const detail = book.addWorksheet('案件明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  detail.columns = DETAIL_COLUMNS;
  detail.getRow(1).font = { bold: true };
  let n = 0;
  for await (const batch of cases) {
    for (const c of batch) detail.addRow(detailRow(c)).commit();
    n += batch.length;
    await drained(out);
  }
  detail.commit();
  await book.commit();
  return n;
}

/** 2026-03-02 09:00, Beijing time (the centres' time, whatever the server's zone). */
function beijing(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}
