// src/api/schema.d.ts — the API types the web app is written against — is what openapi-typescript
// makes of the server's OpenAPI document as the server is now; a route or schema changed on the
// server without `npm run gen:api -w @yizhan/designer` fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateApiSchema, SCHEMA_FILE, serverOpenApi } from '../scripts/api-schema';

describe('the generated API types', () => {
  it('are built from the document the server serves, with every documented operation', async () => {
    const doc = await serverOpenApi();
    const paths = Object.keys(doc.paths as Record<string, unknown>);
    expect(paths).toContain('/api/tasks/{id}/complete');
    const text = readFileSync(SCHEMA_FILE, 'utf8');
    for (const p of paths) expect(text, `schema.d.ts has ${p}`).toContain(`"${p}": {`);
  });

  it('schema.d.ts is up to date (else: npm run gen:api -w @yizhan/designer)', async () => {
    const fresh = await generateApiSchema();
    expect(readFileSync(SCHEMA_FILE, 'utf8') === fresh, 'designer/src/api/schema.d.ts is stale: run npm run gen:api -w @yizhan/designer').toBe(true);
  });
});
