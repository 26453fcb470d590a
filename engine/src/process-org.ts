// A process's own org model (its pack's units and departments, stored with the definition):
// which units a case of the process may belong to.
import { OrgIndex, type OrgModel } from '@yizhan/rules';
import type { DefinitionRecord } from './definitions';
import { UnitOutsideProcessError } from './errors';

const indexes = new WeakMap<object, OrgIndex>();

/** The definition's org model, indexed (cached per stored model object); undefined without units. */
function processOrg(def: Pick<DefinitionRecord, 'org'>): OrgIndex | undefined {
  const model = def.org as OrgModel | null | undefined;
  if (!model || typeof model !== 'object' || !Array.isArray(model.units) || model.units.length === 0) return undefined;
  let index = indexes.get(model);
  if (!index) {
    index = new OrgIndex(model);
    indexes.set(model, index);
  }
  return index;
}

/** Whether a case of the process may belong to `unit` (always, for a process without an org model). */
export function unitInProcess(def: Pick<DefinitionRecord, 'org'>, unit: string): boolean {
  const org = processOrg(def);
  return !org || org.hasUnit(unit);
}

/**
 * Refuses a case whose unit is not in its process's org model (UNIT_OUTSIDE_PROCESS). A process
 * without an org model (units) takes any unit; a case without a unit is not checked.
 */
export function checkUnitInProcess(def: Pick<DefinitionRecord, 'org' | 'key'>, unit: string | undefined): void {
  if (!unit) return;
  if (!unitInProcess(def, unit)) throw new UnitOutsideProcessError(unit, def.key);
}
