// Idempotency-Key on case starts and task completions: a client that lost the answer sends the
// same request again and gets the first answer (same status, same body) — not a second case; the
// same key with another body is refused with a stable code; keys are per user.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../engine/test/support/databases';
import { intake, PROCESS, startTestServer, type TestServer } from './support/harness';

describe.each(databaseTargets())('Idempotency-Key ($name PostgreSQL)', (target) => {
  let s: TestServer;
  let clerka: string;
  let clerka2: string;
  beforeAll(async () => {
    s = await startTestServer(target);
    [clerka, clerka2] = [await s.login('clerka'), await s.login('clerka2')];
  });
  afterAll(async () => {
    await s?.close();
  });
  const count = async () => Number((await s.db.pool.query('select count(*) from cases')).rows[0].count);

  it('a retried case start answers the first answer and starts one case', async () => {
    const before = await count();
    const body = { process: PROCESS, data: intake('t-a-1') };
    const first = await s.request('POST', '/api/cases', { token: clerka, body, headers: { 'idempotency-key': 'start-0001' } });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const again = await s.request('POST', '/api/cases', { token: clerka, body, headers: { 'idempotency-key': 'start-0001' } });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    // the same body with its keys in another order is the same request
    const reordered = await s.request('POST', '/api/cases', { token: clerka, body: { data: body.data, process: PROCESS }, headers: { 'idempotency-key': 'start-0001' } });
    expect(reordered.body.id).toBe(first.body.id);
    expect(await count()).toBe(before + 1);

    // the same key with another body: 422 with a stable code, nothing started
    const other = await s.request('POST', '/api/cases', { token: clerka, body: { process: PROCESS, data: intake('t-a-2') }, headers: { 'idempotency-key': 'start-0001' } });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    // keys are per user: another clerk's same key is a new request
    const colleague = await s.request('POST', '/api/cases', { token: clerka2, body, headers: { 'idempotency-key': 'start-0001' } });
    expect(colleague.status).toBe(201);
    expect(colleague.body.id).not.toBe(first.body.id);
    // without a key, every start is a new case (as before)
    expect(await count()).toBe(before + 2);
  });

  it('a failed request is not remembered: the retry runs again', async () => {
    const bad = await s.request('POST', '/api/cases', { token: clerka, body: { process: PROCESS, data: intake('t-a-1', { type: 'feud' }) }, headers: { 'idempotency-key': 'start-0002' } });
    expect(bad.status).toBe(400);
    const good = await s.request('POST', '/api/cases', { token: clerka, body: { process: PROCESS, data: intake('t-a-1', { type: 'feud' }) }, headers: { 'idempotency-key': 'start-0002' } });
    expect(good.status).toBe(400);
    expect(good.headers.get('idempotent-replayed')).toBeNull();
    const invalid = await s.request('POST', '/api/cases', { token: clerka, body: { process: PROCESS, data: intake('t-a-1') }, headers: { 'idempotency-key': 'has space' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('VALIDATION_FAILED');
  });

  it('a retried task completion answers 200 with the first answer, not 409', async () => {
    const started = await s.request('POST', '/api/cases', { token: clerka, body: { process: PROCESS, data: intake('t-a-1') } });
    const task = started.body.openTasks[0].id as string;
    const body = { data: { result: 'success', note: '已调解' } };
    const first = await s.request('POST', `/api/tasks/${task}/complete`, { token: clerka, body, headers: { 'idempotency-key': 'done-1' } });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const again = await s.request('POST', `/api/tasks/${task}/complete`, { token: clerka, body, headers: { 'idempotency-key': 'done-1' } });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    // without the key the second completion is the conflict it always was
    const plain = await s.request('POST', `/api/tasks/${task}/complete`, { token: clerka, body });
    expect(plain.status).toBe(409);
    expect(plain.body.error.code).toBe('TASK_ALREADY_COMPLETED');
    const history = (await s.request('GET', `/api/cases/${started.body.id}`, { token: clerka })).body.history as { kind: string; elementId?: string }[];
    expect(history.filter((h) => h.kind === 'task.completed').length).toBe(1);
  });

  it('is documented in the OpenAPI document as a header parameter', async () => {
    const doc = (await s.request('GET', '/api/openapi.json')).body;
    for (const [path, method] of [['/api/cases', 'post'], ['/api/tasks/{id}/complete', 'post']]) {
      const params = doc.paths[path][method].parameters as { name: string; in: string }[];
      expect(params).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
      expect(Object.keys(doc.paths[path][method].responses)).toEqual(expect.arrayContaining(['409', '422']));
    }
  });
});
