// Dates in query parameters: a bare YYYY-MM-DD is a day in Beijing time, where the centres are.
import { badRequest } from '../http-errors';

/** The pattern the OpenAPI document gives date parameters. */
export const DATE = '^\\d{4}-\\d{2}-\\d{2}([T ][0-9:.]+(Z|[+-]\\d{2}:?\\d{2})?)?$';

/** The parameter as a Date (undefined when absent); a 400 naming the parameter when unreadable. */
export function parseDate(v: string | undefined, name: string): Date | undefined {
  if (!v) return undefined;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00+08:00` : v);
  if (Number.isNaN(d.getTime())) throw badRequest('日期无效', [{ field: name, message: `无法识别的日期：${v}` }]);
  return d;
}
