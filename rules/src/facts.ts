// The facts a rule can test: the form data, the case, and org facts derived from both.
import type { OrgIndex } from './org-index';
import type { DepartmentKind, UnitLevel } from './org-model';

/** What the case says about itself (source channel, type, amounts, parties, units involved). */
export interface CaseFacts {
  /** Case type, e.g. 劳资纠纷, 土地纠纷. Matched against departments' `domains`. */
  type?: string;
  /** Source channel, e.g. 来访, 12345, 网格上报, 法院委派. */
  channel?: string;
  /** Amount in dispute, yuan. */
  amount?: number;
  partyCount?: number;
  /** Reporting unit code (where the case was taken in / where it arose). */
  unit?: string;
  /** Units involved (e.g. two villages in a boundary dispute). */
  units?: string[];
  /** Departments involved. */
  departments?: string[];
  [field: string]: unknown;
}

export interface RoutingFacts {
  /** The intake form's data. */
  data: Record<string, unknown>;
  case: CaseFacts;
}

/** Facts derived from the case and the org model before the rules run. */
export interface OrgFacts {
  reportingUnit?: string;
  reportingLevel?: UnitLevel;
  reportingVillage?: string;
  reportingTownship?: string;
  reportingCounty?: string;
  involvedUnits: string[];
  involvedTownships: string[];
  involvedCounties: string[];
  involvedDepartments: string[];
  involvedTownshipCentres: string[];
  competentDepartments: string[];
  responsibleDepartments: string[];
  localCentre?: string;
  townshipCentre?: string;
  countyCentre?: string;
}

/** What a fact value holds, so validation can check codes and explanations can name them. */
export type FactValueKind = 'unit' | 'units' | 'department' | 'departments' | 'level' | 'value' | 'object';

export interface FactInfo {
  label: string;
  kind: FactValueKind;
  description: string;
}

/** The derived org facts, by name. */
export const ORG_FACTS: Record<keyof OrgFacts, FactInfo> = {
  reportingUnit: { label: '上报单位', kind: 'unit', description: 'case.unit' },
  reportingLevel: { label: '上报单位层级', kind: 'level', description: 'county / township / village / grid of case.unit' },
  reportingVillage: { label: '上报单位所在村（社区）', kind: 'unit', description: 'the village / community case.unit lies in' },
  reportingTownship: { label: '上报单位所在乡镇', kind: 'unit', description: 'the township case.unit lies in' },
  reportingCounty: { label: '上报单位所在县', kind: 'unit', description: 'the county case.unit lies in' },
  involvedUnits: { label: '涉及的单位', kind: 'units', description: 'case.unit then case.units, without duplicates' },
  involvedTownships: { label: '涉及的乡镇', kind: 'units', description: 'distinct townships the involved units lie in' },
  involvedCounties: { label: '涉及的县', kind: 'units', description: 'distinct counties the involved units lie in' },
  involvedDepartments: { label: '涉及的部门', kind: 'departments', description: 'case.departments that exist in the org model' },
  involvedTownshipCentres: { label: '涉及乡镇的综治中心', kind: 'departments', description: 'township centres (kind township) of the involved townships' },
  competentDepartments: { label: '主管部门', kind: 'departments', description: 'departments whose domains contain case.type (谁主管谁负责)' },
  responsibleDepartments: { label: '责任部门', kind: 'departments', description: 'involvedDepartments if any, else competentDepartments' },
  localCentre: { label: '属地综治中心', kind: 'department', description: 'nearest village / township / county centre at or above case.unit' },
  townshipCentre: { label: '乡镇综治中心', kind: 'department', description: 'the township centre of reportingTownship' },
  countyCentre: { label: '县综治中心', kind: 'department', description: 'the county centre (kind centre) of the reporting county' },
};

/** Well-known paths of the `case` fact, for validation and explanations. */
export const CASE_FIELDS: Record<string, FactInfo> = {
  type: { label: '案件类型', kind: 'value', description: 'case type' },
  channel: { label: '来源渠道', kind: 'value', description: 'source channel' },
  amount: { label: '涉案金额', kind: 'value', description: 'amount in dispute (yuan)' },
  partyCount: { label: '当事人数', kind: 'value', description: 'number of parties' },
  unit: { label: '上报单位', kind: 'unit', description: 'reporting unit code' },
  units: { label: '涉及单位', kind: 'units', description: 'unit codes involved' },
  departments: { label: '涉及部门', kind: 'departments', description: 'department codes involved' },
};

export const BASE_FACTS = ['data', 'case'] as const;

export function isOrgFact(name: string): name is keyof OrgFacts {
  return Object.prototype.hasOwnProperty.call(ORG_FACTS, name);
}

const CENTRE_KINDS: readonly DepartmentKind[] = ['village', 'township', 'centre'];

function unique(values: Iterable<string>): string[] {
  return [...new Set(values)];
}

function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

/** Derives the org facts of a case. Unknown codes are dropped from the lists, never thrown on. */
export function deriveOrgFacts(facts: RoutingFacts, org: OrgIndex): OrgFacts {
  const c = facts.case ?? {};
  const reportingUnit = typeof c.unit === 'string' ? c.unit : undefined;
  const known = reportingUnit !== undefined && org.hasUnit(reportingUnit);

  const involvedUnits = unique([...(reportingUnit ? [reportingUnit] : []), ...stringList(c.units)]).filter((u) => org.hasUnit(u));
  const involvedTownships = unique(involvedUnits.flatMap((u) => org.township(u)?.code ?? []));
  const involvedCounties = unique(involvedUnits.flatMap((u) => org.county(u)?.code ?? []));
  const involvedDepartments = unique(stringList(c.departments)).filter((d) => org.hasDepartment(d));
  const competentDepartments = typeof c.type === 'string' ? org.competentFor(c.type).map((d) => d.code) : [];
  const centresOf = (unit: string, kinds: readonly DepartmentKind[]) =>
    org.departmentsOf(unit).filter((d) => kinds.includes(d.kind)).map((d) => d.code);

  const reportingTownship = known ? org.township(reportingUnit)?.code : undefined;
  const reportingCounty = known ? org.county(reportingUnit)?.code : undefined;
  let localCentre: string | undefined;
  if (known) {
    for (const unit of [org.unit(reportingUnit)!, ...org.ancestors(reportingUnit)]) {
      localCentre = centresOf(unit.code, CENTRE_KINDS)[0];
      if (localCentre) break;
    }
  }
  const countyCode = reportingCounty ?? (involvedCounties.length === 1 ? involvedCounties[0] : undefined);
  const countyCentre = countyCode !== undefined
    ? centresOf(countyCode, ['centre'])[0]
    : org.departments().find((d) => d.kind === 'centre')?.code;

  return {
    reportingUnit: known ? reportingUnit : undefined,
    reportingLevel: known ? org.level(reportingUnit) : undefined,
    reportingVillage: known ? org.enclosing(reportingUnit, 'village')?.code : undefined,
    reportingTownship,
    reportingCounty,
    involvedUnits,
    involvedTownships,
    involvedCounties,
    involvedDepartments,
    involvedTownshipCentres: involvedTownships.flatMap((t) => centresOf(t, ['township'])),
    competentDepartments,
    responsibleDepartments: involvedDepartments.length > 0 ? involvedDepartments : competentDepartments,
    localCentre,
    townshipCentre: reportingTownship !== undefined ? centresOf(reportingTownship, ['township'])[0] : undefined,
    countyCentre,
  };
}
