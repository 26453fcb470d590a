// A pack's users on a server: which are missing (reported after `yizhan pack deploy`) and
// `yizhan user import`, which creates them — with passwords from a file or standard input, never
// from the pack. Existing accounts are reported and left unchanged.
import { OrgIndex } from '@yizhan/rules';
import { packUserAccount, type PackBundle, type Person } from '@yizhan/packs';
import { ROLE_LABELS } from './roles';

export type PackAccount = Person & { displayName: string };

/** The server accounts pack.json's users stand for (role default staff, unit from the departments). */
export function packAccounts(bundle: PackBundle): PackAccount[] {
  const org = OrgIndex.of(bundle.manifest.org);
  return (bundle.manifest.users ?? []).map((u) => packUserAccount(u, org));
}

/** `lx-clerk（陈受理，办理人员，longxi，部门 lx.centre）` */
export function describeAccount(a: PackAccount): string {
  return `${a.username}（${a.displayName}，${ROLE_LABELS[a.role]}，${a.unit ?? '全部单位'}${a.departments.length ? `，部门 ${a.departments.join('、')}` : ''}）`;
}

/** The lines `yizhan pack deploy` prints about the pack's users missing on the server. */
export function missingUsersReport(accounts: PackAccount[], existing: ReadonlySet<string>, dir: string): string[] {
  if (!accounts.length) return [];
  const missing = accounts.filter((a) => !existing.has(a.username));
  if (!missing.length) return [`流程包的 ${accounts.length} 个用户在服务器上都已有账号。`];
  return [
    `流程包中有 ${missing.length} 个用户在服务器上还没有账号（场景中的办理人）：`,
    ...missing.map((a) => `  ${describeAccount(a)}`),
    `创建它们：yizhan user import ${dir} --passwords 密码文件（每行 用户名:密码），或从标准输入给出同一个初始密码`,
  ];
}

export const MIN_PASSWORD = 8;

/**
 * `--passwords FILE`: one `username:password` a line (blank lines and `#` comments skipped). Throws
 * with the line number on a line without a colon; never repeats a password.
 */
export function parsePasswordFile(text: string): Map<string, string> {
  const out = new Map<string, string>();
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.trimStart().startsWith('#')) return;
    const at = line.indexOf(':');
    const username = at > 0 ? line.slice(0, at).trim() : '';
    if (!username) throw new Error(`密码文件第 ${i + 1} 行应为「用户名:密码」`);
    out.set(username, line.slice(at + 1));
  });
  return out;
}

export type ImportOutcome = 'created' | 'exists';

/** Where the accounts go: the user repository (database) or the server's /api/users. */
export interface AccountTarget {
  /** The usernames that exist already. */
  existing(): Promise<ReadonlySet<string>>;
  /** Creates the account; 'exists' when someone created it meanwhile. */
  create(account: PackAccount, password: string): Promise<ImportOutcome>;
}

export interface ImportResult {
  created: PackAccount[];
  existing: PackAccount[];
}

/**
 * Creates the accounts that do not exist yet, leaving existing ones unchanged. `passwordOf` gives
 * each user's password (a file's line, or one password for all); a missing or short password of a
 * user to create is refused before anything is created.
 */
export async function importAccounts(accounts: PackAccount[], passwordOf: (username: string) => string | undefined, target: AccountTarget): Promise<ImportResult> {
  const there = await target.existing();
  const result: ImportResult = { created: [], existing: accounts.filter((a) => there.has(a.username)) };
  const toCreate = accounts.filter((a) => !there.has(a.username));
  const problems = toCreate.flatMap((a) => {
    const p = passwordOf(a.username);
    if (p === undefined) return [`用户「${a.username}」没有密码`];
    if (p.length < MIN_PASSWORD) return [`用户「${a.username}」的密码少于 ${MIN_PASSWORD} 位`];
    return [];
  });
  if (problems.length) throw new Error(`${problems.join('；')}：未创建任何用户`);
  for (const a of toCreate) {
    const outcome = await target.create(a, passwordOf(a.username) as string);
    (outcome === 'created' ? result.created : result.existing).push(a);
  }
  return result;
}
