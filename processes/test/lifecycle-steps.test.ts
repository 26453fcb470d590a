// Scenario steps for the life of a case outside its BPMN steps — 中止 / 恢复, 延期 (request, approve,
// reject), 不予受理 — and the assertions about them (suspended, noHistory, dueMovedBy, extensions):
// their shapes checked by the scenario schema, and run by the scenario runner on both databases with
// the server's permission model.
import { describe, expect, it } from 'vitest';
import { loadPackDir, runScenarios, validatePack, type PackBundle, type Scenario, type ScenarioStep } from '../src';
import { databaseTargets } from '../../engine/test/support/databases';

const MINI = new URL('./fixtures/mini/', import.meta.url).pathname;

const bundle = await loadPackDir(MINI);
// a leader of the county: stops the clock and approves extensions (the default approver)
const leader = { username: 'leader', name: '县领导', role: 'leader' as const, unit: 'mini', departments: ['mini.centre'] };
const mini: PackBundle = { ...bundle, manifest: { ...bundle.manifest, users: [...(bundle.manifest.users ?? []), leader] } };

/** The mini pack's labour case (handled by mini.labour in P3D, escalated by a P7D timer) with these steps. */
function labour(name: string, steps: ScenarioStep[], status?: Scenario['status']): Scenario {
  const base = mini.scenarios.labour;
  return { name, start: base.start, steps, status };
}

const suspended = labour('中止等待鉴定，恢复后期限与督办定时器顺延', [
  { expect: { suspended: false, openTasks: [{ task: 'handle', dueIn: 'P3D', dueMovedBy: 'P0D' }] } },
  { advance: 'P1D' },
  { suspend: true, as: 'leader', reason: '等待伤残鉴定结论', expect: { suspended: true, history: ['case.suspended'] } },
  // ten days suspended: the P7D escalation would have fired on day 7, it does not
  { advance: 'P10D', expect: { suspended: true, noHistory: ['timer.fired'], openTasks: [{ task: 'handle' }] } },
  { resume: true, as: 'leader', expect: { suspended: false, history: ['case.resumed'], openTasks: [{ task: 'handle', dueMovedBy: 'P10D', colour: 'green' }] } },
  // the timer moved with the suspension: due on day 17, not day 7
  { advance: 'P5D', expect: { noHistory: ['timer.fired'], openTasks: [{ task: 'handle', colour: 'red' }] } },
  { advance: 'P1D', expect: { history: ['timer.fired'], openTasks: [{ task: 'supervise' }] } },
], 'active');

const extended = labour('延期两天：申请、领导批准，再申请一天被驳回', [
  { extend: 'handle', as: 'labour', days: 2, reason: '当事人外出务工，需约定调解时间', expect: { extensions: [{ task: 'handle', days: 2, status: 'pending' }], openTasks: [{ task: 'handle', dueMovedBy: 'P0D' }] } },
  { extend: 'handle', as: 'labour', days: 1, reason: '再次申请', expectError: 'BAD_REQUEST' },
  { approveExtension: 'handle', as: 'labour', expectError: 'FORBIDDEN' },
  { approveExtension: 'handle', as: 'leader', note: '同意延期', expect: { extensions: [{ task: 'handle', days: 2, status: 'approved' }], history: ['deadline.extension.approved'], openTasks: [{ task: 'handle', dueIn: 'P5D', dueMovedBy: 'P2D' }] } },
  { extend: 'handle', as: 'labour', days: 1, reason: '仍需时间' },
  { rejectExtension: 'handle', as: 'leader', note: '不予延期', expect: { extensions: [{ task: 'handle', status: 'approved' }, { task: 'handle', days: 1, status: 'rejected' }], history: ['deadline.extension.rejected'], openTasks: [{ task: 'handle', dueMovedBy: 'P2D' }] } },
], 'active');

const refused = labour('不予受理：已由法院受理的事项', [
  { refuse: true, as: 'clerk', reason: '该纠纷已由人民法院受理', notice: '请向人民法院了解案件进展', expect: { status: 'refused', history: ['case.refused', 'task.cancelled'], openTasks: [] } },
  { suspend: true, as: 'leader', reason: '已结束的案件', expectError: 'CASE_NOT_ACTIVE' },
], 'refused');

