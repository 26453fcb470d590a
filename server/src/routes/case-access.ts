// What the case routes share: a case only when the caller may see it (scoped in SQL; otherwise 404
// CASE_NOT_FOUND, the same answer as for a case that does not exist), and a case as the API shows
// it (with its unit's name; personal data masked for those who may not see it in a case's details).
import type { CaseView } from '@yizhan/engine';
import { notFound } from '../http-errors';
import { redactCase } from '../mask';
import { seesPersonalData, type Scope } from '../scope';
import type { Services } from '../services';

export const caseNotFound = (id: string) => notFound('CASE_NOT_FOUND', `案件不存在或不在您的辖区内：${id}`);

export function caseAccess(services: Services) {
  /** The id, when the caller may see the case; CASE_NOT_FOUND otherwise. */
  const checkVisible = async (scope: Scope, id: string): Promise<string> => {
    if (!(await services.queries.caseVisible(scope, id))) throw caseNotFound(id);
    return id;
  };
  const withUnitName = (c: CaseView) => ({ ...c, unitName: services.directory.unitName(c.unit) });
  /** The case as a case's details show it to the caller. */
  const shown = (scope: Scope, c: CaseView) => {
    const view = withUnitName(c);
    return seesPersonalData(scope, 'detail') ? view : redactCase(view);
  };
  return { checkVisible, withUnitName, shown };
}
