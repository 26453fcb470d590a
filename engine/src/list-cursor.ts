// Keyset pagination: a list page ends with an opaque cursor naming its last row's sort key; the
// next page is the rows after it, found through the list's index whatever the depth (an offset
// reads and throws away every row before it). The cursor is base64url of the key's parts; the
// client only passes it back.
import { BadRequestError } from './errors';
import { isUuid } from './ids';

/** A page of a list and the cursor of the next one (null: this was the last). */
export interface ListPage<T> {
  items: T[];
  next: string | null;
}

/** Cases, newest first: (created_at, number) descending. created_at as PostgreSQL prints it in UTC (µs). */
export interface CaseCursor { at: string; number: string }

/** Tasks, soonest due first: (due_at or +infinity, created_at, id) ascending. */
export interface TaskCursor { due: string; at: string; id: string }

const TIME = /^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?|infinity)$/;

export function encodeCursor(parts: string[]): string {
  return Buffer.from(parts.join('|'), 'utf8').toString('base64url');
}

function parts(cursor: string, n: number): string[] {
  const p = /^[A-Za-z0-9_-]{1,200}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8').split('|') : [];
  if (p.length !== n) throw badCursor();
  return p;
}

const badCursor = () => new BadRequestError('翻页游标无效：请从第一页重新开始', [{ field: 'cursor', code: 'BAD_REQUEST', message: 'cursor' }]);

export function decodeCaseCursor(cursor: string): CaseCursor {
  const [at, number] = parts(cursor, 2);
  if (!TIME.test(at) || at === 'infinity' || !/^\d{1,18}$/.test(number)) throw badCursor();
  return { at, number };
}

export function decodeTaskCursor(cursor: string): TaskCursor {
  const [due, at, id] = parts(cursor, 3);
  if (!TIME.test(due) || !TIME.test(at) || at === 'infinity' || !isUuid(id)) throw badCursor();
  return { due, at, id };
}
