// The `yizhan` command: serve, pack validate | test | deploy | whatif, migrate, user add | import.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import type { Database } from '@yizhan/engine';
import { openServerDatabase } from './database';
import { YizhanError } from '@yizhan/errors';
import { readPackFiles } from '@yizhan/packs';
import { OrgDirectory } from './org-directory';
import { describeAccount, importAccounts, missingUsersReport, packAccounts, parsePasswordFile, type AccountTarget } from './pack-users';
import { createPackEngine, formatProblem, formatScenarioLine, formatSummary, loadPackDir, PackService, runScenarios, validatePack } from './packs';
import { isRole } from './roles';
import { serve } from './serve';
import { isServeWorker, runServeWorker } from './workers';
import { UserRepository } from './users';
import { formatWhatIf, type WhatIfReply } from './whatif-text';
import { formatMigrationOutcome, formatMigrationPlan, formatMigrationVersions } from './migration-text';
import type { MigrationOutcome, MigrationPlan, MigrationVersions } from '@yizhan/engine';

const USAGE = `用法：
  yizhan serve [--port 3000] [--host 127.0.0.1] [--data ./data] [--database-url URL] [--demo] [--packs DIR | --no-packs] [--build-web] [--web DIR] [--workers N]
  yizhan pack validate DIR
  yizhan pack test DIR [--database-url URL]
  yizhan pack deploy DIR [--server URL --token T] [--data ./data] [--database-url URL]
  yizhan pack whatif DIR --server URL --token T [--from YYYY-MM-DD] [--to YYYY-MM-DD]
      （试算影响：用未部署的流程包重新分流该时间段内本辖区的过去案件，报告会改变的案件；只读，缺省为最近 90 天）
  yizhan pack withdraw|restore KEY@VERSION [--server URL --token T] [--data ./data] [--database-url URL]
      （撤回 / 恢复一个流程定义版本，如 longxi/dispute@3：撤回后新案件改用最新的未撤回版本）
  yizhan migrate [KEY --from N --to M [--map 源元素=目标元素]... [--case ID]... [--run]] --server URL --token T
      （流程版本迁移：不带 KEY 列出有在办案件停留在旧版本的流程；带 KEY 做只读预检，加 --run 才执行迁移）
  yizhan user add USERNAME --role admin|integrator|staff|leader|auditor [--unit CODE] [--department CODE]... [--name 姓名]
      （密码取自环境变量 YIZHAN_PASSWORD 或标准输入）
  yizhan user import DIR [--passwords FILE] [--server URL --token T] [--data ./data] [--database-url URL]
      （创建流程包 pack.json 中 users 的账号；密码文件每行「用户名:密码」，或从 YIZHAN_PASSWORD / 标准输入给出同一个初始密码；已有的用户不改动）
环境变量：PORT、YIZHAN_DATA、DATABASE_URL、YIZHAN_WORKERS、YIZHAN_TOKEN、LOG_LEVEL`;

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

async function main(argv: string[]): Promise<number> {
  const [command, sub] = argv;
  if (command === 'serve') return cmdServe(argv.slice(1));
  if (command === 'pack' && sub === 'validate') return cmdPackValidate(argv.slice(2));
  if (command === 'pack' && sub === 'test') return cmdPackTest(argv.slice(2));
  if (command === 'pack' && sub === 'deploy') return cmdPackDeploy(argv.slice(2));
  if (command === 'pack' && sub === 'whatif') return cmdPackWhatIf(argv.slice(2));
  if (command === 'pack' && (sub === 'withdraw' || sub === 'restore')) return cmdPackWithdraw(sub === 'withdraw', argv.slice(2));
  if (command === 'migrate') return cmdMigrate(argv.slice(1));
  if (command === 'user' && sub === 'add') return cmdUserAdd(argv.slice(2));
  if (command === 'user' && sub === 'import') return cmdUserImport(argv.slice(2));
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    out(USAGE);
    return 0;
  }
  err(`未知命令：${argv.join(' ')}\n${USAGE}`);
  return 2;
}

