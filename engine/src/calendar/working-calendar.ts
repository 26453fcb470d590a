// Deadlines on a working-day calendar: weekends and public holidays are skipped, make-up workdays
// (调休上班) count. One data file per year (China's State Council schedule ships for 2025–2026);
// a county can supply its own years through the pack. Dates are China Standard Time (UTC+8, no DST).
import { addDuration, isIsoDuration } from '../clock';
import cn2025 from './cn/2025.json' with { type: 'json' };
import cn2026 from './cn/2026.json' with { type: 'json' };

export interface CalendarYear {
  year: number;
  /** Days off that would otherwise be workdays (YYYY-MM-DD). */
  holidays: string[];
  /** Weekend days that are workdays (调休上班). */
  workdays: string[];
  source?: string;
}

export type DeadlineMode = 'calendar-days' | 'working-days';

const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86400_000;
const DURATION = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

export const chinaPublicHolidays: readonly CalendarYear[] = [cn2025, cn2026];

export class WorkingCalendar {
  private readonly off = new Set<string>();
  private readonly on = new Set<string>();
  private readonly years = new Set<number>();

  constructor(years: readonly CalendarYear[] = chinaPublicHolidays) {
    for (const y of years) {
      this.years.add(y.year);
      for (const d of y.holidays) this.off.add(d);
      for (const d of y.workdays) this.on.add(d);
    }
  }

  /** The local (UTC+8) date of an instant, YYYY-MM-DD. */
  static localDate(at: Date): string {
    return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
  }

  /** Whether the calendar has data for the year of this instant (else only weekends are known). */
  covers(at: Date): boolean {
    return this.years.has(Number(WorkingCalendar.localDate(at).slice(0, 4)));
  }

  isWorkingDay(at: Date): boolean {
    const day = WorkingCalendar.localDate(at);
    if (this.on.has(day)) return true;
    if (this.off.has(day)) return false;
    const weekday = new Date(at.getTime() + OFFSET_MS).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /**
   * `n` working days after `from`, at the same local time of day. A start on a day off counts from
   * the next working day's start (a case taken in on a Sunday has all of Monday).
   */
  addWorkingDays(from: Date, n: number): Date {
    let at = from;
    if (!this.isWorkingDay(at)) {
      while (!this.isWorkingDay(at)) at = new Date(at.getTime() + DAY_MS);
      at = startOfLocalDay(at);
    }
    for (let left = n; left > 0; ) {
      at = new Date(at.getTime() + DAY_MS);
      if (this.isWorkingDay(at)) left--;
    }
    return at;
  }

  /** Days and weeks of an ISO duration in working days (a week = 5 working days); hours as clock time. */
  addDuration(from: Date, duration: string): Date {
    const m = DURATION.exec(duration);
    if (!m) return addDuration(from, duration); // months / years: calendar arithmetic
    const [, w, d, h, mi, s] = m;
    const days = Number(w ?? 0) * 5 + Number(d ?? 0);
    const base = days > 0 ? this.addWorkingDays(from, days) : from;
    return new Date(base.getTime() + ((Number(h ?? 0) * 60 + Number(mi ?? 0)) * 60 + Number(s ?? 0)) * 1000);
  }
}

function startOfLocalDay(at: Date): Date {
  const local = at.getTime() + OFFSET_MS;
  return new Date(local - (local % DAY_MS) - OFFSET_MS);
}

/** A due date from `camunda:dueDate`: an ISO duration (per the pack's mode) or an ISO date-time. */
export function computeDue(now: Date, due: string | undefined, mode: DeadlineMode, calendar: WorkingCalendar): Date | null {
  if (!due) return null;
  if (isIsoDuration(due)) return mode === 'working-days' ? calendar.addDuration(now, due) : addDuration(now, due);
  const t = Date.parse(due);
  return Number.isNaN(t) ? null : new Date(t);
}
