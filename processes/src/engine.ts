// The one composition root of a pack-aware engine: every place that runs cases — the HTTP app,
// `yizhan serve`, the CLI, the scenario runner and the test harnesses — gets its CaseEngine here,
// so they all run with the same service handlers (the built-in `route` plus the packs' own) and the
// same form validation. What a pack brings besides — its rule sets, forms, org model and deadline
// calendar — is stored with each definition version at deploy and read from there by the engine.
// The parties of each intake (fields holding personal data, personal-fields.ts) are indexed for 研判;
// a case reaching a supervision step (form `supervise`) is marked supervised like an on-demand 督办.
import type pg from 'pg';
import { CaseEngine, type CaseEngineOptions, type Clock, type FormValidator } from '@yizhan/engine';
import { createFormValidator, type FormDefinition } from '@yizhan/forms';
import { packHandlers } from './steps';
import { SUPERVISION_FORMS } from './people';
import { partyKeys } from './personal-fields';

export interface PackEngineOptions {
  pool: pg.Pool;
  /** Default: the system clock; tests and scenarios pass a ManualClock. */
  clock?: Clock;
  /** How many live case engines to keep in memory (see CaseEngineOptions). */
  cacheSize?: number;
  /** What one command may make the engine do (see CaseEngineOptions). */
  budget?: CaseEngineOptions['budget'];
}

/**
 * Validates form data with the forms package (zh-CN messages, CN formats): exactly the rules the
 * browser applies. Each error is `{ field, code, message }`.
 */
export function packFormValidator(): FormValidator {
  const forms = createFormValidator();
  return (form, data) =>
    forms.validate(form as FormDefinition, data).map((e) => ({ field: e.field, code: e.keyword, message: e.message }));
}

/** A CaseEngine on `pool` that runs pack processes: built-in and pack handlers, the forms' validator. */
export function createPackEngine(options: PackEngineOptions): CaseEngine {
  return new CaseEngine({
    pool: options.pool,
    clock: options.clock,
    handlers: { ...packHandlers },
    validateForm: packFormValidator(),
    parties: partyKeys,
    supervisionForms: SUPERVISION_FORMS,
    ...(options.cacheSize !== undefined ? { cacheSize: options.cacheSize } : {}),
    ...(options.budget ? { budget: options.budget } : {}),
  });
}
