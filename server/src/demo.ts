// `yizhan serve --demo`: demo accounts (password demo1234) fitted to the deployed packs' org —
// admin and integrator for every unit, a leader and an auditor of the first county, and staff
// from the packs' `users` with their role and unit (or, without any, one per centre / township /
// department). Without any pack the built-in 示范县 org is used.
import type { OrgModel } from '@yizhan/rules';
import type { PackUser } from './packs';
import { packUserAccount } from '@yizhan/packs';
import { ROLE_LABELS } from './roles';
import type { Services } from './services';
import type { NewUser } from './users';
import type { DemoLogin } from './web';

export const DEMO_PASSWORD = 'demo1234';

export const DEMO_ORG: OrgModel = {
  units: [{
    code: 'demo', name: '示范县', level: 'county',
    children: [
      { code: 'demo-a', name: '甲镇', level: 'township', children: [{ code: 'demo-a-1', name: '甲镇东村', level: 'village' }] },
      { code: 'demo-b', name: '乙镇', level: 'township', children: [{ code: 'demo-b-1', name: '乙镇西村', level: 'village' }] },
    ],
  }],
  departments: [
    { code: 'demo-centre', name: '示范县综治中心', unit: 'demo', kind: 'centre' },
    { code: 'demo-labour', name: '示范县人社局', unit: 'demo', kind: 'department', domains: ['wages'] },
    { code: 'demo-a-centre', name: '甲镇综治中心', unit: 'demo-a', kind: 'township' },
    { code: 'demo-b-centre', name: '乙镇综治中心', unit: 'demo-b', kind: 'township' },
  ],
};

export async function ensureDemoUsers(services: Services, packUsers: PackUser[]): Promise<DemoLogin[]> {
  const { directory } = services;
  if (!directory.org.units().length) await directory.put('demo', DEMO_ORG);
  const org = directory.org;
  const county = org.units().find((u) => u.level === 'county');
  const centre = county ? org.departmentsOf(county.code).find((d) => d.kind === 'centre') : undefined;
  const accounts: NewUser[] = [
    { username: 'admin', displayName: '系统管理员', role: 'admin', unit: null, password: DEMO_PASSWORD },
    { username: 'integrator', displayName: '集成开发人员', role: 'integrator', unit: null, password: DEMO_PASSWORD },
    { username: 'leader', displayName: `${county?.name ?? ''}领导`, role: 'leader', unit: county?.code ?? null, departments: centre ? [centre.code] : [], password: DEMO_PASSWORD },
    { username: 'auditor', displayName: `${county?.name ?? ''}审计`, role: 'auditor', unit: county?.code ?? null, password: DEMO_PASSWORD },
  ];
  const taken = new Set(accounts.map((a) => a.username));
  const staff: NewUser[] = [];
  for (const u of packUsers) {
    const departments = u.departments.filter((d) => org.hasDepartment(d));
    if (taken.has(u.username) || !departments.length) continue;
    taken.add(u.username);
    staff.push({ ...packUserAccount({ ...u, departments }, org), password: DEMO_PASSWORD });
  }
  if (!staff.length && county) {
    const depts = org.departments();
    const pick = [
      ...depts.filter((d) => d.kind === 'centre' && d.unit === county.code).slice(0, 1),
      ...depts.filter((d) => d.kind === 'township').slice(0, 2),
      ...depts.filter((d) => d.kind === 'department' || d.kind === 'resident').slice(0, 1),
    ];
    pick.forEach((d, i) => staff.push({
      username: `staff${i + 1}`, displayName: `${d.name}工作人员`, role: 'staff', unit: d.unit, departments: [d.code], password: DEMO_PASSWORD,
    }));
  }
  const logins: DemoLogin[] = [];
  for (const a of [...accounts, ...staff]) {
    const user = await services.users.upsert({ ...a, demo: true });
    const where = user.unit ? directory.unitName(user.unit) ?? user.unit : '全部单位';
    const depts = user.departments.map((d) => directory.department(d)?.name ?? d).join('、');
    logins.push({ username: user.username, role: ROLE_LABELS[user.role], position: depts ? `${where} / ${depts}` : where });
  }
  return logins;
}
