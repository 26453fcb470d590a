// 迁移运行中的案件: the request and response shapes of /api/migrations as agreed with the server,
// written here until the server's OpenAPI document declares the routes (then ./types.ts derives them).

/** A process with running cases on a version older than its latest. */
export interface MigrationProcess {
  processKey: string;
  name: string;
  latestVersion: number;
  /** Only the versions that have running cases. */
  versions: Array<{ version: number; runningCases: number }>;
}

/** What to migrate: mapping is source element id → target element id; caseIds absent = every running case. */
export interface MigrationRequest {
  processKey: string;
  fromVersion: number;
  toVersion: number;
  mapping?: Record<string, string>;
  caseIds?: string[];
}

export interface MigrationPlan {
  processKey: string;
  fromVersion: number;
  toVersion: number;
  mapping: Record<string, string>;
  elements: Array<{
    elementId: string; name: string; type: string; caseCount: number;
    mappedTo: string | null; proposed: boolean;
    problem?: { code: string; message: string };
  }>;
  targetElements: Array<{ elementId: string; name: string; type: string }>;
  cases: Array<{ caseId: string; caseNo: string; title: string; waitingAt: string[]; migratable: boolean; code?: string; reason?: string }>;
  caseCount: number;
  migratableCount: number;
  ok: boolean;
}

export interface MigrationReport {
  migrationId: string;
  migrated: number;
  refused: number;
  results: Array<{ caseId: string; caseNo: string; status: 'migrated' | 'refused'; code?: string; reason?: string }>;
}
