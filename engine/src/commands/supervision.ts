// 挂牌督办 and 领导包案 on demand: a leader puts a case under supervision with a 批示 (instruction)
// and a deadline, names a 包案领导, and closes the supervision (督办销号). Like the lifecycle
// commands these change rows only (no engine step), under the case row lock, each recorded in the
// case history. The BPMN's own supervision (a timer leading to a `supervise` task) is the pack's
// business; this is what a leader starts by hand. Who may do it is the caller's decision
// (`authorize` runs on the case's definition under the lock: the pack names the role).
import type { DefinitionRecord } from '../definitions';
import { BadRequestError, CaseNotActiveError, NotFoundError } from '../errors';
import { appendHistory, HistoryKind } from '../history';
import { isUuid } from '../ids';
import { caseVisibleSql, SqlArgs, type ReadScope } from '../read-scope';
import { saneDate } from './deadlines';
import { onCaseRows } from './lifecycle';
import type { CaseCommandRunner } from './runner';

/** The longest 批示 (characters). */
export const MAX_INSTRUCTION = 2000;

/** One 督办 as stored. */
export interface SupervisionView {
  id: number;
  caseId: string;
  /** 批示. */
  instruction: string;
  /** By when the responsible unit must report (null: no deadline). */
  deadline: Date | null;
  /** 包案领导 named with this 督办 (user name). */
  leaderInCharge: string | null;
  status: 'active' | 'closed';
  createdBy: string;
  createdAt: Date;
  closedBy: string | null;
  closedAt: Date | null;
  closingNote: string | null;
}

/** A 督办 in the list, with a little of its case. */
export interface SupervisionListEntry extends SupervisionView {
  caseNumber: number;
  caseTitle: string | null;
  caseType: string | null;
  caseUnit: string | null;
  caseStatus: string;
  processKey: string;
  /** Whether the deadline has passed while the 督办 is still active. */
  overdue: boolean;
}

export interface SuperviseInput {
  instruction: string;
  deadline?: Date | null;
  leaderInCharge?: string | null;
  actor: string;
  /** Runs under the lock with the case's definition; throws to refuse (e.g. not the pack's supervising role). */
  authorize?: (def: DefinitionRecord) => void;
}

type Row = Record<string, unknown>;

const view = (r: Row): SupervisionView => ({
  id: Number(r.id), caseId: r.case_id as string, instruction: r.instruction as string, deadline: (r.deadline as Date | null) ?? null,
  leaderInCharge: (r.leader_in_charge as string | null) ?? null, status: r.status as SupervisionView['status'],
  createdBy: r.created_by as string, createdAt: r.created_at as Date, closedBy: (r.closed_by as string | null) ?? null,
  closedAt: (r.closed_at as Date | null) ?? null, closingNote: (r.closing_note as string | null) ?? null,
});

export class SupervisionCommands {
  constructor(private readonly runner: CaseCommandRunner) {}

  /** 挂牌督办: a 批示 with an optional deadline (and 包案领导) on an open case. */
  async supervise(caseId: string, input: SuperviseInput): Promise<SupervisionView> {
    const instruction = input.instruction?.trim();
    if (!instruction) throw new BadRequestError('请填写督办批示', [{ field: '/instruction', message: '必填' }]);
    if (instruction.length > MAX_INSTRUCTION) throw new BadRequestError(`督办批示不能超过 ${MAX_INSTRUCTION} 字`, [{ field: '/instruction', message: '过长' }]);
    const leader = input.leaderInCharge?.trim() || null;
    let id = 0;
    await onCaseRows(this.runner, caseId, async (client, c, now, def) => {
      input.authorize?.(def);
      if (c.status !== 'active' && c.status !== 'incident') throw new CaseNotActiveError(caseId, c.status, '督办');
      const deadline = input.deadline ?? null;
      if (deadline && (deadline.getTime() <= now.getTime() || !saneDate(now, deadline))) {
        throw new BadRequestError('督办期限须晚于现在', [{ field: '/deadline', message: '须晚于现在' }]);
      }
      const { rows } = await client.query<{ id: string }>(
        `insert into supervisions (case_id, instruction, deadline, leader_in_charge, created_by, created_at) values ($1, $2, $3, $4, $5, $6) returning id`,
        [caseId, instruction, deadline, leader, input.actor, now]);
      id = Number(rows[0].id);
      await client.query(
        `update cases set supervised_at = coalesce(supervised_at, $2), leader_in_charge = coalesce($3, leader_in_charge) where id = $1`, [caseId, now, leader]);
      await appendHistory(client, caseId, now, {
        actor: input.actor, kind: HistoryKind.CaseSupervised, elementId: null, taskId: null,
        data: { supervisionId: id, instruction, deadline: deadline?.toISOString() ?? null, leaderInCharge: leader },
      });
    });
    return this.supervision(id);
  }

