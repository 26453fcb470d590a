// The engine never reads the wall clock directly: deadlines and timers take a Clock so tests can
// move time (a P30D escalation is tested by advancing the clock, not by waiting a month).

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to. */
export class ManualClock implements Clock {
  private ms: number;
  constructor(start: Date | string = '2026-01-05T09:00:00+08:00') {
    this.ms = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.ms);
  }
  set(at: Date | string): void {
    this.ms = new Date(at).getTime();
  }
  /** Moves forward by milliseconds or an ISO-8601 duration (`P30D`, `PT2H`). */
  advance(by: number | string): void {
    this.ms = typeof by === 'number' ? this.ms + by : addDuration(new Date(this.ms), by).getTime();
  }
}

const DURATION = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function isIsoDuration(value: string): boolean {
  return DURATION.test(value) && value !== 'P' && !value.endsWith('T');
}

/** Adds an ISO-8601 duration on calendar days (working-day calendars come with the SLA work). */
export function addDuration(from: Date, duration: string): Date {
  const m = DURATION.exec(duration);
  if (!m || !isIsoDuration(duration)) throw new RangeError(`not an ISO-8601 duration: ${duration}`);
  const [, y, mo, w, d, h, mi, s] = m;
  const at = new Date(from.getTime());
  if (y) at.setUTCFullYear(at.getUTCFullYear() + Number(y));
  if (mo) at.setUTCMonth(at.getUTCMonth() + Number(mo));
  const days = Number(w ?? 0) * 7 + Number(d ?? 0);
  const ms = ((days * 24 + Number(h ?? 0)) * 60 + Number(mi ?? 0)) * 60_000 + Number(s ?? 0) * 1000;
  return new Date(at.getTime() + ms);
}
