// Pack deployments through the server: every use of @yizhan/packs goes through here. A pack
// version deploys once (recorded in pack_deployments); its org model joins the org directory.
import type pg from 'pg';
import type { CaseEngine } from '@yizhan/engine';
import { deployPack, PackInvalidError, packToFiles, validatePack, type PackBundle } from '@yizhan/packs';
import { ApiError } from './http-errors';
import type { OrgDirectory } from './org-directory';

export {
  loadPackDir, packFromFiles, listPackDirs, validatePack, runScenarios, formatScenarioLine, formatSummary, formatProblem,
  PackInvalidError, packHandlers, type PackBundle, type PackProblem, type PackUser, type ScenarioResult,
} from '@yizhan/packs';

export interface PackDeploymentView {
  packId: string;
  version: string;
  name: string | null;
  county: string | null;
  description: string | null;
  processes: { key: string; definitionId: string; version: number }[];
  deployedBy: string | null;
  deployedAt: Date;
}

/** Every column but `files`: listings never load the files of a pack. */
const COLUMNS = 'id, pack_id, version, name, county, description, processes, deployed_by, deployed_at';

interface Row {
  pack_id: string; version: string; name: string | null; county: string | null; description: string | null;
  processes: PackDeploymentView['processes']; deployed_by: string | null; deployed_at: Date;
}
const fromRow = (r: Row): PackDeploymentView => ({
  packId: r.pack_id, version: r.version, name: r.name, county: r.county, description: r.description,
  processes: r.processes, deployedBy: r.deployed_by, deployedAt: r.deployed_at,
});

export class PackService {
  constructor(private readonly engine: CaseEngine, private readonly pool: pg.Pool, private readonly directory: OrgDirectory) {}

  /**
   * Validates and deploys a pack version. An already deployed version is a PACK_VERSION_EXISTS
   * conflict, or (with `skipExisting`, as `serve` does at start) returned unchanged.
   */
  async deploy(bundle: PackBundle, actor: string, options: { skipExisting?: boolean } = {}): Promise<{ deployment: PackDeploymentView; created: boolean }> {
    const problems = (await validatePack(bundle)).filter((p) => p.severity !== 'warning');
    if (problems.length) throw new PackInvalidError(problems);
    const m = bundle.manifest;
    // One deploy of a pack at a time across every server process (several may start together).
    const lock = await this.pool.connect();
    try {
      await lock.query('select pg_advisory_lock(hashtext($1))', [`pack:${m.id}`]);
      const existing = await this.version(m.id, m.version);
      if (existing) {
        if (options.skipExisting) return { deployment: existing, created: false };
        throw new ApiError('PACK_VERSION_EXISTS', `流程包「${m.id}」版本 ${m.version} 已部署；请提高 pack.json 中的 version 后再部署`);
      }
      const deployed = await deployPack(this.engine, bundle, { actor });
      const { rows } = await this.pool.query<Row>(
        `insert into pack_deployments (pack_id, version, name, county, description, processes, deployed_by, files)
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${COLUMNS}`,
        [m.id, m.version, m.name ?? null, m.county ?? null, m.description ?? null, JSON.stringify(deployed.processes), actor, JSON.stringify(packToFiles(bundle))],
      );
      if (m.org) await this.directory.put(`pack:${m.id}`, m.org);
      return { deployment: fromRow(rows[0]), created: true };
    } finally {
      await lock.query('select pg_advisory_unlock(hashtext($1))', [`pack:${m.id}`]).catch(() => {});
      lock.release();
    }
  }

  /** The latest deployment of every pack. */
  async list(): Promise<PackDeploymentView[]> {
    const { rows } = await this.pool.query<Row>(`select distinct on (pack_id) ${COLUMNS} from pack_deployments order by pack_id, deployed_at desc, id desc`);
    return rows.map(fromRow);
  }

  async versions(packId: string): Promise<PackDeploymentView[]> {
    const { rows } = await this.pool.query<Row>(`select ${COLUMNS} from pack_deployments where pack_id = $1 order by deployed_at desc, id desc`, [packId]);
    return rows.map(fromRow);
  }

  /** The files of a deployed version (the latest when no version is given); undefined if unknown. */
  async files(packId: string, version?: string): Promise<{ packId: string; version: string; files: Record<string, string> } | undefined> {
    const { rows } = await this.pool.query<{ version: string; files: Record<string, string> | null }>(
      version === undefined
        ? 'select version, files from pack_deployments where pack_id = $1 order by deployed_at desc, id desc limit 1'
        : 'select version, files from pack_deployments where pack_id = $1 and version = $2',
      version === undefined ? [packId] : [packId, version],
    );
    const r = rows[0];
    return r?.files ? { packId, version: r.version, files: r.files } : undefined;
  }

  private async version(packId: string, version: string): Promise<PackDeploymentView | undefined> {
    const { rows } = await this.pool.query<Row>(`select ${COLUMNS} from pack_deployments where pack_id = $1 and version = $2`, [packId, version]);
    return rows[0] ? fromRow(rows[0]) : undefined;
  }
}