async function cmdServe(args: string[]): Promise<number> {
  // a worker of `serve --workers N` (forked by src/workers.ts) only serves HTTP, until told to stop
  if (isServeWorker()) {
    await runServeWorker(pino({ level: process.env.LOG_LEVEL ?? 'info' }, pino.destination(2)));
    return new Promise<number>(() => {});
  }
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' }, 'database-url': { type: 'string' },
      demo: { type: 'boolean' }, packs: { type: 'string' }, 'no-packs': { type: 'boolean' }, 'build-web': { type: 'boolean' },
      web: { type: 'string' }, workers: { type: 'string' },
    },
  });
  if (values['build-web']) buildWeb();
  const workers = Number(values.workers ?? process.env.YIZHAN_WORKERS ?? 1);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
    err(`工作进程数无效：${values.workers ?? process.env.YIZHAN_WORKERS}（应为 1 到 64 的整数）`);
    return 2;
  }
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    err(`端口无效：${values.port ?? process.env.PORT}`);
    return 2;
  }
  const running = await serve({
    port,
    host: values.host ?? process.env.YIZHAN_HOST,
    dataDir: values.data ?? process.env.YIZHAN_DATA ?? './data',
    databaseUrl: values['database-url'] ?? process.env.DATABASE_URL,
    demo: values.demo ?? false,
    workers,
    packsRoot: values['no-packs'] ? null : values.packs ? resolve(values.packs) : undefined,
    ...(values.web ?? process.env.YIZHAN_WEB_DIR ? { webDir: resolve(values.web ?? process.env.YIZHAN_WEB_DIR ?? '') } : {}),
    logger: pino({ level: process.env.LOG_LEVEL ?? 'info' }, pino.destination(2)),
  });
  await new Promise<void>((done) => {
    const shutdown = (signal: string) => {
      out(`收到 ${signal}，正在停止……`);
      running.stop().then(() => {
        out('已停止。');
        done();
      }, (e: unknown) => {
        err(`停止时出错：${(e as Error).message}`);
        done();
      });
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  });
  return 0;
}

/** `npm start` builds the web app once if the designer has a build and it has not run yet. */
function buildWeb(): void {
  const designer = join(REPO_ROOT, 'designer');
  if (existsSync(join(designer, 'dist', 'index.html')) || !existsSync(join(designer, 'package.json'))) return;
  const pkg = JSON.parse(readFileSync(join(designer, 'package.json'), 'utf8')) as { name?: string; scripts?: Record<string, string> };
  if (!pkg.scripts?.build || !pkg.name) return;
  out('正在构建网页端（首次启动）……');
  const r = spawnSync('npm', ['run', 'build', '-w', pkg.name], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) err('网页端构建失败；先以 API 说明页启动。');
}

async function cmdPackValidate(args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const dir = positionals[0];
  if (!dir) return usage('缺少流程包目录');
  const bundle = await loadPackDir(dir);
  const problems = await validatePack(bundle, { warnings: true });
  const errors = problems.filter((p) => p.severity !== 'warning');
  for (const p of problems) (p.severity === 'warning' ? out : err)(p.severity === 'warning' ? formatProblem(p) : `错误 ${formatProblem(p)}`);
  out(errors.length ? `${errors.length} 个错误` : `流程包「${bundle.manifest.id}」版本 ${bundle.manifest.version} 校验通过`);
  return errors.length ? 1 : 0;
}

async function cmdPackTest(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'database-url': { type: 'string' } } });
  const dir = positionals[0];
  if (!dir) return usage('缺少流程包目录');
  const bundle = await loadPackDir(dir);
  const results = await runScenarios(bundle, { databaseUrl: values['database-url'], onResult: (r) => out(formatScenarioLine(r)) });
  out(formatSummary(results));
  return results.every((r) => r.passed) ? 0 : 1;
}

/** 试算影响 on a running server (POST /api/packs/whatif): the pack in DIR is not deployed. */
async function cmdPackWhatIf(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: { server: { type: 'string' }, token: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
  });
  const dir = positionals[0];
  if (!dir) return usage('缺少流程包目录');
  if (!values.server) return usage('试算需要 --server（试算用服务器上的过去案件）');
  const token = values.token ?? process.env.YIZHAN_TOKEN;
  if (!token) return usage('试算需要 --token（或环境变量 YIZHAN_TOKEN）');
  const url = new URL('/api/packs/whatif', values.server);
  if (values.from) url.searchParams.set('from', values.from);
  if (values.to) url.searchParams.set('to', values.to);
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ files: await readPackFiles(dir) }),
  });
  const body = (await res.json()) as WhatIfReply & { error?: { code: string; message: string; details?: { file?: string; message: string }[] } };
  if (!res.ok || body.error) {
    err(`试算失败（${res.status} ${body.error?.code ?? ''}）：${body.error?.message ?? ''}`);
    for (const d of body.error?.details ?? []) err(`  ${d.file ? `${d.file}：` : ''}${d.message}`);
    return 1;
  }
  for (const line of formatWhatIf(body)) out(line);
  return 0;
}

