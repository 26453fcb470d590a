import type { Department, OrgModel, OrgUnit, UnitLevel } from './org-model';
import type { RuleProblem } from './errors';

interface UnitEntry {
  unit: OrgUnit;
  parent?: string;
  pointer: string;
}

const indexCache = new WeakMap<OrgModel, OrgIndex>();

/**
 * Lookups over an OrgModel: units by code, the tree above and below a unit, departments.
 * Building it is linear in the size of the model; every lookup after that is a map access
 * (ancestors walk the tree upwards, so they cost the depth — four levels at most).
 */
export class OrgIndex {
  readonly model: OrgModel;
  /** Problems found while indexing (duplicate codes, departments of unknown units). */
  readonly problems: RuleProblem[] = [];
  private readonly unitsByCode = new Map<string, UnitEntry>();
  private readonly departmentsByCode = new Map<string, Department>();

  constructor(model: OrgModel) {
    this.model = model;
    model.units.forEach((unit, i) => this.addUnit(unit, undefined, `/units/${i}`));
    model.departments.forEach((department, i) => {
      const pointer = `/departments/${i}`;
      if (this.departmentsByCode.has(department.code)) {
        this.problems.push({ pointer, code: 'DUPLICATE_CODE', message: `部门编码「${department.code}」重复` });
        return;
      }
      if (!this.unitsByCode.has(department.unit)) {
        this.problems.push({
          pointer: `${pointer}/unit`, code: 'UNKNOWN_UNIT',
          message: `部门「${department.name}」所属单位编码「${department.unit}」不存在`,
        });
      }
      this.departmentsByCode.set(department.code, department);
    });
  }

  /** The index of an org model, built once per model object. */
  static of(org: OrgModel | OrgIndex): OrgIndex {
    if (org instanceof OrgIndex) return org;
    let index = indexCache.get(org);
    if (!index) {
      index = new OrgIndex(org);
      indexCache.set(org, index);
    }
    return index;
  }

  private addUnit(unit: OrgUnit, parent: string | undefined, pointer: string): void {
    if (this.unitsByCode.has(unit.code)) {
      this.problems.push({ pointer, code: 'DUPLICATE_CODE', message: `单位编码「${unit.code}」重复` });
      return;
    }
    this.unitsByCode.set(unit.code, { unit, parent, pointer });
    unit.children?.forEach((child, i) => this.addUnit(child, unit.code, `${pointer}/children/${i}`));
  }

  unit(code: string): OrgUnit | undefined {
    return this.unitsByCode.get(code)?.unit;
  }

  hasUnit(code: string): boolean {
    return this.unitsByCode.has(code);
  }

  /** All units, depth-first in model order. */
  units(): OrgUnit[] {
    return [...this.unitsByCode.values()].map((entry) => entry.unit);
  }

  parent(code: string): OrgUnit | undefined {
    const parent = this.unitsByCode.get(code)?.parent;
    return parent === undefined ? undefined : this.unit(parent);
  }

  /** The units above `code`, nearest first (the unit itself is not included). */
  ancestors(code: string): OrgUnit[] {
    const result: OrgUnit[] = [];
    for (let p = this.parent(code); p; p = this.parent(p.code)) result.push(p);
    return result;
  }

  level(code: string): UnitLevel | undefined {
    return this.unit(code)?.level;
  }

  /** True when `code` is `ancestorCode` or lies below it. Unknown codes are within nothing. */
  isWithin(code: string, ancestorCode: string): boolean {
    if (!this.hasUnit(code) || !this.hasUnit(ancestorCode)) return false;
    for (let c: string | undefined = code; c !== undefined; c = this.unitsByCode.get(c)?.parent) {
      if (c === ancestorCode) return true;
    }
    return false;
  }

  /** The unit of the given level that `code` lies in (itself when it has that level). */
  enclosing(code: string, level: UnitLevel): OrgUnit | undefined {
    const unit = this.unit(code);
    if (!unit) return undefined;
    if (unit.level === level) return unit;
    return this.ancestors(code).find((u) => u.level === level);
  }

  /** The township a unit lies in; undefined for a county or an unknown code. */
  township(code: string): OrgUnit | undefined {
    return this.enclosing(code, 'township');
  }

  /** The county a unit lies in. */
  county(code: string): OrgUnit | undefined {
    return this.enclosing(code, 'county');
  }

  department(code: string): Department | undefined {
    return this.departmentsByCode.get(code);
  }

  hasDepartment(code: string): boolean {
    return this.departmentsByCode.has(code);
  }

  departments(): Department[] {
    return [...this.departmentsByCode.values()];
  }

  /** Departments attached to exactly this unit. */
  departmentsOf(unitCode: string): Department[] {
    return this.departments().filter((d) => d.unit === unitCode);
  }

  /** Departments whose `domains` name this case type (谁主管谁负责). */
  competentFor(caseType: string): Department[] {
    return this.departments().filter((d) => d.domains?.includes(caseType) ?? false);
  }

  /** The unit or department a code names, for messages. */
  name(code: string): string | undefined {
    return this.department(code)?.name ?? this.unit(code)?.name;
  }
}

/** Structural problems of an org model (duplicate codes, departments of unknown units). */
export function validateOrgModel(org: OrgModel): RuleProblem[] {
  return [...new OrgIndex(org).problems];
}
