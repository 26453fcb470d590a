// The collaborators of the HTTP layer, built once per app and passed to the routes.
import type pg from 'pg';
import type { Logger } from 'pino';
import type { CaseEngine, Clock } from '@yizhan/engine';
import type { AssessmentService } from './assessment';
import type { Analysis } from './analysis';
import type { AttachmentStore } from './attachments';
import type { CitizenRatings } from './citizen-ratings';
import type { IdempotencyStore } from './idempotency';
import type { OrgDirectory } from './org-directory';
import type { PackDraftStore } from './pack-drafts';
import type { PackService } from './packs';
import type { PublicCases } from './public-cases';
import type { PublicLimiter } from './public-limits';
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
  assessment: AssessmentService;
  idempotency: IdempotencyStore;
  attachments: AttachmentStore;
  /** 当事人评价: rating links and the applicant's ratings. */
  ratings: CitizenRatings;
  /** Caps on the public endpoints (公示, rating page). */
  publicLimiter: PublicLimiter;
  analysis: Analysis;
  drafts: PackDraftStore;
}
