// Read scopes for tests of the engine's scoped reads (read-scope.ts).
import type { ReadScope } from '../../src';

/** A reader who sees nothing and may act on nothing, but for what `over` grants. */
export const reader = (over: Partial<ReadScope>): ReadScope => ({
  username: 'nobody', all: false, units: [], wholeUnit: true, departments: [], levels: [], handlesTasks: false, actsOn: 'none', ...over,
});

/** An administrator: sees every case and may act on any task. */
export const admin = reader({ all: true, actsOn: 'any' });
