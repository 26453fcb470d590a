// Login limits: failed logins are counted per account and per client address, in PostgreSQL (so
// several server nodes share them). A successful login never counts, and clears the account's
// failures — an office of many clerks behind one NAT address does not lock itself out by working.
// Beyond a limit every attempt — even with the right password — answers 429 RATE_LIMITED with the
// wait in the message and in Retry-After, until the window that began with the first failure ends.
import type pg from 'pg';
import type { Clock } from '@yizhan/engine';
import { ApiError } from './http-errors';

export interface LoginLimit {
  /** The window that starts with a first failure. */
  windowMs: number;
  /** Failed logins per client address per window. */
  limit: number;
  /** Failed logins per account per window (from any address); 10 by default. */
  accountLimit?: number;
}

export class LoginRateLimited extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', `登录失败次数过多，请 ${Math.max(1, Math.ceil(retryAfterSeconds / 60))} 分钟后再试`,
      [{ code: 'RATE_LIMITED', message: `${retryAfterSeconds} 秒后可再次登录` }]);
  }
}

export class LoginGuard {
  private readonly accountLimit: number;

  constructor(private readonly pool: pg.Pool, private readonly clock: Clock, private readonly limits: LoginLimit) {
    this.accountLimit = limits.accountLimit ?? 10;
  }

  /** The policy, as a RateLimit-Policy header value. */
  policy(): string {
    const w = Math.ceil(this.limits.windowMs / 1000);
    return `"ip";q=${this.limits.limit};w=${w}, "account";q=${this.accountLimit};w=${w}`;
  }

  /** Throws LoginRateLimited while the account or the address is over its limit. */
  async check(username: string, address: string): Promise<void> {
    const now = this.clock.now().getTime();
    const { rows } = await this.pool.query<{ key: string; failures: number; window_start: Date }>(
      'select key, failures, window_start from login_failures where key = any($1)', [[accountKey(username), addressKey(address)]]);
    let wait = 0;
    for (const r of rows) {
      const limit = r.key.startsWith('user:') ? this.accountLimit : this.limits.limit;
      const ends = r.window_start.getTime() + this.limits.windowMs;
      if (r.failures >= limit && ends > now) wait = Math.max(wait, ends - now);
    }
    if (wait > 0) throw new LoginRateLimited(Math.ceil(wait / 1000));
  }

  /** Counts a failed login against the account and the address. */
  async failed(username: string, address: string): Promise<void> {
    const now = this.clock.now();
    const windowStart = new Date(now.getTime() - this.limits.windowMs);
    await this.pool.query(
      `insert into login_failures (key, failures, window_start) select k, 1, $2 from unnest($1::text[]) k
       on conflict (key) do update set
         failures = case when login_failures.window_start <= $3 then 1 else login_failures.failures + 1 end,
         window_start = case when login_failures.window_start <= $3 then $2 else login_failures.window_start end`,
      [[accountKey(username), addressKey(address)], now, windowStart]);
    // Old windows are swept opportunistically.
    await this.pool.query('delete from login_failures where window_start <= $1', [new Date(windowStart.getTime() - this.limits.windowMs)]);
  }

  /** A successful login clears the account's failures (never the address's). */
  async succeeded(username: string): Promise<void> {
    await this.pool.query('delete from login_failures where key = $1', [accountKey(username)]);
  }
}

const accountKey = (username: string) => `user:${username}`;
const addressKey = (address: string) => `ip:${address}`;
