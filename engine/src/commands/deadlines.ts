// The deadline policy of a definition version: calendar days, or working days on its (or China's)
// holiday calendar, and when a task turns yellow; plus when a timer is due by our clock.
import { LIMITS } from '../bpmn/limits';
import { computeDue, WorkingCalendar, type CalendarYear, type DeadlineMode } from '../calendar/working-calendar';
import { addDuration, isIsoDuration } from '../clock';
import type { DefinitionRecord } from '../definitions';

interface Deadlines {
  mode: DeadlineMode;
  calendar: WorkingCalendar;
  yellowShare: number;
}

/** Deadline rules by definition version (the calendar is built once per version). */
export class DeadlinePolicy {
  private readonly calendars = new Map<string, Deadlines>();

  /** The pack's deadline rule: calendar days, or working days on its (or China's) holiday calendar. */
  of(def: DefinitionRecord): Deadlines {
    let d = this.calendars.get(def.contextHash + def.id);
    if (!d) {
      const cfg = def.meta.deadlines as { mode?: DeadlineMode; calendar?: CalendarYear[]; yellowShare?: number } | undefined;
      d = {
        mode: cfg?.mode ?? 'calendar-days',
        calendar: new WorkingCalendar(cfg?.calendar?.length ? cfg.calendar : undefined),
        yellowShare: cfg?.yellowShare ?? 2 / 3,
      };
      this.calendars.set(def.contextHash + def.id, d);
    }
    return d;
  }

  /** A task's due date (its `dueDate`: ISO duration or date) and when it turns yellow. */
  taskDue(def: DefinitionRecord, now: Date, dueDate: string | undefined): { due: Date | null; warn: Date | null } {
    const deadlines = this.of(def);
    const due = computeDue(now, dueDate, deadlines.mode, deadlines.calendar);
    const warn = due ? new Date(now.getTime() + (due.getTime() - now.getTime()) * deadlines.yellowShare) : null;
    return { due, warn };
  }
}

/** A duration timer is due exactly its ISO duration after now by our clock; others after the engine's delay. */
export function timerDue(now: Date, expression: string | undefined, delayMs: number): Date {
  return expression && isIsoDuration(expression) ? addDuration(now, expression) : new Date(now.getTime() + delayMs);
}

/** A due date the database can store and a person can mean: within ~100 years of now. */
export function saneDate(now: Date, at: Date): boolean {
  const t = at.getTime();
  return Number.isFinite(t) && Math.abs(t - now.getTime()) <= LIMITS.maxTimerHorizonMs;
}
