// The org model the widgets need, structurally the same as the rules package's OrgModel (not imported:
// forms depends on nothing of ours).

/** A unit of the pack's tree: county → township → village/community → grid. */
export interface OrgUnit {
  code: string;
  name: string;
  /** e.g. 'county', 'township', 'village', 'grid'. */
  level: string;
  children?: OrgUnit[];
}

/** A department, window or centre, belonging to a unit. */
export interface Department {
  code: string;
  name: string;
  /** Code of the unit it belongs to. */
  unit: string;
  /** e.g. 'resident', 'window', 'reporting', 'centre'. */
  kind: string;
}

/** What the org widgets read from rjsf's `formContext`. */
export interface OrgContext {
  /** Root units of the tree (usually one county). */
  units: OrgUnit[];
  departments: Department[];
}

/** Every unit in the tree, depth-first, with its ancestry path (names from the root). */
export function flattenUnits(units: OrgUnit[], path: string[] = []): { unit: OrgUnit; path: string[] }[] {
  return units.flatMap((unit) => [
    { unit, path: [...path, unit.name] },
    ...flattenUnits(unit.children ?? [], [...path, unit.name]),
  ]);
}

export function findUnit(units: OrgUnit[], code: string): OrgUnit | undefined {
  return flattenUnits(units).find((u) => u.unit.code === code)?.unit;
}