const tooLate = labour('已开始办理的案件不能不予受理', [
  { complete: 'handle', as: 'labour', data: { note: '已补发' } },
  { refuse: true, as: 'clerk', reason: '不属受理范围', expectError: 'CASE_NOT_ACTIVE', expect: { status: 'active', openTasks: [{ task: 'feedback' }] } },
], 'active');

describe.each(databaseTargets())('lifecycle scenario steps on $name PostgreSQL', (target) => {
  it('中止 stops the clock (no timer fires) and 恢复 moves the due date and the timer by the suspended time', async () => {
    const [result] = await runScenarios({ ...mini, scenarios: { suspended } }, { databaseUrl: target.adminUrl });
    expect(result.failures).toEqual([]);
  });

  it('延期: a request, a staff approval the server refuses, the leader\'s approval (+2 days), a rejection', async () => {
    const results = await runScenarios({ ...mini, scenarios: { extended, refused, tooLate } }, { databaseUrl: target.adminUrl });
    expect(results.map((r) => [r.name, r.failures])).toEqual([
      [extended.name, []],
      [refused.name, []],
      [tooLate.name, []],
    ]);
  });

  it('reports a wrong lifecycle assertion with what happened instead', async () => {
    const wrong = labour('错误的断言', [
      { suspend: true, as: 'leader', reason: '等待鉴定', expect: { suspended: false } },
    ]);
    const moved = labour('顺延天数不对', [
      { advance: 'P1D' },
      { suspend: true, as: 'leader', reason: '等待鉴定' },
      { advance: 'P2D', expect: { noHistory: ['case.suspended'] } },
    ]);
    const dueWrong = labour('期限断言不对', [
      { extend: 'handle', as: 'labour', days: 2, reason: '需要时间' },
      { approveExtension: 'handle', as: 'leader', expect: { openTasks: [{ task: 'handle', dueMovedBy: 'P3D' }], extensions: [{ task: 'handle', status: 'pending' }] } },
    ]);
    const nothingPending = labour('没有待审批的申请', [{ rejectExtension: 'handle', as: 'leader' }]);
    const results = await runScenarios({ ...mini, scenarios: { a: wrong, b: moved, c: dueWrong, d: nothingPending } }, { databaseUrl: target.adminUrl });
    expect(results[0].failures).toEqual([expect.stringMatching(/^第 1 步（中止）：案件应未中止，实际自 \S+ 中止$/)]);
    expect(results[1].failures).toEqual([expect.stringMatching(/^第 3 步（时间推进 P2D）：历史中不应有「case\.suspended」，实际在 \S+ 记录了$/)]);
    expect(results[2].failures).toEqual([
      '第 2 步（批准延期 handle）：延期申请期望 handle pending，实际 handle 2 天 approved',
      expect.stringMatching(/^第 2 步（批准延期 handle）：任务 handle 的期限应比开始办理时的 \S+ 顺延 P3D（\S+），实际 \S+$/),
    ]);
    expect(results[3].failures).toEqual(['第 1 步（驳回延期 handle）：任务「handle」没有待审批的延期申请']);
  });

  it('acts like the server: staff cannot suspend, a leader cannot approve when the pack names admin', async () => {
    const byStaff = labour('受理员中止', [{ suspend: true, as: 'clerk', reason: '等待鉴定' }]);
    const forbidden = labour('受理员中止（期望被拒绝）', [{ suspend: true, as: 'clerk', reason: '等待鉴定', expectError: 'FORBIDDEN', expect: { suspended: false } }]);
    const adminApproves = labour('领导审批（流程包指定管理员审批）', [
      { extend: 'handle', as: 'labour', days: 1, reason: '需要时间' },
      { approveExtension: 'handle', as: 'leader' },
    ]);
    const byStaffResults = await runScenarios({ ...mini, scenarios: { a: byStaff, b: forbidden } }, { databaseUrl: target.adminUrl });
    expect(byStaffResults[0].failures).toEqual([expect.stringContaining('第 1 步（中止）：用户「clerk」的角色是「办理人员」（staff），没有中止 / 恢复案件时限的权限（case:suspend），服务器会拒绝（403）')]);
    expect(byStaffResults[1].failures).toEqual([]);
    const adminPack: PackBundle = { ...mini, manifest: { ...mini.manifest, deadlines: { mode: 'calendar-days', extensionApprover: 'admin' } }, scenarios: { c: adminApproves } };
    const [admin] = await runScenarios(adminPack, { databaseUrl: target.adminUrl });
    expect(admin.failures).toEqual(['第 2 步（批准延期 handle）：延期须由「admin」角色审批，用户「leader」的角色是「领导（督办，查看本辖区）」（leader），服务器会拒绝（403）']);
  });
});

