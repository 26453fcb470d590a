// Login throttling: failed logins are counted per account and per client address, in PostgreSQL
// (so several server nodes on one database share them). A successful login never counts, and
// clears the account's failures — an office of many clerks behind one NAT address does not lock
// itself out by working. Past its free failures (5 per account, 50 per address by default) each
// further failure makes the next attempt wait, doubling each time: 1 s, 2 s, 4 s … up to 15
// minutes. While a wait lasts every attempt — even with the right password — answers 429
// RATE_LIMITED with the seconds left in the message and in Retry-After. A counter is forgotten once
// it has been quiet for `windowMs` after its last wait ended. Nobody is ever locked out for long:
// the user who mistypes a few times waits seconds, a guesser soon waits minutes per guess.
// Attempts on one account run one after another within a server process (`attempt`), so a burst of
// parallel guesses is checked against the wait each earlier guess set, instead of all slipping in
// before the first failure is counted; across processes at most one more guess per process slips in.
import type pg from 'pg';
import type { Clock } from '@yizhan/engine';
import { ApiError } from './http-errors';

export interface LoginLimit {
  /** A counter is forgotten when it has been quiet this long after its last wait ended (15 min by default). */
  windowMs: number;
  /** Failed logins per client address before any wait (50 by default). */
  limit: number;
  /** Failed logins per account, from any address, before any wait; 5 by default. */
  accountLimit?: number;
  /** The first wait; each further failure doubles it. 1 s by default. */
  baseDelayMs?: number;
  /** The longest wait. 15 minutes by default. */
  maxDelayMs?: number;
}

export const DEFAULT_LOGIN_LIMIT: Required<LoginLimit> = {
  windowMs: 15 * 60_000, limit: 50, accountLimit: 5, baseDelayMs: 1000, maxDelayMs: 15 * 60_000,
};

export class LoginRateLimited extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', `登录失败次数过多，请在 ${retryAfterSeconds} 秒后重试`,
      [{ code: 'RATE_LIMITED', message: `${retryAfterSeconds} 秒后可再次登录` }]);
  }
}

export class LoginGuard {
  private readonly limits: Required<LoginLimit>;
  /** Per account: the end of the last attempt queued in this process. */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly pool: pg.Pool, private readonly clock: Clock, limits: LoginLimit) {
    this.limits = {
      windowMs: limits.windowMs,
      limit: limits.limit,
      accountLimit: limits.accountLimit ?? DEFAULT_LOGIN_LIMIT.accountLimit,
      baseDelayMs: limits.baseDelayMs ?? DEFAULT_LOGIN_LIMIT.baseDelayMs,
      maxDelayMs: limits.maxDelayMs ?? DEFAULT_LOGIN_LIMIT.maxDelayMs,
    };
  }

  /** The policy, as a RateLimit-Policy header value (free failures and the window, per key). */
  policy(): string {
    const w = Math.ceil(this.limits.windowMs / 1000);
    return `"ip";q=${this.limits.limit};w=${w}, "account";q=${this.limits.accountLimit};w=${w}`;
  }

  /**
   * Runs one login attempt on the account (check, password, counting) after the attempts on the
   * same account already under way in this process.
   */
  async attempt<T>(username: string, run: () => Promise<T>): Promise<T> {
    const before = this.queues.get(username) ?? Promise.resolve();
    let done!: () => void;
    const finished = new Promise<void>((resolve) => (done = resolve));
    const mine = before.then(() => finished);
    this.queues.set(username, mine);
    try {
      await before;
      return await run();
    } finally {
      done();
      if (this.queues.get(username) === mine) this.queues.delete(username);
    }
  }

  /** Throws LoginRateLimited while the account or the address has to wait. */
  async check(username: string, address: string): Promise<void> {
    const now = this.clock.now();
    const { rows } = await this.pool.query<{ wait_ms: string | null }>(
      `select max(extract(epoch from (blocked_until - $2::timestamptz)) * 1000) as wait_ms
         from login_failures where key = any($1) and blocked_until > $2`,
      [[accountKey(username), addressKey(address)], now]);
    const wait = Number(rows[0]?.wait_ms ?? 0);
    if (wait > 0) throw new LoginRateLimited(Math.max(1, Math.ceil(wait / 1000)));
  }

  /**
   * Counts a failed login against the account and the address and sets the wait of each counter
   * past its free failures — in one statement, so concurrent failures on several nodes each count.
   */
  async failed(username: string, address: string): Promise<void> {
    const now = this.clock.now();
    const forgetBefore = new Date(now.getTime() - this.limits.windowMs);
    const { accountLimit, limit, baseDelayMs, maxDelayMs } = this.limits;
    // $1 keys, $2 now, $3 forget before, $4 account free, $5 address free, $6 base ms, $7 cap ms.
    // n: the failures counted with this one (1 again when the counter was forgotten).
    const n = `(case when coalesce(login_failures.blocked_until, login_failures.last_failure) <= $3 then 1 else login_failures.failures + 1 end)`;
    const free = (key: string) => `(case when ${key} like 'user:%' then $4::int else $5::int end)`;
    const until = (count: string, key: string) =>
      `(case when ${count} > ${free(key)} then $2::timestamptz + make_interval(secs => least($7::float8, $6::float8 * power(2::float8, least(${count} - ${free(key)} - 1, 40))) / 1000) end)`;
    await this.pool.query(
      `insert into login_failures (key, failures, window_start, last_failure, blocked_until)
         select k, 1, $2, $2, ${until('1', 'k')} from unnest($1::text[]) k
       on conflict (key) do update set
         failures = ${n},
         window_start = case when ${n} = 1 then $2 else login_failures.window_start end,
         last_failure = $2,
         blocked_until = ${until(n, 'login_failures.key')}`,
      [[accountKey(username), addressKey(address)], now, forgetBefore, accountLimit, limit, baseDelayMs, maxDelayMs]);
    // Forgotten counters are swept opportunistically.
    await this.pool.query('delete from login_failures where coalesce(blocked_until, last_failure) <= $1', [forgetBefore]);
  }

  /** A successful login clears the account's failures (never the address's). */
  async succeeded(username: string): Promise<void> {
    await this.pool.query('delete from login_failures where key = $1', [accountKey(username)]);
  }
}

const accountKey = (username: string) => `user:${username}`;
const addressKey = (address: string) => `ip:${address}`;