  /** 领导包案: names (or with null clears) the case's 包案领导. */
  async assignLeader(caseId: string, input: { leader: string | null; actor: string; authorize?: (def: DefinitionRecord) => void }): Promise<void> {
    const leader = input.leader?.trim() || null;
    await onCaseRows(this.runner, caseId, async (client, c, now, def) => {
      input.authorize?.(def);
      if (c.status !== 'active' && c.status !== 'incident') throw new CaseNotActiveError(caseId, c.status, '指定包案领导');
      const { rows } = await client.query<{ leader_in_charge: string | null }>('select leader_in_charge from cases where id = $1', [caseId]);
      await client.query('update cases set leader_in_charge = $2 where id = $1', [caseId, leader]);
      await appendHistory(client, caseId, now, {
        actor: input.actor, kind: HistoryKind.LeaderAssigned, elementId: null, taskId: null, data: { from: rows[0].leader_in_charge, to: leader },
      });
    });
  }

  /** 督办销号: closes an active 督办 with a note. */
  async close(supervisionId: number, input: { note?: string; actor: string; authorize?: (def: DefinitionRecord) => void }): Promise<SupervisionView> {
    const s = await this.supervision(supervisionId);
    const note = input.note?.trim() || null;
    await onCaseRows(this.runner, s.caseId, async (client, _c, now, def) => {
      input.authorize?.(def);
      const { rowCount } = await client.query(
        `update supervisions set status = 'closed', closed_by = $2, closed_at = $3, closing_note = $4 where id = $1 and status = 'active'`,
        [supervisionId, input.actor, now, note]);
      if (!rowCount) throw new BadRequestError('该督办已销号', [{ field: '/supervisionId', message: 'closed' }]);
      await appendHistory(client, s.caseId, now, {
        actor: input.actor, kind: HistoryKind.SupervisionClosed, elementId: null, taskId: null, data: { supervisionId, note },
      });
    });
    return this.supervision(supervisionId);
  }

  /** One 督办 (SUPERVISION_NOT_FOUND when unknown). */
  async supervision(id: number): Promise<SupervisionView> {
    const { rows } = Number.isSafeInteger(id) ? await this.runner.ctx.pool.query<Row>('select * from supervisions where id = $1', [id]) : { rows: [] };
    if (!rows[0]) throw new NotFoundError('SUPERVISION', String(id));
    return view(rows[0]);
  }

  /** The 督办 of a case, oldest first. */
  async ofCase(caseId: string): Promise<SupervisionView[]> {
    if (!isUuid(caseId)) return [];
    const { rows } = await this.runner.ctx.pool.query<Row>('select * from supervisions where case_id = $1 order by id', [caseId]);
    return rows.map(view);
  }

  /** 督办 list: the 督办 of the cases the reader may see, active first, newest first. */
  async list(scope: ReadScope, filter: { status: 'active' | 'closed' | 'all'; limit: number; offset: number }): Promise<SupervisionListEntry[]> {
    const args = new SqlArgs();
    const where = [caseVisibleSql(scope, args)];
    if (filter.status !== 'all') where.push(`s.status = ${args.add(filter.status)}`);
    const now = args.add(this.runner.ctx.clock.now());
    const { rows } = await this.runner.ctx.pool.query<Row>(
      `select s.*, c.number as case_number, c.title as case_title, c.type as case_type, c.unit as case_unit, c.status as case_status, c.process_key,
              (s.status = 'active' and s.deadline is not null and s.deadline < ${now}) as overdue
         from supervisions s join cases c on c.id = s.case_id
        where ${where.join(' and ')}
        order by (s.status = 'active') desc, s.created_at desc, s.id desc
        limit ${args.add(filter.limit)} offset ${args.add(filter.offset)}`,
      args.values);
    return rows.map((r) => ({
      ...view(r), caseNumber: Number(r.case_number), caseTitle: r.case_title as string | null, caseType: r.case_type as string | null,
      caseUnit: r.case_unit as string | null, caseStatus: r.case_status as string, processKey: r.process_key as string, overdue: r.overdue === true,
    }));
  }
}
