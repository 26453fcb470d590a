// Users: one role and a position in the org (unit, departments). Passwords are argon2id hashes
// (@node-rs/argon2, prebuilt binaries, no install scripts).
import { hash, verify } from '@node-rs/argon2';
import type pg from 'pg';
import { ApiError } from './http-errors';
import type { Role } from './roles';

export interface User {
  username: string;
  displayName: string;
  role: Role;
  /** Org unit code; null = every unit. */
  unit: string | null;
  departments: string[];
  demo: boolean;
  disabled: boolean;
  createdAt: Date;
}

export interface NewUser {
  username: string;
  displayName?: string;
  password: string;
  role: Role;
  unit?: string | null;
  departments?: string[];
  demo?: boolean;
}

/** What an administrator changes about an account; a field left out stays as it is. */
export interface UserChange {
  displayName?: string;
  role?: Role;
  /** null: every unit. */
  unit?: string | null;
  departments?: string[];
  disabled?: boolean;
  password?: string;
}

/** A `users` row as selected (`select u.*`). */
export interface UserRow {
  username: string; display_name: string; password_hash: string; role: Role; unit: string | null;
  departments: string[]; demo: boolean; disabled: boolean; created_at: Date;
}

export const fromRow = (r: UserRow): User => ({
  username: r.username, displayName: r.display_name, role: r.role, unit: r.unit, departments: r.departments,
  demo: r.demo, disabled: r.disabled, createdAt: r.created_at,
});

// A hash to verify against when the user does not exist, so timing does not reveal usernames.
let dummyHash: Promise<string> | undefined;

export class UserRepository {
  constructor(private readonly pool: pg.Pool) {}

  /** Display names of the given usernames (those that exist), e.g. for a case's timeline. */
  async displayNames(usernames: readonly string[]): Promise<Record<string, string>> {
    const wanted = [...new Set(usernames)];
    if (!wanted.length) return {};
    const { rows } = await this.pool.query<{ username: string; display_name: string }>(
      'select username, display_name from users where username = any($1::text[])', [wanted],
    );
    return Object.fromEntries(rows.map((r) => [r.username, r.display_name]));
  }

  async create(input: NewUser): Promise<User> {
    const passwordHash = await hash(input.password);
    const { rows } = await this.pool.query<UserRow>(
      `insert into users (username, display_name, password_hash, role, unit, departments, demo)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict (username) do nothing returning *`,
      [input.username, input.displayName ?? input.username, passwordHash, input.role, input.unit ?? null, input.departments ?? [], input.demo ?? false],
    );
    if (!rows[0]) throw new ApiError('USER_EXISTS', `用户名「${input.username}」已存在`);
    return fromRow(rows[0]);
  }

  /** Creates the user, or (for demo accounts) re-enables and resets it to the given definition. */
  async upsert(input: NewUser): Promise<User> {
    const passwordHash = await hash(input.password);
    const { rows } = await this.pool.query<UserRow>(
      `insert into users (username, display_name, password_hash, role, unit, departments, demo)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (username) do update set display_name = excluded.display_name, password_hash = excluded.password_hash,
         role = excluded.role, unit = excluded.unit, departments = excluded.departments, demo = excluded.demo, disabled = false
       returning *`,
      [input.username, input.displayName ?? input.username, passwordHash, input.role, input.unit ?? null, input.departments ?? [], input.demo ?? false],
    );
    return fromRow(rows[0]);
  }

  /**
   * Changes an account: name, role, position in the org (unit, departments), enabled or not,
   * password. A disabled account loses its sessions at once. Undefined when there is no such user.
   */
  async update(username: string, change: UserChange): Promise<User | undefined> {
    const passwordHash = change.password === undefined ? null : await hash(change.password);
    const client = await this.pool.connect();
    try {
      await client.query('begin');
      const { rows } = await client.query<UserRow>(
        `update users set
           display_name = coalesce($2, display_name), role = coalesce($3, role),
           unit = case when $4 then $5 else unit end, departments = coalesce($6, departments),
           disabled = coalesce($7, disabled), password_hash = coalesce($8, password_hash)
         where username = $1 returning *`,
        [username, change.displayName ?? null, change.role ?? null, change.unit !== undefined, change.unit ?? null,
          change.departments ?? null, change.disabled ?? null, passwordHash],
      );
      // a disabled account, or one whose password or position changed, signs in afresh
      if (rows[0] && (change.disabled === true || change.password !== undefined || change.unit !== undefined || change.role !== undefined)) {
        await client.query('delete from sessions where username = $1', [username]);
      }
      await client.query('commit');
      return rows[0] ? fromRow(rows[0]) : undefined;
    } catch (err) {
      await client.query('rollback').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  async get(username: string): Promise<User | undefined> {
    const { rows } = await this.pool.query<UserRow>('select * from users where username = $1', [username]);
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  async list(): Promise<User[]> {
    const { rows } = await this.pool.query<UserRow>('select * from users order by username');
    return rows.map(fromRow);
  }

  /** The user when the password matches and the account is enabled. */
  async verifyPassword(username: string, password: string): Promise<User | undefined> {
    const { rows } = await this.pool.query<UserRow>('select * from users where username = $1', [username]);
    const row = rows[0];
    if (!row) {
      dummyHash ??= hash('not-a-password');
      await verify(await dummyHash, password).catch(() => false);
      return undefined;
    }
    const ok = await verify(row.password_hash, password).catch(() => false);
    return ok && !row.disabled ? fromRow(row) : undefined;
  }

  /** `serve` without `--demo`: demo accounts stop working and lose their sessions. */
  async disableDemoUsers(): Promise<number> {
    const { rowCount } = await this.pool.query('update users set disabled = true where demo and not disabled');
    await this.pool.query('delete from sessions where username in (select username from users where demo)');
    return rowCount ?? 0;
  }
}
