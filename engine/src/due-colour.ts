// 红黄绿: the colour of a task's time limit — green, yellow once most of it is used, red when overdue.

export type DueColour = 'green' | 'yellow' | 'red';

/** 红黄绿 of an open task: red past its due date, yellow past its warning time (else two thirds). */
export function taskColour(t: { createdAt: Date; dueAt: Date | null; warnAt: Date | null }, now: Date): DueColour | null {
  if (!t.dueAt) return null;
  if (now.getTime() > t.dueAt.getTime()) return 'red';
  if (t.warnAt) return now.getTime() >= t.warnAt.getTime() ? 'yellow' : 'green';
  return dueColour(t.createdAt, t.dueAt, now);
}

/** Red when overdue, yellow once two thirds of the time limit are used, else green. */
export function dueColour(created: Date, due: Date | null, now: Date, yellowShare = 2 / 3): DueColour | null {
  if (!due) return null;
  if (now.getTime() > due.getTime()) return 'red';
  const limit = due.getTime() - created.getTime();
  return now.getTime() - created.getTime() >= limit * yellowShare ? 'yellow' : 'green';
}
