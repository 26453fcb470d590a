// The collaborators of the HTTP layer, built once per app and passed to the routes.
import type pg from 'pg';
import type { Logger } from 'pino';
import type { CaseEngine, Clock } from '@yizhan/engine';
import type { AttachmentStore } from './attachments';
import type { IdempotencyStore } from './idempotency';
import type { OrgDirectory } from './org-directory';
import type { PackDraftStore } from './pack-drafts';
import type { PackService } from './packs';
import type { PublicCases } from './public-cases';
import type { Reports } from './reports';
import type { ScopedQueries } from './scoped-queries';
import type { SessionStore } from './sessions';
import type { UserRepository } from './users';

export interface Services {
  pool: pg.Pool;
  engine: CaseEngine;
  clock: Clock;
  logger: Logger;
  users: UserRepository;
  sessions: SessionStore;
  directory: OrgDirectory;
  queries: ScopedQueries;
  reports: Reports;
  publicCases: PublicCases;
  packs: PackService;
  idempotency: IdempotencyStore;
  attachments: AttachmentStore;
  drafts: PackDraftStore;
}
