// Working-day deadlines across Spring Festival and National Day, with make-up workdays (调休上班).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseEngine, ManualClock, openDatabase, WorkingCalendar, type Database } from '../src';
import { createTestDatabase, databaseTargets, type TestDatabase } from './support/databases';
import { deployInput, routeHandler } from './support/fixture';

const cal = new WorkingCalendar();
const at = (s: string) => new Date(`${s}+08:00`);
const local = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

describe('working calendar (China, 2025–2026)', () => {
  it('knows weekends, holidays and make-up workdays', () => {
    expect(cal.isWorkingDay(at('2026-02-14T10:00'))).toBe(true); // Saturday, 春节调休上班
    expect(cal.isWorkingDay(at('2026-02-17T10:00'))).toBe(false); // 春节
    expect(cal.isWorkingDay(at('2026-02-24T10:00'))).toBe(true);
    expect(cal.isWorkingDay(at('2026-10-10T10:00'))).toBe(true); // Saturday, 国庆调休上班
    expect(cal.isWorkingDay(at('2026-10-11T10:00'))).toBe(false); // Sunday
    expect(cal.isWorkingDay(at('2026-03-07T10:00'))).toBe(false); // ordinary Saturday
    expect(cal.covers(at('2026-06-01T00:00'))).toBe(true);
    expect(cal.covers(at('2031-06-01T00:00'))).toBe(false);
  });

  it('counts across Spring Festival 2026 (Feb 15–23 off; Feb 14 and 28 worked)', () => {
    expect(local(cal.addDuration(at('2026-02-13T10:00'), 'P1D'))).toBe('2026-02-14 10:00');
    expect(local(cal.addDuration(at('2026-02-14T10:00'), 'P1D'))).toBe('2026-02-24 10:00');
    expect(local(cal.addDuration(at('2026-02-12T10:00'), 'P3D'))).toBe('2026-02-24 10:00');
    expect(local(cal.addDuration(at('2026-02-24T10:00'), 'P1W'))).toBe('2026-03-02 10:00'); // 25, 26, 27, 28 (Saturday, worked), Mar 2
    // taken in during the holiday: counting starts with the first working day
    expect(local(cal.addDuration(at('2026-02-16T15:00'), 'P1D'))).toBe('2026-02-25 00:00');
  });

  it('counts across National Day 2026 (Oct 1–7 off; Sep 20 and Oct 10 worked)', () => {
    expect(local(cal.addDuration(at('2026-09-30T09:00'), 'P1D'))).toBe('2026-10-08 09:00');
    expect(local(cal.addDuration(at('2026-09-30T09:00'), 'P3D'))).toBe('2026-10-10 09:00');
    expect(local(cal.addDuration(at('2026-09-18T09:00'), 'P1D'))).toBe('2026-09-20 09:00');
    // 中秋 Sep 25–27 then the weekend rule resumes
    expect(local(cal.addDuration(at('2026-09-24T09:00'), 'P1D'))).toBe('2026-09-28 09:00');
  });

  it('counts across Spring Festival and National Day 2025', () => {
    expect(local(cal.addDuration(at('2025-01-24T16:30'), 'P1D'))).toBe('2025-01-26 16:30');
    expect(local(cal.addDuration(at('2025-01-27T16:30'), 'P1D'))).toBe('2025-02-05 16:30');
    expect(local(cal.addDuration(at('2025-09-30T09:00'), 'P1D'))).toBe('2025-10-09 09:00');
    expect(local(cal.addDuration(at('2025-09-26T09:00'), 'P1D'))).toBe('2025-09-28 09:00');
  });

  it('keeps hours as clock time and accepts a county calendar', () => {
    expect(local(cal.addDuration(at('2026-02-13T10:00'), 'PT4H'))).toBe('2026-02-13 14:00');
    const county = new WorkingCalendar([{ year: 2026, holidays: ['2026-03-09'], workdays: [] }]);
    expect(local(county.addDuration(at('2026-03-06T10:00'), 'P1D'))).toBe('2026-03-10 10:00');
  });
});

describe.each(databaseTargets())('working-day deadlines in the engine on $name PostgreSQL', (target) => {
  let tdb: TestDatabase;
  let db: Database;
  beforeAll(async () => {
    tdb = await createTestDatabase(target);
    db = await openDatabase({ url: tdb.url });
  });
  afterAll(async () => {
    await db?.close();
    await tdb?.drop();
  });

  it('puts a one-working-day task taken in before Spring Festival due on the make-up Saturday', async () => {
    const clock = new ManualClock('2026-02-13T10:00:00+08:00');
    const engine = new CaseEngine({ pool: db.pool, clock, handlers: { route: routeHandler } });
    await engine.deploy({ ...deployInput('cal/dispute'), deadlines: { mode: 'working-days' } });
    const c = await engine.startCase({ process: 'cal/dispute', data: { applicant: '张三', type: 'wages', townships: ['a'] } });
    expect(local(c.openTasks[0].dueAt as Date)).toBe('2026-02-14 10:00');
    clock.set('2026-02-14T10:00:00+08:00');
    const after = await engine.startCase({ process: 'cal/dispute', data: { applicant: '李四', type: 'wages', townships: ['a'] } });
    expect(local(after.openTasks[0].dueAt as Date)).toBe('2026-02-24 10:00');
  });
});
