// The server's store: the engine's database with the server's own tables (users, sessions, org
// models, pack deployments, HTTP guards), whose migrations live in ./migrations/ and are applied by
// the engine's runner with its own. Versions 100 and up are the server's (the engine's are below).
import { openDatabase, type Database, type DatabaseOptions, type MigrationSet } from '@yizhan/engine';

/** The server's migrations (`NNN_name.sql`, recorded by the same names as before they moved here). */
export const SERVER_MIGRATIONS: MigrationSet = { dir: new URL('./migrations/', import.meta.url) };

/** Opens the store with the engine's and the server's migrations applied. */
export function openServerDatabase(options: DatabaseOptions): Promise<Database> {
  return openDatabase({ ...options, migrations: [...(options.migrations ?? []), SERVER_MIGRATIONS] });
}
