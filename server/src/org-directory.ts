// The org directory: the org models of every deployed pack (and the demo org) merged into one
// OrgIndex. Scoping asks it for a unit's subtree; the API asks it for names.
import type pg from 'pg';
import { OrgIndex, type Department, type OrgModel, type OrgUnit } from '@yizhan/rules';
import { unitSubtree } from '@yizhan/packs';

export class OrgDirectory {
  private index = new OrgIndex({ units: [], departments: [] });

  constructor(private readonly pool: pg.Pool) {}

  /** Reloads the merged model from the store (after a pack deploy). */
  async refresh(): Promise<void> {
    const { rows } = await this.pool.query<{ id: string; model: OrgModel }>('select id, model from org_models order by id');
    this.index = new OrgIndex(mergeOrgModels(rows.map((r) => r.model)));
  }

  /**
   * Stores (replaces) one source's org model and refreshes. With `client`, the write joins the
   * caller's open transaction and the caller calls refresh() after committing.
   */
  async put(id: string, model: OrgModel, client?: pg.PoolClient): Promise<void> {
    await (client ?? this.pool).query(
      `insert into org_models (id, model, updated_at) values ($1, $2, now())
       on conflict (id) do update set model = excluded.model, updated_at = now()`,
      [id, JSON.stringify(model)],
    );
    if (!client) await this.refresh();
  }

  get org(): OrgIndex {
    return this.index;
  }

  model(): OrgModel {
    return this.index.model;
  }

  /** The unit and every unit below it; an unknown code is its own (empty) subtree. */
  subtree(code: string): string[] {
    return unitSubtree(this.index, code);
  }

  unitName(code: string | null | undefined): string | null {
    if (!code) return null;
    return this.index.unit(code)?.name ?? null;
  }

  department(code: string): Department | undefined {
    return this.index.department(code);
  }
}

/** Units and departments of several models, first occurrence of a code wins. */
export function mergeOrgModels(models: OrgModel[]): OrgModel {
  const seenUnits = new Set<string>();
  const seenDepartments = new Set<string>();
  const units: OrgUnit[] = [];
  const departments: Department[] = [];
  const codes = (u: OrgUnit): string[] => [u.code, ...(u.children ?? []).flatMap(codes)];
  for (const m of models) {
    for (const u of m.units ?? []) {
      if (codes(u).some((c) => seenUnits.has(c))) continue;
      codes(u).forEach((c) => seenUnits.add(c));
      units.push(u);
    }
    for (const d of m.departments ?? []) {
      if (seenDepartments.has(d.code)) continue;
      seenDepartments.add(d.code);
      departments.push(d);
    }
  }
  return { units, departments };
}
