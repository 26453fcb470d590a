// 流程版本迁移 as text for the terminal (`yizhan migrate`): the replies of GET /api/migrations/versions,
// POST /api/migrations/plan and POST /api/migrations.
import type { MigrationOutcome, MigrationPlan, MigrationVersions } from '@yizhan/engine';

/** Processes with running cases on older versions. */
export function formatMigrationVersions(list: MigrationVersions[]): string[] {
  if (!list.length) return ['没有运行在旧版本上的在办案件'];
  return list.flatMap((p) => [
    `${p.processKey}（${p.name}）最新版本 ${p.latestVersion}`,
    ...p.versions.map((v) => `  第 ${v.version} 版：在办案件 ${v.runningCases} 个`),
  ]);
}

/** The plan: the figures, each waiting element with its mapping or problem, then the refused cases (up to `listed`). */
export function formatMigrationPlan(p: MigrationPlan, listed = 20): string[] {
  const lines = [
    `迁移预检：${p.processKey} 第 ${p.fromVersion} 版 → 第 ${p.toVersion} 版（只读，未做任何改变）`,
    `  在办案件 ${p.caseCount} 个，可迁移 ${p.migratableCount} 个${p.ok ? '' : `，不能迁移 ${p.caseCount - p.migratableCount} 个`}`,
    '等待位置与映射：',
  ];
  for (const e of p.elements) {
    const to = e.mappedTo === null ? '（无映射）' : `→ ${e.mappedTo}${e.proposed ? '（自动建议）' : ''}`;
    lines.push(`  ${e.elementId}「${e.name}」${e.caseCount} 个案件 ${to}${e.problem ? `  ${e.problem.code}：${e.problem.message}` : ''}`);
    for (const t of e.newTimers ?? []) {
      lines.push(`    新增定时器 ${t.elementId}「${t.name}」${t.duration ?? ''}${t.interrupting ? '（中断）' : '（不中断）'}：迁移时开始计时`);
    }
  }
  const refused = p.cases.filter((c) => !c.migratable);
  if (refused.length) {
    lines.push('不能迁移的案件：');
    for (const c of refused.slice(0, listed)) lines.push(`  ${c.caseNo} ${c.title}：${c.code}，${c.reason}`);
    if (refused.length > listed) lines.push(`  ……另有 ${refused.length - listed} 个`);
  }
  if (!p.ok) lines.push('可用 --map 源元素=目标元素 指定映射；目标版本中的元素：' + p.targetElements.map((e) => `${e.elementId}「${e.name}」`).join('、'));
  return lines;
}

/** The run: how many moved, and each refused case with its reason. */
export function formatMigrationOutcome(r: MigrationOutcome): string[] {
  const lines = [`迁移完成（记录 ${r.migrationId}）：已迁移 ${r.migrated} 个，未迁移 ${r.refused} 个`];
  for (const x of r.results) if (x.status === 'refused') lines.push(`  ${x.caseNo || x.caseId}：${x.code}，${x.reason}`);
  return lines;
}
