// Attachments: upload to a case or staged for a form, type sniffed from the bytes, size capped,
// names never paths, scoped like the case, bound to the case when the form is submitted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../engine/test/support/databases';
import { MAX_ATTACHMENT_BYTES } from '../src/attachments';
import { intake, PROCESS, startTestServer, type Json, type TestServer } from './support/harness';

/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
/** The start of a PDF document. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

function form(bytes: Buffer, name: string, type: string): FormData {
  const f = new FormData();
  f.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  return f;
}

describe.each(databaseTargets())('attachments on $name PostgreSQL', (target) => {
  let s: TestServer;
  let caseA: Json;
  const count = async () => Number((await s.db.pool.query<{ n: string }>('select count(*) as n from attachments')).rows[0].n);
  const upload = async (user: string, bytes: Buffer, name: string, type: string, caseId?: string) =>
    s.request('POST', `/api/attachments${caseId ? `?caseId=${caseId}` : ''}`, { token: await s.login(user), raw: form(bytes, name, type) });

  beforeAll(async () => {
    s = await startTestServer(target);
    caseA = (await s.request('POST', '/api/cases', { token: await s.login('clerka'), body: { process: PROCESS, data: intake('t-a-1') } })).body;
  });
  afterAll(async () => {
    await s?.close();
  });

  it('stores a file on a case with the type sniffed from its bytes: a PNG claimed as PDF is a PNG', async () => {
    const r = await upload('clerka', PNG, '调解协议书.pdf', 'application/pdf', caseA.id);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ caseId: caseA.id, name: '调解协议书.pdf', contentType: 'image/png', size: PNG.length, uploadedBy: 'clerka' });
    expect(r.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const list = await s.request('GET', `/api/cases/${caseA.id}/attachments`, { token: await s.login('clerka') });
    expect(list.body.map((a: Json) => a.id)).toContain(r.body.id);
    const got = await fetch(`${s.url}/api/attachments/${r.body.id}`, { headers: { authorization: `Bearer ${await s.login('clerka')}` } });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('调解协议书.pdf')}`);
    expect(got.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(Buffer.from(await got.arrayBuffer()).equals(PNG)).toBe(true);
    // a PDF is a PDF, and may be viewed inline
    const pdf = await upload('clerka', PDF, 'agreement', 'application/octet-stream', caseA.id);
    expect(pdf.body.contentType).toBe('application/pdf');
    const inline = await fetch(`${s.url}/api/attachments/${pdf.body.id}?inline=true`, { headers: { authorization: `Bearer ${await s.login('clerka')}` } });
    expect(inline.headers.get('content-disposition')).toMatch(/^inline;/);
  });

  it('refuses a file over the limit with 413 and stores nothing', async () => {
    const before = await count();
    const big = Buffer.alloc(12 * 1024 * 1024, 0x41);
    expect(big.length).toBeGreaterThan(MAX_ATTACHMENT_BYTES);
    const r = await upload('clerka', big, 'big.txt', 'text/plain', caseA.id);
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(r.body.error.message).toContain('10 MB');
    expect(await count()).toBe(before);
  });

  it('keeps names made of path segments as display names only', async () => {
    const a = await upload('clerka', PNG, '../../../etc/passwd', 'image/png', caseA.id);
    expect(a.status).toBe(201);
    expect(a.body.name).toBe('passwd');
    const b = await upload('clerka', PNG, '../../..', 'image/png', caseA.id);
    expect(b.body.name).toBe('附件');
    const c = await upload('clerka', PNG, '..\\..\\windows\\照片\u202e.png', 'image/png', caseA.id);
    expect(c.body.name).toBe('照片.png');
  });

  it('refuses a type it does not accept (415) and an empty file, storing nothing', async () => {
    const before = await count();
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64)]);
    const r = await upload('clerka', elf, 'photo.jpg', 'image/jpeg', caseA.id);
    expect(r.status).toBe(415);
    expect(r.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const empty = await upload('clerka', Buffer.alloc(0), 'x.txt', 'text/plain', caseA.id);
    expect(empty.status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('scopes attachments like their case: another township gets 404 for upload, list and download; an auditor cannot upload', async () => {
    const mine = await upload('clerka', PNG, 'a.png', 'image/png', caseA.id);
    const before = await count();
    expect((await upload('clerkb', PNG, 'b.png', 'image/png', caseA.id)).status).toBe(404);
    expect((await s.request('GET', `/api/cases/${caseA.id}/attachments`, { token: await s.login('clerkb') })).status).toBe(404);
    const other = await s.request('GET', `/api/attachments/${mine.body.id}`, { token: await s.login('clerkb') });
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('ATTACHMENT_NOT_FOUND');
    expect((await upload('auditor', PNG, 'c.png', 'image/png', caseA.id)).status).toBe(403);
    expect((await s.request('GET', '/api/attachments/not-a-uuid', { token: await s.login('clerka') })).status).toBe(404);
    expect(await count()).toBe(before);
    // the county centre sees the township's case, and its files
    expect((await s.request('GET', `/api/cases/${caseA.id}/attachments`, { token: await s.login('centre') })).status).toBe(200);
  });

  it('binds a staged upload to the case when the intake form referencing it is submitted; someone else\'s upload is refused', async () => {
    const staged = await upload('clerka', PNG, '现场照片.png', 'image/png');
    expect(staged.status).toBe(201);
    expect(staged.body.caseId).toBeNull();
    // only its uploader can fetch a staged file
    expect((await s.request('GET', `/api/attachments/${staged.body.id}`, { token: await s.login('clerka2') })).status).toBe(404);
    const ref = { id: staged.body.id, name: staged.body.name, size: staged.body.size, contentType: staged.body.contentType };
    // another clerk cannot use it in their intake: refused before anything starts
    const casesBefore = Number((await s.db.pool.query<{ n: string }>('select count(*) as n from cases')).rows[0].n);
    const stolen = await s.request('POST', '/api/cases', { token: await s.login('clerka2'), body: { process: PROCESS, data: intake('t-a-1', { photos: [ref] }) } });
    expect(stolen.status, JSON.stringify(stolen.body)).toBe(400);
    expect(stolen.body.error.details[0].code).toBe('ATTACHMENT_UNKNOWN');
    expect(Number((await s.db.pool.query<{ n: string }>('select count(*) as n from cases')).rows[0].n)).toBe(casesBefore);
    // its uploader can: the file now belongs to the new case
    const started = await s.request('POST', '/api/cases', { token: await s.login('clerka'), body: { process: PROCESS, data: intake('t-a-1', { photos: [ref] }) } });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const list = await s.request('GET', `/api/cases/${started.body.id}/attachments`, { token: await s.login('clerka2') });
    expect(list.body.map((a: Json) => a.id)).toEqual([staged.body.id]);
  });
});
