// The read side of the API, always within the caller's scope (see scope.ts). The engine's own
// queries are unscoped; the server answers lists from here and fetches details from the engine
// only after a scoped existence check.
import type pg from 'pg';
import { CaseQueries, isUuid, taskColour, type CaseSummary, type Clock, type TaskView } from '@yizhan/engine';
import { caseVisibleSql, offeredToSql, SqlArgs, taskActionableSql, type Scope } from './scope';

export interface CaseListFilter {
  status?: CaseSummary['status'];
  type?: string;
  unit?: string;
  processKey?: string;
  q?: string;
  limit: number;
  offset: number;
}

/** A case in a list: the engine's summary shape. */
export type CaseListItem = CaseSummary;

export type InboxScope = 'inbox' | 'mine' | 'department' | 'unit';

export interface TaskListFilter {
  scope: InboxScope;
  /** `warning`: open and yellow (past its warning time, not yet due); `overdue`: open and red. */
  status: 'open' | 'warning' | 'overdue' | 'completed' | 'all';
  caseId?: string;
  limit: number;
  offset: number;
}

export interface TaskListItem extends TaskView {
  caseNumber: number;
  caseTitle: string | null;
  caseType: string | null;
  processKey: string;
  /** Whether the caller may claim / complete / return / transfer it. */
  actionable: boolean;
}

interface TaskRow {
  id: string; case_id: string; execution_id: string; element_id: string; name: string | null; form_key: string | null;
  candidate_groups: string[]; assignee: string | null; unit: string | null; iteration: number | null; item: unknown;
  due_at: Date | null; warn_at: Date | null; priority: number | null; status: TaskView['status']; data: unknown; created_at: Date;
  completed_at: Date | null; completed_by: string | null;
  case_number: string; case_title: string | null; case_type: string | null; process_key: string; actionable: boolean;
}

export class ScopedQueries {
  private readonly cases: CaseQueries;

  constructor(private readonly pool: pg.Pool, private readonly clock: Clock) {
    this.cases = new CaseQueries(pool, clock);
  }

  async caseVisible(scope: Scope, caseId: string): Promise<boolean> {
    if (!isUuid(caseId)) return false;
    const args = new SqlArgs();
    const id = args.add(caseId);
    const { rowCount } = await this.pool.query(`select 1 from cases c where c.id = ${id} and ${caseVisibleSql(scope, args)}`, args.values);
    return !!rowCount;
  }

  /** The engine's case list, restricted in its SQL to the cases the caller may see. */
  listCases(scope: Scope, filter: CaseListFilter): Promise<CaseListItem[]> {
    return this.cases.listCases({ ...filter, visibleIf: (arg) => caseVisibleSql(scope, { add: arg }) });
  }

  async listTasks(scope: Scope, filter: TaskListFilter): Promise<TaskListItem[]> {
    const args = new SqlArgs();
    const where = [caseVisibleSql(scope, args)];
    if (filter.scope === 'mine') where.push(`t.assignee = ${args.add(scope.username)}`);
    if (filter.scope === 'department') where.push(`t.candidate_groups && ${args.add(scope.departments)}::text[]`);
    if (filter.scope === 'inbox') where.push(offeredToSql(scope, args));
    if (filter.scope === 'unit' && !scope.all) where.push(`t.unit = any(${args.add(scope.units)}::text[])`);
    if (filter.status === 'open') where.push(`t.status = 'open'`);
    if (filter.status === 'completed') where.push(`t.status = 'completed'`);
    if (filter.status === 'overdue') where.push(`t.status = 'open' and t.due_at < ${args.add(this.clock.now())}`);
    if (filter.status === 'warning') {
      const now = args.add(this.clock.now());
      // As taskColour: yellow from warn_at (or two thirds of the limit on rows without one) until due.
      where.push(`t.status = 'open' and t.due_at >= ${now} and coalesce(t.warn_at, t.created_at + (t.due_at - t.created_at) * 2 / 3) <= ${now}`);
    }
    if (filter.caseId) where.push(`t.case_id = ${args.add(filter.caseId)}`);
    const actionable = taskActionableSql(scope, args);
    const { rows } = await this.pool.query<TaskRow>(
      `select t.*, c.number as case_number, c.title as case_title, c.type as case_type, c.process_key, coalesce(${actionable}, false) as actionable
         from tasks t join cases c on c.id = t.case_id
        where ${where.join(' and ')}
        order by t.due_at nulls last, t.created_at, t.id
        limit ${args.add(filter.limit)} offset ${args.add(filter.offset)}`,
      args.values,
    );
    return rows.map((r) => this.task(r));
  }

  /** A task as the caller sees it; undefined when it does not exist or is out of scope. */
  async getTask(scope: Scope, taskId: string): Promise<TaskListItem | undefined> {
    if (!isUuid(taskId)) return undefined;
    const args = new SqlArgs();
    const id = args.add(taskId);
    const visible = caseVisibleSql(scope, args);
    const actionable = taskActionableSql(scope, args);
    const { rows } = await this.pool.query<TaskRow>(
      `select t.*, c.number as case_number, c.title as case_title, c.type as case_type, c.process_key, coalesce(${actionable}, false) as actionable
         from tasks t join cases c on c.id = t.case_id where t.id = ${id} and ${visible}`,
      args.values,
    );
    return rows[0] ? this.task(rows[0]) : undefined;
  }

  private task(t: TaskRow): TaskListItem {
    return {
      id: t.id, caseId: t.case_id, executionId: t.execution_id, elementId: t.element_id, name: t.name, formKey: t.form_key,
      candidateGroups: t.candidate_groups, assignee: t.assignee, unit: t.unit, iteration: t.iteration, item: t.item,
      dueAt: t.due_at, warnAt: t.warn_at, priority: t.priority, status: t.status,
      colour: t.status === 'open' ? taskColour({ createdAt: t.created_at, dueAt: t.due_at, warnAt: t.warn_at }, this.clock.now()) : null,
      data: t.data, createdAt: t.created_at, completedAt: t.completed_at, completedBy: t.completed_by,
      caseNumber: Number(t.case_number), caseTitle: t.case_title, caseType: t.case_type, processKey: t.process_key,
      actionable: t.actionable,
    };
  }
}