/** 流程版本迁移 on a running server: list, plan (read-only) or run (--run). */
async function cmdMigrate(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: {
      server: { type: 'string' }, token: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' },
      map: { type: 'string', multiple: true }, case: { type: 'string', multiple: true }, run: { type: 'boolean' },
    },
  });
  if (!values.server) return usage('迁移需要 --server');
  const token = values.token ?? process.env.YIZHAN_TOKEN;
  if (!token) return usage('迁移需要 --token（或环境变量 YIZHAN_TOKEN）');
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T | undefined> => {
    const res = await fetch(new URL(path, values.server), {
      method, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    const reply = (await res.json()) as T & { error?: { code: string; message: string; details?: { elementId?: string; message: string }[] } };
    if (!res.ok || reply.error) {
      err(`迁移${values.run ? '' : '预检'}失败（${res.status} ${reply.error?.code ?? ''}）：${reply.error?.message ?? ''}`);
      for (const d of reply.error?.details ?? []) err(`  ${d.elementId ? `${d.elementId}：` : ''}${d.message}`);
      return undefined;
    }
    return reply;
  };
  const key = positionals[0];
  if (!key) {
    const list = await call<MigrationVersions[]>('GET', '/api/migrations/versions');
    if (!list) return 1;
    for (const line of formatMigrationVersions(list)) out(line);
    return 0;
  }
  const from = Number(values.from);
  const to = Number(values.to);
  if (!Number.isInteger(from) || !Number.isInteger(to)) return usage('迁移需要 --from 和 --to（版本号）');
  const mapping: Record<string, string> = {};
  for (const m of values.map ?? []) {
    const [src, dst] = m.split('=');
    if (!src || !dst) return usage(`--map 应为 源元素=目标元素：${m}`);
    mapping[src] = dst;
  }
  const body = { processKey: key, fromVersion: from, toVersion: to, ...(values.map ? { mapping } : {}), ...(values.case ? { caseIds: values.case } : {}) };
  if (!values.run) {
    const plan = await call<MigrationPlan>('POST', '/api/migrations/plan', body);
    if (!plan) return 1;
    for (const line of formatMigrationPlan(plan)) out(line);
    return 0;
  }
  const outcome = await call<MigrationOutcome>('POST', '/api/migrations', body);
  if (!outcome) return 1;
  for (const line of formatMigrationOutcome(outcome)) out(line);
  return outcome.refused ? 1 : 0;
}

async function cmdPackDeploy(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: { server: { type: 'string' }, token: { type: 'string' }, data: { type: 'string' }, 'database-url': { type: 'string' } },
  });
  const dir = positionals[0];
  if (!dir) return usage('缺少流程包目录');
  if (values.server) {
    const token = values.token ?? process.env.YIZHAN_TOKEN;
    if (!token) return usage('部署到服务器需要 --token（或环境变量 YIZHAN_TOKEN）');
    const res = await fetch(new URL('/api/packs', values.server), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ files: await readPackFiles(dir) }),
    });
    const body = (await res.json()) as { packId?: string; version?: string; processes?: { key: string; version: number }[]; error?: { code: string; message: string; details?: { file?: string; message: string }[] } };
    if (!res.ok || body.error) {
      err(`部署失败（${res.status} ${body.error?.code ?? ''}）：${body.error?.message ?? ''}`);
      for (const d of body.error?.details ?? []) err(`  ${d.file ? `${d.file}：` : ''}${d.message}`);
      return 1;
    }
    printDeployed(body.packId ?? '', body.version ?? '', body.processes ?? []);
    await reportMissingUsers(dir, httpAccounts(values.server, token));
    return 0;
  }
  const db = await openServerDatabase(values['database-url'] ?? process.env.DATABASE_URL
    ? { url: values['database-url'] ?? process.env.DATABASE_URL }
    : { dataDir: values.data ?? process.env.YIZHAN_DATA ?? './data' });
  try {
    const engine = createPackEngine({ pool: db.pool });
    const directory = new OrgDirectory(db.pool);
    const { deployment } = await new PackService(engine, db.pool, directory).deploy(await loadPackDir(dir), process.env.USER ?? 'cli');
    printDeployed(deployment.packId, deployment.version, deployment.processes);
    await reportMissingUsers(dir, databaseAccounts(new UserRepository(db.pool)));
    return 0;
  } catch (e) {
    const details = (e as { details?: { file?: string; message: string }[] }).details ?? [];
    err(`部署失败：${(e as Error).message}`);
    for (const d of details) err(`  ${d.file ? `${d.file}：` : ''}${d.message}`);
    return 1;
  } finally {
    await db.close();
  }
}

