// designer/src/api/schema.d.ts — the TypeScript types of the server's HTTP API — generated from the
// server's own OpenAPI document by openapi-typescript. The document is written from the route
// declarations (server/src/registry.ts, openapi.ts), so it is built here by the server's createApp
// itself, without a database: the app is given a pool that answers every query with no rows (only
// the org directory is read while the app is built; no route handler runs).
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { createApp, type AppOptions } from '../../server/src/app';

export const SCHEMA_FILE = join(import.meta.dirname, '..', 'src', 'api', 'schema.d.ts');

const HEADER = `// Generated from the server's OpenAPI document by openapi-typescript — do not edit.
// Regenerate after changing a route or a schema: npm run gen:api -w @yizhan/designer
// (designer/test/api-schema.test.ts fails while this file is stale).

`;

/** A pool for building the app only: every query answers with no rows, nothing connects. */
function noDatabase(): AppOptions['pool'] {
  const none = { rows: [], rowCount: 0, fields: [], command: '', oid: 0 };
  return {
    query: async () => none,
    connect: async () => {
      throw new Error('gen:api builds the OpenAPI document only: no database connection');
    },
    on() {
      return this;
    },
    end: async () => undefined,
  } as unknown as AppOptions['pool'];
}

/** The server's OpenAPI document, as `GET /api/openapi.json` serves it. */
export async function serverOpenApi(): Promise<Record<string, unknown>> {
  const { openapi } = await createApp({ pool: noDatabase(), webDir: null });
  return openapi as Record<string, unknown>;
}

/** The text of schema.d.ts for the server as it is now. */
export async function generateApiSchema(): Promise<string> {
  const ast = await openapiTS(structuredClone(await serverOpenApi()) as never, { emptyObjectsUnknown: true });
  return HEADER + astToString(ast);
}
