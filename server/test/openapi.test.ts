// The OpenAPI document validates as OpenAPI 3.1 (an independent validator), describes every
// route express serves, and publishes the very schemas the server validates requests with.
import { Validator } from '@seriousme/openapi-schema-validator';
import type { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../engine/test/support/databases';
import { ERROR_STATUS } from '../src/http-errors';
import { toOpenApiPath } from '../src/openapi';
import { startTestServer, type Json, type TestServer } from './support/harness';

interface Layer { route?: { path: string; methods: Record<string, boolean> }; handle?: Router & { stack?: Layer[] } }

/** Every route path + method in express's router tree. */
function servedRoutes(stack: Layer[]): string[] {
  const out: string[] = [];
  for (const layer of stack) {
    if (layer.route) {
      for (const m of Object.keys(layer.route.methods)) if (m !== '_all') out.push(`${m} ${layer.route.path}`);
    } else if (layer.handle?.stack) {
      out.push(...servedRoutes(layer.handle.stack));
    }
  }
  return out;
}

describe.each(databaseTargets().slice(0, 1))('OpenAPI document ($name PostgreSQL)', (target) => {
  let s: TestServer;
  let doc: Json;

  beforeAll(async () => {
    s = await startTestServer(target);
    const r = await s.request('GET', '/api/openapi.json');
    expect(r.status).toBe(200);
    doc = r.body;
  });
  afterAll(async () => {
    await s?.close();
  });

  it('is valid OpenAPI 3.1', async () => {
    const validator = new Validator();
    const res = await validator.validate(doc);
    expect(res.errors ?? []).toEqual([]);
    expect(res.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('documents every route express serves, and no other', () => {
    const stack = (s.yizhan.app as unknown as { router: { stack: Layer[] } }).router.stack;
    const served = servedRoutes(stack).filter((r) => r.split(' ')[1].startsWith('/api/')).map((r) => {
      const [method, path] = r.split(' ');
      return `${method} ${toOpenApiPath(path)}`;
    });
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(served.length).toBeGreaterThan(20);
    expect([...served].sort()).toEqual([...documented].sort());
  });

  it('documents the error shape, security and the request schemas the server enforces', () => {
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op.operationId, `${method} ${path}`).toBeTruthy();
        const route = s.yizhan.routes.find((r) => r.operationId === op.operationId)!;
        if (route.access === 'public') expect(op.security).toEqual([]);
        else expect(op.responses['401']).toEqual({ $ref: '#/components/responses/E401' });
        if (route.body) expect(op.requestBody.content['application/json'].schema).toEqual(route.body);
      }
    }
    expect(doc.paths['/api/tasks/{id}/complete'].post.responses).toHaveProperty('409');
    expect(doc.paths['/api/tasks/{id}/complete'].post.responses).toHaveProperty('400');
    expect(doc.paths['/api/packs'].post.responses).toHaveProperty('422');
    expect(doc.paths['/api/packs'].post.requestBody.content).toHaveProperty('multipart/form-data');
    expect(doc.components.schemas.Error.properties.error.required).toEqual(['code', 'message', 'details']);
    // Every status the error table can produce is documented as a reusable response.
    for (const status of new Set(Object.values(ERROR_STATUS))) {
      if (status !== 500) expect(doc.components.responses, String(status)).toHaveProperty(`E${status}`);
    }
  });
});
