// Pack deployments through the server: every use of @yizhan/packs goes through here. A pack
// version deploys once (recorded in pack_deployments); its org model joins the org directory.
import type pg from 'pg';
import type { CaseEngine } from '@yizhan/engine';
import { checkPack, deployPack, PackInvalidError, packToFiles, type PackBundle } from '@yizhan/packs';
import type { ErrorDetail } from '@yizhan/engine';
import type { OrgModel, OrgUnit } from '@yizhan/rules';
import { ApiError } from './http-errors';
import type { OrgDirectory } from './org-directory';
import type { Scope } from './scope';

export {
  loadPackDir, packFromFiles, listPackDirs, validatePack, runScenarios, formatScenarioLine, formatSummary, formatProblem,
  PackInvalidError, packHandlers, createPackEngine, packFormValidator, personalKind, type PersonalKind, type PackBundle, type PackProblem, type PackUser, type ScenarioResult,
} from '@yizhan/packs';

const DEPLOY_LOCK = 'yizhan:pack-deploy';

const ownerId = (owner: string) => (owner.startsWith('pack:') ? owner.slice(5) : owner);
const ownerLabel = (owner: string) => (owner.startsWith('pack:') ? `流程包「${ownerId(owner)}」` : `组织架构「${owner}」`);

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
  async deploy(bundle: PackBundle, actor: string, options: { skipExisting?: boolean; scope?: Scope } = {}): Promise<{ deployment: PackDeploymentView; created: boolean }> {
    // validated once: the checked documents go on to the deploy
    const checked = await checkPack(bundle);
    const problems = checked.problems.filter((p) => p.severity !== 'warning');
    if (problems.length) throw new PackInvalidError(problems);
    const m = bundle.manifest;
    // One deploy at a time across every server process (several may start together): the org
    // codes a pack takes are checked and stored under this lock. The whole deploy — every
    // process's definition, the pack_deployments row, the org model — is one transaction: a
    // failure anywhere leaves nothing behind. The in-memory org directory follows after commit.
    const client = await this.pool.connect();
    let deployment: PackDeploymentView;
    try {
      await client.query('begin');
      await client.query('select pg_advisory_xact_lock(hashtext($1))', [DEPLOY_LOCK]);
      const existing = await this.version(m.id, m.version);
      if (existing) {
        await client.query('rollback');
        if (options.skipExisting) return { deployment: existing, created: false };
        throw new ApiError('PACK_VERSION_EXISTS', `流程包「${m.id}」版本 ${m.version} 已部署；请提高 pack.json 中的 version 后再部署`);
      }
      if (options.scope) await this.checkDeployScope(m.id, m.org, m.county, options.scope);
      await this.checkOrgOwnership(m.id, m.org);
      const deployed = await deployPack(this.engine, bundle, { actor, client, checked });
      const { rows } = await client.query<Row>(
        `insert into pack_deployments (pack_id, version, name, county, description, processes, deployed_by, files)
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${COLUMNS}`,
        [m.id, m.version, m.name ?? null, m.county ?? null, m.description ?? null, JSON.stringify(deployed.processes), actor, JSON.stringify(packToFiles(bundle))],
      );
      if (m.org) await this.directory.put(`pack:${m.id}`, m.org, client);
      await client.query('commit');
      deployment = fromRow(rows[0]);
    } catch (err) {
      await client.query('rollback').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
    if (m.org) await this.directory.refresh();
    return { deployment, created: true };
  }

  /**
   * A user scoped to a unit acts (withdraw / restore a definition version) only on a deployed pack
   * of their county, by the same rule as a deploy; FORBIDDEN otherwise.
   */
  async checkPackScope(packId: string, scope: Scope): Promise<void> {
    const previous = await this.pool.query<{ county: string | null }>('select county from pack_deployments where pack_id = $1 order by deployed_at desc, id desc limit 1', [packId]);
    if (!previous.rows[0] || scope.all) return;
    const { rows } = await this.pool.query<{ model: OrgModel }>('select model from org_models where id = $1', [`pack:${packId}`]);
    await this.checkDeployScope(packId, rows[0]?.model, previous.rows[0].county ?? undefined, scope);
  }

  /**
   * A user scoped to a unit (an integrator or administrator of one county) deploys only that
   * county's pack: the new version's org and the one it replaces must be theirs — their unit is
   * one of its top units, or all its top units are within their subtree (without an org: the
   * manifest's `county`). A user of every unit (unit null) deploys any pack.
   */
  private async checkDeployScope(packId: string, org: OrgModel | undefined, county: string | undefined, scope: Scope): Promise<void> {
    if (scope.all) return;
    const mine = (roots: string[], countyCode: string | null | undefined) =>
      roots.length ? roots.includes(scope.unit ?? '') || roots.every((r) => scope.units.includes(r)) : !!countyCode && scope.units.includes(countyCode);
    const roots = (o: OrgModel | undefined) => (o?.units ?? []).map((u) => u.code);
    const { rows } = await this.pool.query<{ model: OrgModel }>('select model from org_models where id = $1', [`pack:${packId}`]);
    const previous = await this.pool.query<{ county: string | null }>('select county from pack_deployments where pack_id = $1 order by deployed_at desc, id desc limit 1', [packId]);
    const replaced = previous.rows[0] ? mine(roots(rows[0]?.model), previous.rows[0].county) : true;
    if (!replaced || !mine(roots(org), county)) {
      throw new ApiError('FORBIDDEN', `流程包「${packId}」不属于您的辖区（${scope.unit}），不能部署`, [
        { code: 'OUT_OF_SCOPE', pointer: org ? '/org/units' : '/county', message: `只能部署本辖区单位「${scope.unit}」的流程包` },
      ]);
    }
  }

  /**
   * A unit or department code belongs to the one pack (county) that first deployed it: another
   * pack using it would silently take over (or lose) that part of the org tree, and with it the
   * cases and staff scoped to it. ORG_CODE_TAKEN names each code and its owner.
   */
  private async checkOrgOwnership(packId: string, org: OrgModel | undefined): Promise<void> {
    if (!org) return;
    const owners = await this.orgOwners(`pack:${packId}`);
    const details: ErrorDetail[] = [];
    const seen = new Set<string>();
    const take = (code: string, kind: '单位' | '部门', pointer: string) => {
      const owner = owners.get(`${kind}:${code}`);
      if (!owner || seen.has(`${kind}:${code}`)) return;
      seen.add(`${kind}:${code}`);
      details.push({ file: 'pack.json', pointer, code: 'ORG_CODE_TAKEN', owner: ownerId(owner), message: `${kind}编码「${code}」已属于${ownerLabel(owner)}` });
    };
    const walk = (u: OrgUnit, pointer: string) => {
      take(u.code, '单位', `${pointer}/code`);
      (u.children ?? []).forEach((c, i) => walk(c, `${pointer}/children/${i}`));
    };
    (org.units ?? []).forEach((u, i) => walk(u, `/org/units/${i}`));
    (org.departments ?? []).forEach((d, i) => take(d.code, '部门', `/org/departments/${i}/code`));
    if (details.length) {
      const owners = [...new Set(details.map((d) => String(d.owner)))];
      throw new ApiError('ORG_CODE_TAKEN', `流程包「${packId}」的组织架构使用了已属于其他流程包（${owners.map((o) => `「${o}」`).join("、")}）的编码，共 ${details.length} 个；单位与部门编码只能属于一个流程包`, details);
    }
  }

  /** `单位:code` / `部门:code` → the org source (`pack:<id>`, `demo`) holding it, other than `except`. */
  private async orgOwners(except: string): Promise<Map<string, string>> {
    const { rows } = await this.pool.query<{ id: string; model: OrgModel }>('select id, model from org_models where id <> $1 order by id', [except]);
    const owners = new Map<string, string>();
    for (const r of rows) {
      const walk = (u: OrgUnit) => {
        if (!owners.has(`单位:${u.code}`)) owners.set(`单位:${u.code}`, r.id);
        (u.children ?? []).forEach(walk);
      };
      (r.model.units ?? []).forEach(walk);
      for (const d of r.model.departments ?? []) if (!owners.has(`部门:${d.code}`)) owners.set(`部门:${d.code}`, r.id);
    }
    return owners;
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
