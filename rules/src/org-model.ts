// The org model: the unit tree (县 → 乡镇 → 村/社区 → 网格) and the departments, windows and
// centres that handle cases. Same shape as the `org` section of a pack's pack.json.

export type UnitLevel = 'county' | 'township' | 'village' | 'grid';

/** Levels from the bottom up; a higher rank is a higher level. */
export const UNIT_LEVELS: readonly UnitLevel[] = ['grid', 'village', 'township', 'county'];

export interface OrgUnit {
  code: string;
  name: string;
  level: UnitLevel;
  children?: OrgUnit[];
}

/**
 * What a department is, in the 1+4+8+N sense:
 * - `centre` — a 综治中心 of the county (the "1");
 * - `resident` — a function resident at the county centre (信访, 公共法律服务, 公证, 劳动监察: the "4");
 * - `window` — a service window at the centre (诉调对接, 访调对接, 司法鉴定 …: the "8");
 * - `department` — a line department that reports to the centre (人社局, 住建局 …: the "N");
 * - `township` — a township 综治中心; `village` — a village / community 综治中心 (extension);
 * - `court` — a court (诉前调解, 司法确认; extension).
 */
export type DepartmentKind = 'centre' | 'resident' | 'window' | 'department' | 'township' | 'village' | 'court';

export const DEPARTMENT_KINDS: readonly DepartmentKind[] = [
  'centre', 'resident', 'window', 'department', 'township', 'village', 'court',
];

export interface Department {
  code: string;
  name: string;
  /** Code of the OrgUnit the department belongs to. */
  unit: string;
  kind: DepartmentKind;
  /** Case types the department is competent for (谁主管谁负责). */
  domains?: string[];
}

export interface OrgModel {
  units: OrgUnit[];
  departments: Department[];
}

export const LEVEL_LABELS: Record<UnitLevel, string> = {
  county: '县级', township: '乡镇级', village: '村（社区）级', grid: '网格级',
};

export const KIND_LABELS: Record<DepartmentKind, string> = {
  centre: '综治中心', resident: '进驻部门', window: '窗口单位', department: '报到部门',
  township: '乡镇综治中心', village: '村（社区）综治中心', court: '法院',
};

export function levelRank(level: UnitLevel): number {
  return UNIT_LEVELS.indexOf(level);
}
