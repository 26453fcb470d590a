// 通报: a month's or quarter's assessment as a Word document (docx) and as a workbook (xlsx) —
// the period, per group a ranking table, the red list (units below the scheme's red line) and a
// bar chart of the totals. The chart is an SVG rasterised to PNG by resvg (no browser); its bars
// are labelled with ranks and scores (ASCII — the server need not have a Chinese font), the
// ranking table beside it gives the names.
import { Resvg } from '@resvg/resvg-js';
import {
  AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import ExcelJS from 'exceljs';
import type { AssessmentReport } from './assessment';

const CHART_WIDTH = 900;
const BAR_HEIGHT = 26;

/** A horizontal bar chart of the units' totals, highest first, as PNG. */
export function rankingChartPng(report: AssessmentReport): Buffer {
  const units = report.units;
  const top = 20;
  const left = 60;
  const right = 80;
  const height = top * 2 + Math.max(1, units.length) * BAR_HEIGHT;
  const span = CHART_WIDTH - left - right;
  const total = report.scheme.total;
  const x = (v: number) => left + (span * Math.max(0, v)) / total;
  const bars = units.map((u, i) => {
    const y = top + i * BAR_HEIGHT;
    const fill = u.red ? '#d4380d' : '#1677ff';
    return `<text x="${left - 8}" y="${y + 17}" font-size="13" text-anchor="end" fill="#333">#${u.rank}</text>
      <rect x="${left}" y="${y + 4}" width="${(x(u.total) - left).toFixed(1)}" height="${BAR_HEIGHT - 8}" fill="${fill}"/>
      <text x="${(x(u.total) + 6).toFixed(1)}" y="${y + 17}" font-size="13" fill="#333">${u.total}</text>`;
  });
  const red = report.scheme.redLine === null ? '' : `<line x1="${x(report.scheme.redLine).toFixed(1)}" y1="${top - 6}" x2="${x(report.scheme.redLine).toFixed(1)}" y2="${height - top + 6}" stroke="#d4380d" stroke-dasharray="4 3"/>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}">
    <rect width="100%" height="100%" fill="#fff"/>
    <line x1="${left}" y1="${top - 6}" x2="${left}" y2="${height - top + 6}" stroke="#999"/>
    ${bars.join('\n')}
    ${red}
  </svg>`;
  return new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, background: '#ffffff' }).render().asPng();
}

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const figureText = (kind: 'rate' | 'count', value: number | null) => (kind === 'rate' ? pct(value) : String(value ?? 0));

/** The ranking table of a report as rows of text: 名次, 单位, each indicator (points and figure), 总分, 红榜. */
export function rankingRows(report: AssessmentReport): string[][] {
  const head = ['名次', '考核对象', ...report.indicators.map((i) => `${i.label}（${i.weight}分）`), `总分（${report.scheme.total}）`, '红榜'];
  const rows = report.units.map((u) => [
    String(u.rank), u.name,
    ...u.indicators.map((s, k) => `${s.points}（${figureText(report.indicators[k].kind, s.value)}）`),
    String(u.total), u.red ? '是' : '',
  ]);
  return [head, ...rows];
}

function cell(text: string, bold = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18 })] })] });
}

/** The bulletin as a Word document. */
export async function bulletinDocx(reports: AssessmentReport[], issuedAt: Date): Promise<Buffer> {
  const first = reports[0];
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(`${first.packName ?? first.packId} ${first.period.label}考核通报`)] }),
    new Paragraph({ children: [new TextRun(`考核方案：${first.scheme.name}（满分 ${first.scheme.total} 分${first.scheme.redLine === null ? '' : `，低于 ${first.scheme.redLine} 分列入红榜`}）`)] }),
    new Paragraph({ children: [new TextRun(`考核周期：${first.period.label}（受理时间 ${day(first.period.from)} 至 ${day(new Date(new Date(first.period.to).getTime() - 1).toISOString())}）；通报日期：${day(issuedAt.toISOString())}`)] }),
  ];
  for (const report of reports) {
    const rows = rankingRows(report);
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(`${report.group.label}考核排名`)] }));
    children.push(new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: rows.map((r, i) => new TableRow({ tableHeader: i === 0, children: r.map((t) => cell(t, i === 0)) })),
    }));
    const red = report.units.filter((u) => u.red);
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${report.group.label}红榜（需整改）`)] }));
    if (!red.length) children.push(new Paragraph({ children: [new TextRun('本期无单位列入红榜。')] }));
    else {
      children.push(new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: ['名次', '考核对象', '总分', '主要失分'].map((t) => cell(t, true)) }),
          ...red.map((u) => new TableRow({
            children: [String(u.rank), u.name, String(u.total), lostText(u)].map((t) => cell(t)),
          })),
        ],
      }));
    }
    const png = rankingChartPng(report);
    const size = pngSize(png);
    const width = 600;
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`${report.group.label}总分图`)] }));
    children.push(new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width, height: Math.round((size.height * width) / size.width) } })] }));
    children.push(new Paragraph({ children: [new TextRun({ text: '图中 #n 为名次，对应上表；红色为红榜单位，虚线为红榜线。', italics: true, size: 18 })] }));
  }
  const doc = new Document({ creator: 'yizhan', title: `${first.period.label}考核通报`, sections: [{ children }] });
  return Packer.toBuffer(doc);
}

/** The bulletin as a workbook: a sheet per group (ranking with the red list marked, and the chart). */
export async function bulletinXlsx(reports: AssessmentReport[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'yizhan';
  for (const report of reports) {
    const sheet = book.addWorksheet(`${report.group.label}排名`.slice(0, 31));
    sheet.addRow([`${report.packName ?? report.packId} ${report.period.label}考核通报 — ${report.group.label}（${report.scheme.name}）`]).font = { bold: true };
    const rows = rankingRows(report);
    rows.forEach((r, i) => {
      const row = sheet.addRow(r);
      if (i === 0) row.font = { bold: true };
      else if (report.units[i - 1].red) row.font = { color: { argb: 'FFD4380D' } };
    });
    sheet.columns.forEach((c, i) => { c.width = i === 1 ? 22 : 16; });
    const png = rankingChartPng(report);
    const size = pngSize(png);
    const image = book.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
    sheet.addImage(image, { tl: { col: 0, row: rows.length + 2 }, ext: { width: 720, height: Math.round((size.height * 720) / size.width) } });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function lostText(u: AssessmentReport['units'][number]): string {
  return u.indicators.filter((i) => i.lost > 0).sort((a, b) => b.lost - a.lost).slice(0, 3).map((i) => `${i.label} −${i.lost}`).join('；') || '—';
}

function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function day(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
