// Each data dir's own random superuser password, made at initdb and kept in `<data>/yizhan-password`
// (mode 600); data dirs made with the old fixed password are moved to a random one on their next start.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { DatabaseOpenError } from './open-error';

/** The password every data dir had before passwords were per data dir; only used to migrate. */
const LEGACY_PASSWORD = 'yizhan';
export const PASSWORD_FILE = 'yizhan-password';
const PENDING_PASSWORD_FILE = 'yizhan-password.new';

/** The data dir's password; a data dir without one (made with the old fixed password) gets a random one now. */
export async function ensurePassword(dataDir: string, port: number, notice: (line: string) => void): Promise<string> {
  const file = join(dataDir, PASSWORD_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  // pending is written before ALTER USER, so a crash in between still knows the new password.
  const pending = join(dataDir, PENDING_PASSWORD_FILE);
  if (!existsSync(pending)) writeSecret(pending, randomPassword());
  const next = readFileSync(pending, 'utf8').trim();
  for (const current of [next, LEGACY_PASSWORD]) {
    const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password: current, database: 'postgres' });
    try {
      await client.connect();
    } catch (e) {
      await client.end().catch(() => {});
      if ((e as { code?: string }).code === '28P01') continue; // wrong password: try the next
      throw e;
    }
    try {
      if (current !== next) await client.query(`alter user postgres with password '${next}'`);
    } finally {
      await client.end();
    }
    renameSync(pending, file);
    if (current !== next) notice(`内置 PostgreSQL 的固定密码已换成随机密码，保存在 ${file}（仅本用户可读）。`);
    return next;
  }
  throw new DatabaseOpenError('DB_PASSWORD_UNKNOWN',
    `数据目录 ${dataDir} 缺少数据库密码文件 ${PASSWORD_FILE}：请从备份恢复该文件后再启动。`);
}

export function randomPassword(): string {
  return randomBytes(24).toString('hex');
}

export function writeSecret(file: string, content: string): void {
  writeFileSync(file, content, { mode: 0o600 });
  chmodSync(file, 0o600);
}
