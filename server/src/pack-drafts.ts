// Drafts of process packs (table pack_drafts, migration 120): edits saved on the server without
// deploying them. A draft belongs to its pack and is shared by everyone who may deploy that pack;
// every save bumps `revision`, and a save that names an older revision is DRAFT_CHANGED (someone
// else saved in between) instead of overwriting their work.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { isUuid, type Clock } from '@yizhan/engine';
import { ApiError, notFound } from './http-errors';

export interface PackDraftSummary {
  id: string;
  packId: string;
  title: string;
  baseVersion: string | null;
  revision: number;
  fileCount: number;
  createdBy: string;
  createdAt: Date;
  updatedBy: string;
  updatedAt: Date;
}

export interface PackDraft extends PackDraftSummary {
  files: Record<string, string>;
}

interface Row {
  id: string; pack_id: string; title: string; base_version: string | null; revision: number; file_count: number;
  created_by: string; created_at: Date; updated_by: string; updated_at: Date; files?: Record<string, string>;
}

const SUMMARY = `id, pack_id, title, base_version, revision, (select count(*)::int from jsonb_object_keys(files)) as file_count,
  created_by, created_at, updated_by, updated_at`;

const summary = (r: Row): PackDraftSummary => ({
  id: r.id, packId: r.pack_id, title: r.title, baseVersion: r.base_version, revision: r.revision, fileCount: r.file_count,
  createdBy: r.created_by, createdAt: r.created_at, updatedBy: r.updated_by, updatedAt: r.updated_at,
});
const full = (r: Row): PackDraft => ({ ...summary(r), files: r.files ?? {} });

const draftNotFound = (id: string) => notFound('DRAFT_NOT_FOUND', `草稿不存在或已部署：${id}`);

export class PackDraftStore {
  constructor(private readonly pool: pg.Pool, private readonly clock: Clock) {}

  async list(packId: string): Promise<PackDraftSummary[]> {
    const { rows } = await this.pool.query<Row>(`select ${SUMMARY} from pack_drafts where pack_id = $1 order by updated_at desc, id`, [packId]);
    return rows.map(summary);
  }

  async get(packId: string, id: string): Promise<PackDraft> {
    if (!isUuid(id)) throw draftNotFound(id);
    const { rows } = await this.pool.query<Row>(`select ${SUMMARY}, files from pack_drafts where pack_id = $1 and id = $2`, [packId, id]);
    if (!rows[0]) throw draftNotFound(id);
    return full(rows[0]);
  }

  async create(input: { packId: string; title: string; baseVersion: string | null; files: Record<string, string>; actor: string }): Promise<PackDraft> {
    const now = this.clock.now();
    const { rows } = await this.pool.query<Row>(
      `insert into pack_drafts (id, pack_id, title, base_version, files, created_by, created_at, updated_by, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $6, $7) returning ${SUMMARY}, files`,
      [randomUUID(), input.packId, input.title, input.baseVersion, JSON.stringify(input.files), input.actor, now],
    );
    return full(rows[0]);
  }

  /** Saves over the draft when it is still at `revision`; DRAFT_CHANGED when someone saved in between. */
  async save(packId: string, id: string, input: { revision: number; title?: string; files: Record<string, string>; actor: string }): Promise<PackDraft> {
    if (!isUuid(id)) throw draftNotFound(id);
    const { rows } = await this.pool.query<Row>(
      `update pack_drafts set files = $3, title = coalesce($4, title), revision = revision + 1, updated_by = $5, updated_at = $6
       where pack_id = $1 and id = $2 and revision = $7 returning ${SUMMARY}, files`,
      [packId, id, JSON.stringify(input.files), input.title ?? null, input.actor, this.clock.now(), input.revision],
    );
    if (rows[0]) return full(rows[0]);
    const current = await this.get(packId, id);
    throw new ApiError('DRAFT_CHANGED', `草稿已被 ${current.updatedBy} 于 ${current.updatedAt.toISOString()} 修改（第 ${current.revision} 版），请重新打开草稿后再保存`, [
      { field: '/revision', code: 'STALE', message: `您保存的是第 ${input.revision} 版，当前为第 ${current.revision} 版` },
    ]);
  }

  async remove(packId: string, id: string): Promise<void> {
    if (!isUuid(id)) throw draftNotFound(id);
    const { rowCount } = await this.pool.query('delete from pack_drafts where pack_id = $1 and id = $2', [packId, id]);
    if (!rowCount) throw draftNotFound(id);
  }
}
