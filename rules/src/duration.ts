// ISO-8601 durations (P1D, P7D, P30D, PT4H) — compared and worded, never turned into dates here
// (deadlines need the engine's working-day calendar).

const PATTERN = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
const UNITS = ['年', '个月', '周', '天', '小时', '分钟', '秒'];
// Approximate seconds per unit: enough to compare limits, not to compute deadlines.
const SECONDS = [365 * 86400, 30 * 86400, 7 * 86400, 86400, 3600, 60, 1];

function parts(duration: string): number[] | undefined {
  const m = PATTERN.exec(duration);
  return m ? m.slice(1).map((p) => (p === undefined ? 0 : Number(p))) : undefined;
}

export function isDuration(value: unknown): value is string {
  return typeof value === 'string' && parts(value) !== undefined;
}

/** Approximate length in seconds; NaN when not a duration. */
export function durationSeconds(duration: string): number {
  const p = parts(duration);
  return p ? p.reduce((sum, n, i) => sum + n * SECONDS[i], 0) : Number.NaN;
}

/** The longest of the given durations. */
export function longest(durations: string[]): string | undefined {
  let best: string | undefined;
  for (const d of durations) {
    if (best === undefined || durationSeconds(d) > durationSeconds(best)) best = d;
  }
  return best;
}

/** "P30D" → "30天", "P1W" → "7天", "PT4H" → "4小时". */
export function durationText(duration: string): string {
  const p = parts(duration);
  if (!p) return duration;
  const days = p[2] * 7 + p[3];
  const values = [p[0], p[1], 0, days, p[4], p[5], p[6]];
  return values.map((n, i) => (n > 0 ? `${n}${UNITS[i]}` : '')).join('') || '0天';
}
