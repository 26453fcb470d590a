// Caps on the public (unauthenticated) endpoints — 公示 and the applicant's rating page — counted
// in PostgreSQL (`public_request_counts`), so every server node on the database shares them:
//  - requests per client address and minute (any public endpoint of this family);
//  - failed look-ups of a typed rating code per client address and hour, and of all addresses
//    together: a 10-character code has 50 bits, so with at most `codeFailuresPerHour` wrong codes
//    an hour from one address (and `codeFailuresTotalPerHour` from everyone) guessing one of the
//    open codes stays hopeless. Links with the 256-bit token are not limited by failures.
// Beyond a cap the answer is 429 RATE_LIMITED with Retry-After (seconds to the window's end).
import type { Request } from 'express';
import type pg from 'pg';
import type { Clock } from '@yizhan/engine';
import { ApiError } from './http-errors';

export interface PublicLimits {
  /** Requests per client address and minute. */
  perMinute: number;
  /** Failed code look-ups per client address and hour. */
  codeFailuresPerHour: number;
  /** Failed code look-ups of all addresses together per hour. */
  codeFailuresTotalPerHour: number;
}

export const DEFAULT_PUBLIC_LIMITS: PublicLimits = { perMinute: 120, codeFailuresPerHour: 20, codeFailuresTotalPerHour: 2000 };

const MINUTE = 60_000;
const HOUR = 3600_000;

/** The client address counted (the socket's: behind a proxy, the proxy's — like login throttling). */
export function clientAddress(req: Request): string {
  return req.socket.remoteAddress ?? 'unknown';
}

export class PublicRateLimited extends ApiError {
  constructor(readonly retryAfterSeconds: number, message: string) {
    super('RATE_LIMITED', message, [{ code: 'RATE_LIMITED', message: `${retryAfterSeconds} 秒后可再试` }]);
  }
}

export class PublicLimiter {
  constructor(private readonly pool: pg.Pool, private readonly clock: Clock, readonly limits: PublicLimits = DEFAULT_PUBLIC_LIMITS) {}

  /** Counts one public request of `address`; 429 beyond the per-minute cap. */
  async request(address: string): Promise<void> {
    const { count, retryAfter } = await this.bump(`req:${address}`, MINUTE);
    if (count > this.limits.perMinute) throw new PublicRateLimited(retryAfter, `请求过于频繁，请在 ${retryAfter} 秒后重试`);
  }

  /** 429 when `address` (or everyone) has used up the failed code look-ups of this hour. */
  async checkCodeLookups(address: string): Promise<void> {
    const start = this.windowStart(HOUR);
    const { rows } = await this.pool.query<{ bucket: string; count: number }>(
      'select bucket, count from public_request_counts where window_start = $1 and bucket = any($2::text[])',
      [start, [`code:${address}`, 'code:*']]);
    const mine = rows.find((r) => r.bucket === `code:${address}`)?.count ?? 0;
    const all = rows.find((r) => r.bucket === 'code:*')?.count ?? 0;
    if (mine >= this.limits.codeFailuresPerHour || all >= this.limits.codeFailuresTotalPerHour) {
      const retryAfter = this.retryAfter(start, HOUR);
      throw new PublicRateLimited(retryAfter, `评价码输错次数过多，请在 ${Math.ceil(retryAfter / 60)} 分钟后重试，或使用短信 / 回执上的链接`);
    }
  }

  /** Counts a failed code look-up of `address` (and of everyone). */
  async codeFailure(address: string): Promise<void> {
    await this.bump(`code:${address}`, HOUR);
    await this.bump('code:*', HOUR);
  }

  private windowStart(size: number): Date {
    const now = this.clock.now().getTime();
    return new Date(now - (now % size));
  }

  private retryAfter(start: Date, size: number): number {
    return Math.max(1, Math.ceil((start.getTime() + size - this.clock.now().getTime()) / 1000));
  }

  private async bump(bucket: string, size: number): Promise<{ count: number; retryAfter: number }> {
    const start = this.windowStart(size);
    const { rows } = await this.pool.query<{ count: number }>(
      `insert into public_request_counts (bucket, window_start, count) values ($1, $2, 1)
       on conflict (bucket, window_start) do update set count = public_request_counts.count + 1 returning count`,
      [bucket, start]);
    const count = rows[0].count;
    // A new window of some bucket: forget every window that has ended more than an hour ago.
    if (count === 1) await this.pool.query('delete from public_request_counts where window_start < $1', [new Date(start.getTime() - 2 * HOUR)]);
    return { count, retryAfter: this.retryAfter(start, size) };
  }
}
