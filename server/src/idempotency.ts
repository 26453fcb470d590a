// Idempotency-Key: a client that lost the answer to a case start or a task completion sends the
// same request again with the same key and gets the first answer back (same status, same body)
// instead of a second case. Keys are scoped per user and kept 24 hours, in PostgreSQL, so every
// server node answers a retry alike. The same key with another request is refused (422); while the
// first request is still running a retry gets 409.
import { createHash } from 'node:crypto';
import type { Response } from 'express';
import type pg from 'pg';
import type { Clock } from '@yizhan/engine';
import { ApiError } from './http-errors';

export interface IdempotentRequest {
  username: string;
  key: string;
  method: string;
  path: string;
  body: unknown;
}

export type Answer = { status: number; body: unknown };

/** Printable ASCII without spaces, 1–200 characters (a UUID fits). */
const KEY = /^[\x21-\x7e]{1,200}$/;

/** JSON with object keys sorted: two bodies that differ only in key order are the same request. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

export class IdempotencyStore {
  constructor(private readonly pool: pg.Pool, private readonly clock: Clock, private readonly ttlMs = 24 * 3600_000) {}

  /** Runs `act` once per (user, key); a retry replays the stored answer. Errors are not stored: a retry runs again. */
  async run(req: IdempotentRequest, act: () => Promise<Answer | undefined>, res: Response): Promise<Answer | undefined> {
    if (!KEY.test(req.key)) {
      throw new ApiError('VALIDATION_FAILED', 'Idempotency-Key 无效', [{ field: 'Idempotency-Key', code: 'pattern', message: '应为 1–200 个可打印 ASCII 字符（不含空格），如 UUID', in: 'header' }]);
    }
    const fingerprint = createHash('sha256').update(`${req.method} ${req.path}\n${canonical(req.body)}`).digest('hex');
    const now = this.clock.now();
    const expired = new Date(now.getTime() - this.ttlMs);
    await this.pool.query('delete from idempotency_keys where created_at < $1', [expired]);
    const inserted = await this.pool.query(
      `insert into idempotency_keys (username, key, fingerprint, created_at) values ($1, $2, $3, $4) on conflict do nothing`,
      [req.username, req.key, fingerprint, now],
    );
    if (!inserted.rowCount) return this.replay(req, fingerprint, res);
    let answer: Answer | undefined;
    try {
      answer = await act();
    } catch (err) {
      await this.forget(req);
      throw err;
    }
    if (!answer) await this.forget(req);
    else {
      await this.pool.query('update idempotency_keys set status = $3, body = $4 where username = $1 and key = $2',
        [req.username, req.key, answer.status, answer.body === undefined ? null : JSON.stringify(answer.body)]);
    }
    return answer;
  }

  private async replay(req: IdempotentRequest, fingerprint: string, res: Response): Promise<Answer> {
    const { rows } = await this.pool.query<{ fingerprint: string; status: number | null; body: string | null }>(
      'select fingerprint, status, body from idempotency_keys where username = $1 and key = $2', [req.username, req.key]);
    const row = rows[0];
    if (!row) throw new ApiError('IDEMPOTENCY_KEY_IN_USE', '同一 Idempotency-Key 的请求刚刚结束，请重试');
    if (row.fingerprint !== fingerprint) {
      throw new ApiError('IDEMPOTENCY_KEY_REUSED', '该 Idempotency-Key 已用于另一个请求；新的请求请使用新的 Idempotency-Key',
        [{ field: 'Idempotency-Key', code: 'IDEMPOTENCY_KEY_REUSED', message: '同一个键只能对应同一个请求（方法、路径与请求体相同）', in: 'header' }]);
    }
    if (row.status === null) throw new ApiError('IDEMPOTENCY_KEY_IN_USE', '使用该 Idempotency-Key 的请求仍在处理中，请稍后重试');
    res.setHeader('idempotent-replayed', 'true');
    return { status: row.status, body: row.body === null ? undefined : JSON.parse(row.body) };
  }

  private async forget(req: IdempotentRequest): Promise<void> {
    await this.pool.query('delete from idempotency_keys where username = $1 and key = $2 and status is null', [req.username, req.key]);
  }
}
