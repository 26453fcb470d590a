// Exports of more than 10,000 cases: the 案件明细 sheet and the CSV of cases hold exactly as many
// rows as the 汇总 counts — nothing is cut off — streamed from a cursor; and one user runs at most
// two exports at once, all users four (429 TOO_MANY_EXPORTS beyond).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../engine/test/support/databases';
import { PROCESS, startTestServer, type TestServer } from './support/harness';

const CASES = 10_160;

describe.each(databaseTargets())('exports of %s cases ($name PostgreSQL)'.replace('%s', String(CASES)), (target) => {
  let s: TestServer;
  let admin: string;
  beforeAll(async () => {
    s = await startTestServer(target);
    admin = await s.login('admin');
    // The cases are written in one statement (the volume, not the process, is under test here):
    // a third closed, spread over three months and two townships.
    const { rows } = await s.db.pool.query<{ id: string }>('select id from definitions where key = $1 order by version desc limit 1', [PROCESS]);
    await s.db.pool.query(
      `insert into cases (id, definition_id, process_key, status, state, variables, title, type, unit, created_by, created_at, updated_at, completed_at)
       select gen_random_uuid(), $1, $2, case when i % 3 = 0 then 'completed' else 'active' end, '{}', '{}', '案件 ' || i,
              case when i % 2 = 0 then 'neighbour' else 'wages' end, case when i % 2 = 0 then 't-a-1' else 't-b' end, 'clerka',
              timestamptz '2026-01-01 09:00+08' + (i * interval '11 minutes'), now(),
              case when i % 3 = 0 then timestamptz '2026-01-01 09:00+08' + (i * interval '11 minutes') + interval '1 day' end
         from generate_series(1, $3::int) i`,
      [rows[0].id, PROCESS, CASES],
    );
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it('xlsx: the detail sheet has every case the summary counts', async () => {
    const stats = (await s.request('GET', '/api/stats?groupBy=month', { token: admin })).body;
    expect(stats.totals.total).toBe(CASES);
    const res = await fetch(`${s.url}/api/stats/export?format=xlsx&groupBy=month`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const summary = book.getWorksheet('汇总')!;
    const totalRow = summary.getRow(3 + stats.rows.length);
    expect(totalRow.getCell(1).value).toBe('合计');
    expect(totalRow.getCell(2).value).toBe(CASES);
    const detail = book.getWorksheet('案件明细')!;
    expect(detail.rowCount - 1).toBe(CASES);
    const numbers = new Set<unknown>();
    detail.eachRow((row, i) => {
      if (i > 1) numbers.add(row.getCell(1).value);
    });
    expect(numbers.size).toBe(CASES);
  }, 120_000);

  it('CSV of cases: one line per case, streamed', async () => {
    const res = await fetch(`${s.url}/api/stats/export?format=csv&sheet=cases`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-length')).toBeNull(); // chunked: written as it is read
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0].split(',').slice(0, 3)).toEqual(['案件编号', '流程', '类型']);
    expect(lines.length - 1).toBe(CASES);
    expect(lines.filter((l) => l.includes(',已办结,')).length).toBe(Math.floor(CASES / 3));
  }, 120_000);

  it('runs at most two exports of one user, four in all, at once (429 TOO_MANY_EXPORTS beyond)', async () => {
    const go = () => fetch(`${s.url}/api/stats/export?format=xlsx`, { headers: { authorization: `Bearer ${admin}` } });
    const answers = await Promise.all([go(), go(), go(), go()]);
    const statuses = answers.map((r) => r.status).sort();
    const refused = answers.filter((r) => r.status === 429);
    expect(refused.length, statuses.join()).toBeGreaterThanOrEqual(1);
    expect(answers.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(2);
    const body = await refused[0].json();
    expect(body.error.code).toBe('TOO_MANY_EXPORTS');
    expect(refused[0].headers.get('retry-after')).toBeTruthy();
    await Promise.all(answers.filter((r) => r.status === 200).map((r) => r.arrayBuffer()));
    // once they are done, the next export runs
    const next = await go();
    expect(next.status).toBe(200);
    await next.arrayBuffer();

    // four users with two each: at most four run in all
    const users = await Promise.all(['admin', 'countyadmin', 'leader', 'auditor'].map((u) => s.login(u)));
    const all = await Promise.all(users.flatMap((t) => [0, 1].map(() => fetch(`${s.url}/api/stats/export?format=xlsx`, { headers: { authorization: `Bearer ${t}` } }))));
    const ok = all.filter((r) => r.status === 200);
    expect(ok.length).toBeLessThanOrEqual(4);
    expect(all.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(4);
    await Promise.all(ok.map((r) => r.arrayBuffer()));
  }, 120_000);
});
