// 试算影响 as text for the terminal (`yizhan pack whatif`): the report of POST /api/packs/whatif.
import type { WhatIfReport } from '@yizhan/packs';

/** The report as the API returns it (dates as ISO strings). */
export type WhatIfReply = WhatIfReport & { packId: string; from: string; to: string; processes: string[]; truncated: boolean; maxCases: number };

const ASPECT_LABELS: Record<keyof WhatIfReport['changed'], string> = {
  departments: '办理部门', level: '办理层级', joint: '联合调解', leadUnit: '牵头单位', caseClass: '案件等级', dueIn: '办理时限',
};

const day = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** Lines in Chinese: the figures first, then from → to, the rules, and (up to `listed`) the cases. */
export function formatWhatIf(r: WhatIfReply, listed = 20): string[] {
  const lines = [
    `试算影响：流程包 ${r.packId}，受理时间 ${day(r.from)} 至 ${day(r.to)}（不含），流程 ${r.processes.join('、')}`,
    `  试算案件 ${r.cases} 个（分流 ${r.decisions} 次），分流结果会改变的案件 ${r.changedCases} 个`,
  ];
  if (r.truncated) lines.push(`  注意：时间段内案件超过一次试算的上限 ${r.maxCases} 个，只试算了最早的 ${r.cases} 个；请缩短时间段`);
  const aspects = (Object.keys(ASPECT_LABELS) as (keyof WhatIfReport['changed'])[]).filter((a) => r.changed[a] > 0);
  if (aspects.length) lines.push(`  其中：${aspects.map((a) => `${ASPECT_LABELS[a]}改变 ${r.changed[a]}`).join('，')}`);
  if (r.conflicts) lines.push(`  新规则无法决定（规则冲突）：${r.conflicts} 次`);
  for (const m of r.missingRuleSets) lines.push(`  规则集「${m.ruleSet}」在拟部署的包中已不存在：涉及 ${m.decisions} 次分流`);
  if (r.transitions.length) {
    lines.push('原分流 → 新分流：');
    for (const t of r.transitions) lines.push(`  ${String(t.count).padStart(5)}  ${t.from} → ${t.to}`);
  }
  if (r.rules.length) {
    lines.push('命中次数改变的规则：');
    for (const h of r.rules) lines.push(`  ${h.ruleSet}「${h.rule}」：${h.before} → ${h.after}`);
  }
  if (r.changes.length) {
    lines.push(`会改变的案件${r.changes.length > listed || r.changesTruncated ? `（列出前 ${Math.min(listed, r.changes.length)} 个）` : ''}：`);
    for (const c of r.changes.slice(0, listed)) {
      lines.push(`  第 ${c.number} 号 ${c.title ?? ''}：${c.changed.map((a) => ASPECT_LABELS[a]).join('、')}改变${c.problem ? `（${c.problem}）` : ''}`);
    }
  }
  return lines;
}