async function cmdPackWithdraw(withdraw: boolean, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: { server: { type: 'string' }, token: { type: 'string' }, data: { type: 'string' }, 'database-url': { type: 'string' } },
  });
  const m = /^(.+)@(\d+)$/.exec(positionals[0] ?? '');
  if (!m) return usage('请指定流程定义版本，如 longxi/dispute@3');
  const [, key, version] = m;
  const verb = withdraw ? '撤回' : '恢复';
  const done = (d: { key: string; version: number }) => {
    out(withdraw ? `已撤回 ${d.key} 第 ${d.version} 版：新案件改用最新的未撤回版本` : `已恢复 ${d.key} 第 ${d.version} 版`);
    return 0;
  };
  if (values.server) {
    const token = values.token ?? process.env.YIZHAN_TOKEN;
    if (!token) return usage(`${verb}需要 --token（或环境变量 YIZHAN_TOKEN）`);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const list = await fetch(new URL(`/api/definitions?key=${encodeURIComponent(key)}`, values.server), { headers });
    const defs = (await list.json()) as { id: string; version: number }[] | { error: { code: string; message: string } };
    const def = Array.isArray(defs) ? defs.find((d) => d.version === Number(version)) : undefined;
    if (!def) {
      err(`${verb}失败：${Array.isArray(defs) ? `流程定义不存在：${key}@${version}` : defs.error.message}`);
      return 1;
    }
    const res = await fetch(new URL(`/api/definitions/${def.id}/${withdraw ? 'withdraw' : 'restore'}`, values.server), { method: 'POST', headers });
    const body = (await res.json()) as { key: string; version: number; error?: { code: string; message: string } };
    if (!res.ok || body.error) {
      err(`${verb}失败（${res.status} ${body.error?.code ?? ''}）：${body.error?.message ?? ''}`);
      return 1;
    }
    return done(body);
  }
  const db = await openServerDatabase(values['database-url'] ?? process.env.DATABASE_URL
    ? { url: values['database-url'] ?? process.env.DATABASE_URL }
    : { dataDir: values.data ?? process.env.YIZHAN_DATA ?? './data' });
  try {
    const engine = createPackEngine({ pool: db.pool });
    const def = (await engine.definitions.list(key)).find((d) => d.version === Number(version));
    if (!def) {
      err(`${verb}失败：流程定义不存在：${key}@${version}`);
      return 1;
    }
    return done(withdraw ? await engine.withdrawDefinition(def.id, process.env.USER ?? 'cli') : await engine.restoreDefinition(def.id));
  } finally {
    await db.close();
  }
}

function printDeployed(packId: string, version: string, processes: { key: string; version: number }[]): void {
  out(`已部署流程包「${packId}」版本 ${version}：`);
  for (const p of processes) out(`  ${p.key} → 流程版本 ${p.version}`);
}

async function cmdUserAdd(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: {
      role: { type: 'string' }, unit: { type: 'string' }, department: { type: 'string', multiple: true }, name: { type: 'string' },
      data: { type: 'string' }, 'database-url': { type: 'string' },
    },
  });
  const username = positionals[0];
  if (!username || !isRole(values.role)) return usage('需要用户名与 --role');
  const password = process.env.YIZHAN_PASSWORD ?? (await readStdin()).trim();
  if (password.length < 8) return usage('密码至少 8 位（YIZHAN_PASSWORD 或标准输入）');
  const url = values['database-url'] ?? process.env.DATABASE_URL;
  const db = await openServerDatabase(url ? { url } : { dataDir: values.data ?? process.env.YIZHAN_DATA ?? './data' });
  try {
    const user = await new UserRepository(db.pool).create({
      username, password, role: values.role, unit: values.unit ?? null, departments: values.department ?? [], displayName: values.name,
    });
    out(`已创建用户 ${user.username}（${user.role}，${user.unit ?? '全部单位'}）`);
    return 0;
  } catch (e) {
    err(`创建失败：${(e as Error).message}`);
    return 1;
  } finally {
    await db.close();
  }
}

/** After a deploy: the pack's users that have no account on the server (a Chinese list). */
async function reportMissingUsers(dir: string, target: AccountTarget): Promise<void> {
  const accounts = packAccounts(await loadPackDir(dir));
  if (!accounts.length) return;
  let existing: ReadonlySet<string>;
  try {
    existing = await target.existing();
  } catch (e) {
    out(`无法核对流程包的 ${accounts.length} 个用户是否已在服务器上：${(e as Error).message}`);
    return;
  }
  for (const line of missingUsersReport(accounts, existing, dir)) out(line);
}

