// Bearer tokens: 256 random bits, handed out once, stored only as their SHA-256; they expire.
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { Clock } from '@yizhan/engine';
import { fromRow, type User, type UserRow } from './users';

export interface Session {
  token: string;
  expiresAt: Date;
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export class SessionStore {
  constructor(private readonly pool: pg.Pool, private readonly clock: Clock, private readonly ttlMs: number) {}

  async issue(username: string): Promise<Session> {
    // hex: never starts with '-', so `--token T` on the command line always parses
    const token = randomBytes(32).toString('hex');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.ttlMs);
    await this.pool.query('insert into sessions (token_hash, username, created_at, expires_at) values ($1, $2, $3, $4)', [digest(token), username, now, expiresAt]);
    // Expired sessions are swept opportunistically; a token is checked against its expiry anyway.
    await this.pool.query('delete from sessions where expires_at < $1', [now]);
    return { token, expiresAt };
  }

  /** The enabled user of a live token, read with the token in one query (every API call asks). */
  async resolveUser(token: string): Promise<User | undefined> {
    const { rows } = await this.pool.query<UserRow>(
      `select u.* from sessions s join users u on u.username = s.username
        where s.token_hash = $1 and s.expires_at > $2 and not u.disabled`,
      [digest(token), this.clock.now()],
    );
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  async revoke(token: string): Promise<void> {
    await this.pool.query('delete from sessions where token_hash = $1', [digest(token)]);
  }
}