describe('lifecycle steps in the scenario schema', () => {
  const problemsOf = async (steps: unknown[]) => {
    const bundle = { ...mini, scenarios: { life: { ...labour('生命周期', []), steps: steps as ScenarioStep[] } } };
    return (await validatePack(bundle)).filter((p) => p.file === 'scenarios/life.json');
  };

  it('takes every lifecycle step and assertion', async () => {
    expect(await problemsOf([...suspended.steps!, ...extended.steps!])).toEqual([]);
    expect(await problemsOf(refused.steps!)).toEqual([]);
  });

  it('names the scenario and the step of a malformed one, in Chinese', async () => {
    const problems = await problemsOf([
      { advance: 'P1D' },
      { suspend: true, as: 'leader' },
      { extend: 'handle', as: 'labour', days: 0, reason: '需要时间' },
      { resume: true, reason: '恢复不带理由' },
      { approveExtension: 'handle', complete: 'handle' },
      { refuse: 'yes', reason: '不属受理范围' },
      { expect: { suspended: 'yes' } },
    ]);
    expect(problems.map((p) => [p.code, p.pointer])).toEqual([
      ['SCENARIO_SCHEMA', '/steps/2/days'],
      ['SCENARIO_SCHEMA', '/steps/5/refuse'],
      ['SCENARIO_SCHEMA', '/steps/6/expect/suspended'],
      ['SCENARIO_SCHEMA', '/steps/1'],
      ['SCENARIO_SCHEMA', '/steps/3'],
      ['SCENARIO_SCHEMA', '/steps/4'],
    ]);
    expect(problems[0].message).toBe('场景「生命周期」第 3 步：不能小于 1');
    expect(problems[1].message).toBe('场景「生命周期」第 6 步：应为 true');
    expect(problems.slice(3).map((p) => p.message)).toEqual([
      '场景「生命周期」第 2 步：suspend 步骤缺少必填属性「reason」',
      '场景「生命周期」第 4 步：resume 步骤不应有属性「reason」',
      '场景「生命周期」第 5 步：一步只能有一个动作，实际有 complete、approveExtension；请拆成 2 步',
    ]);
    const [none] = await problemsOf([{ note: '忘了写动作' }]);
    expect(none.message).toBe('场景「生命周期」第 1 步：步骤没有动作：应有 complete、claim、return、transfer、advance、message、signal、suspend、resume、refuse、extend、approveExtension、rejectExtension 之一，或只有 expect');
    const [extendLacks] = await problemsOf([{ extend: 'handle', as: 'labour' }]);
    expect(extendLacks.message).toBe('场景「生命周期」第 1 步：extend 步骤缺少必填属性「days」，缺少必填属性「reason」');
  });

  it('checks the task an extension step names', async () => {
    const problems = await problemsOf([
      { extend: 'nope', as: 'labour', days: 1, reason: '需要时间' },
      { approveExtension: 'handel', as: 'leader', expect: { extensions: [{ task: 'hnadle' }] } },
    ]);
    expect(problems.map((p) => [p.code, p.pointer])).toEqual([
      ['UNKNOWN_TASK', '/steps/0/extend'],
      ['UNKNOWN_TASK', '/steps/1/approveExtension'],
      ['UNKNOWN_TASK', '/steps/1/expect/extensions/0/task'],
    ]);
  });
});