async function cmdUserImport(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: {
      passwords: { type: 'string' }, server: { type: 'string' }, token: { type: 'string' }, data: { type: 'string' }, 'database-url': { type: 'string' },
    },
  });
  const dir = positionals[0];
  if (!dir) return usage('缺少流程包目录');
  const bundle = await loadPackDir(dir);
  const problems = (await validatePack(bundle)).filter((p) => p.severity !== 'warning' && p.file === 'pack.json');
  if (problems.length) {
    for (const p of problems) err(`错误 ${formatProblem(p)}`);
    err('pack.json 有错误，未创建任何用户');
    return 1;
  }
  const accounts = packAccounts(bundle);
  if (!accounts.length) {
    out(`流程包「${bundle.manifest.id}」的 pack.json 中没有 users`);
    return 0;
  }
  let passwordOf: (username: string) => string | undefined;
  if (values.passwords) {
    const file = parsePasswordFile(readFileSync(values.passwords, 'utf8'));
    passwordOf = (u) => file.get(u);
  } else {
    const one = process.env.YIZHAN_PASSWORD ?? (await readStdin()).trim();
    passwordOf = () => (one ? one : undefined);
  }
  let target: AccountTarget;
  let db: Database | undefined;
  if (values.server) {
    const token = values.token ?? process.env.YIZHAN_TOKEN;
    if (!token) return usage('导入到服务器需要 --token（或环境变量 YIZHAN_TOKEN）');
    target = httpAccounts(values.server, token);
  } else {
    const url = values['database-url'] ?? process.env.DATABASE_URL;
    db = await openServerDatabase(url ? { url } : { dataDir: values.data ?? process.env.YIZHAN_DATA ?? './data' });
    target = databaseAccounts(new UserRepository(db.pool));
  }
  try {
    const { created, existing } = await importAccounts(accounts, passwordOf, target);
    for (const a of created) out(`已创建 ${describeAccount(a)}`);
    for (const a of existing) out(`已存在，未改动 ${a.username}`);
    out(`创建 ${created.length} 个用户，${existing.length} 个已存在`);
    return 0;
  } catch (e) {
    err(`导入失败：${(e as Error).message}`);
    return 1;
  } finally {
    await db?.close();
  }
}

/** Accounts in the database (the user repository). */
function databaseAccounts(users: UserRepository): AccountTarget {
  return {
    existing: async () => new Set((await users.list()).map((u) => u.username)),
    async create(a, password) {
      try {
        await users.create({ ...a, password });
        return 'created';
      } catch (e) {
        if (e instanceof YizhanError && e.code === 'USER_EXISTS') return 'exists';
        throw e;
      }
    },
  };
}

/** Accounts on a running server: GET / POST /api/users (user:read / user:manage). */
function httpAccounts(server: string, token: string): AccountTarget {
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const failure = async (res: Response): Promise<Error> => {
    const body = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string; details?: { message: string }[] } };
    const details = (body.error?.details ?? []).map((d) => d.message).join('；');
    return new Error(`服务器拒绝（${res.status} ${body.error?.code ?? ''}）：${body.error?.message ?? ''}${details ? `：${details}` : ''}`);
  };
  return {
    async existing() {
      const res = await fetch(new URL('/api/users', server), { headers });
      if (!res.ok) throw await failure(res);
      return new Set(((await res.json()) as { username: string }[]).map((u) => u.username));
    },
    async create(a, password) {
      const res = await fetch(new URL('/api/users', server), {
        method: 'POST', headers,
        body: JSON.stringify({ username: a.username, displayName: a.displayName, password, role: a.role, unit: a.unit, departments: a.departments }),
      });
      if (res.status === 409) return 'exists';
      if (!res.ok) throw await failure(res);
      return 'created';
    },
  };
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function usage(message: string): number {
  err(`${message}\n${USAGE}`);
  return 2;
}

/**
 * What an operator reads when a command fails: one sentence. Errors of ours (a YizhanError: a
 * stable `code`) carry a Chinese sentence saying what to do; anything else is named by its message.
 * The stack trace and PostgreSQL's last log lines only with LOG_LEVEL=debug.
 */
function failureLine(e: unknown): string {
  if (e instanceof YizhanError) return `${e.message}（${e.code}）`;
  const message = e instanceof Error ? e.message : String(e);
  return `出错：${message.split('\n')[0]}：请按此修正后重试；设置 LOG_LEVEL=debug 可看到详细信息。`;
}

main(process.argv.slice(2)).then((code) => process.exit(code), (e: unknown) => {
  err(failureLine(e));
  if (process.env.LOG_LEVEL === 'debug') {
    if (e instanceof Error && e.stack) err(e.stack);
    if (e instanceof YizhanError) for (const d of e.details) err(`  ${d.message}`);
  }
  process.exit(1);
});
