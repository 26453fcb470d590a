// The read side of the API, always within the caller's scope (see scope.ts): the engine's scoped
// reads, with the caller's Scope turned into the engine's ReadScope. Details are fetched from the
// engine only after a scoped existence check.
import { CaseQueries, type CaseSummary, type Clock, type ListPage, type ScopedTaskFilter, type ScopedTaskView } from '@yizhan/engine';
import { SUPERVISION_FORMS } from '@yizhan/packs';
import type pg from 'pg';
import { readScope, type Scope } from './scope';

export interface CaseListFilter {
  status?: CaseSummary['status'];
  type?: string;
  unit?: string;
  processKey?: string;
  q?: string;
  /** Only the cases under supervision (挂牌督办). */
  supervised?: boolean;
  limit: number;
  offset: number;
  /** The previous page's next cursor (keyset); the offset is then not used. */
  cursor?: string;
}

/** A case in a list: the engine's summary shape. */
export type CaseListItem = CaseSummary;

export type InboxScope = ScopedTaskFilter['view'];

export interface TaskListFilter extends Omit<ScopedTaskFilter, 'view'> {
  scope: InboxScope;
}

/** A task in a list: the engine's scoped task view. */
export type TaskListItem = ScopedTaskView;

export class ScopedQueries {
  private readonly cases: CaseQueries;

  constructor(pool: pg.Pool, clock: Clock) {
    // a task reads `supervised` while its case has an active 批示 or an open 督办 step of the packs
    this.cases = new CaseQueries(pool, clock, SUPERVISION_FORMS);
  }

  caseVisible(scope: Scope, caseId: string): Promise<boolean> {
    return this.cases.caseVisible(readScope(scope), caseId);
  }

  /** The engine's case list, restricted in its SQL to the cases the caller may see; with the next page's cursor. */
  listCases(scope: Scope, filter: CaseListFilter): Promise<ListPage<CaseListItem>> {
    return this.cases.listCasesPage({ ...filter, scope: readScope(scope) });
  }

  /** How many cases of the list there are, up to `bound` (past it: bound + 1). */
  countCases(scope: Scope, filter: Omit<CaseListFilter, 'limit' | 'offset' | 'cursor'>, bound: number): Promise<number> {
    return this.cases.countCases({ ...filter, scope: readScope(scope) }, bound);
  }

  listTasks(scope: Scope, { scope: view, ...filter }: TaskListFilter): Promise<ListPage<TaskListItem>> {
    return this.cases.listScopedTasksPage(readScope(scope), { ...filter, view });
  }

  /** A task as the caller sees it; undefined when it does not exist or is out of scope. */
  getTask(scope: Scope, taskId: string): Promise<TaskListItem | undefined> {
    return this.cases.getScopedTask(readScope(scope), taskId);
  }

}
