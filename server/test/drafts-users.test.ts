// Pack drafts (saved without deploying, shared by the pack's editors, deployed later) and user
// management by administrators (disable, move between units), both scoped to the caller's county.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../engine/test/support/databases';
import { otherCountyPack, packFiles, PASSWORD, startTwoCountyServer, type Json, type TestServer } from './support/harness';

describe.each(databaseTargets())('pack drafts and user management on $name PostgreSQL', (target) => {
  let s: TestServer;
  let admin: string;
  let countyadmin: string;

  beforeAll(async () => {
    ({ s, admin, countyadmin } = await startTwoCountyServer(target));
  });
  afterAll(async () => {
    await s?.close();
  });

  it('saves a draft without deploying it, saves over it by revision, and deploys it later', async () => {
    const files = packFiles('1.0.0');
    files['rules/routing.json'] = files['rules/routing.json'].replace('"hitPolicy"', '"description": "草稿中的修改", "hitPolicy"');
    let r = await s.request('POST', '/api/packs/servertest/drafts', { token: countyadmin, body: { title: '调整分流规则', baseVersion: '1.0.0', files } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const draft = r.body;
    expect(draft).toMatchObject({ packId: 'servertest', title: '调整分流规则', baseVersion: '1.0.0', revision: 1, createdBy: 'countyadmin', fileCount: 6 });

    // nothing deployed: the pack is still at its one version
    r = await s.request('GET', '/api/packs/servertest/versions', { token: admin });
    expect(r.body.map((v: Json) => v.version)).toEqual(['1.0.0']);

    // shared: another administrator of the pack sees it and continues it
    r = await s.request('GET', '/api/packs/servertest/drafts', { token: admin });
    expect(r.body).toEqual([expect.objectContaining({ id: draft.id, title: '调整分流规则', revision: 1 })]);
    expect(r.body[0].files).toBeUndefined();
    r = await s.request('POST', `/api/packs/servertest/drafts/${draft.id}`, { token: admin, body: { revision: 1, files: { ...files, 'forms/extra.json': '{}' } } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ revision: 2, updatedBy: 'admin', createdBy: 'countyadmin', fileCount: 7 });

    // the first editor saving over revision 1 is told, and overwrites nothing
    r = await s.request('POST', `/api/packs/servertest/drafts/${draft.id}`, { token: countyadmin, body: { revision: 1, files } });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('DRAFT_CHANGED');
    r = await s.request('GET', `/api/packs/servertest/drafts/${draft.id}`, { token: countyadmin });
    expect(r.body.revision).toBe(2);
    expect(Object.keys(r.body.files)).toContain('forms/extra.json');

    // an invalid draft does not deploy and stays
    r = await s.request('POST', `/api/packs/servertest/drafts/${draft.id}/deploy`, { token: countyadmin, body: { version: '1.1.0', revision: 2 } });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('PACK_INVALID');
    expect(r.body.error.details.some((d: Json) => d.file === 'forms/extra.json')).toBe(true);

    // fixed, then deployed as 1.1.0; the draft is gone
    r = await s.request('POST', `/api/packs/servertest/drafts/${draft.id}`, { token: countyadmin, body: { revision: 2, files } });
    expect(r.body.revision).toBe(3);
    r = await s.request('POST', `/api/packs/servertest/drafts/${draft.id}/deploy`, { token: countyadmin, body: { version: '1.1.0', revision: 3 } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({ packId: 'servertest', version: '1.1.0', deployedBy: 'countyadmin' });
    r = await s.request('GET', '/api/packs/servertest/files', { token: admin });
    expect(r.body.version).toBe('1.1.0');
    expect(r.body.files['rules/routing.json']).toContain('草稿中的修改');
    r = await s.request('GET', '/api/packs/servertest/drafts', { token: admin });
    expect(r.body).toEqual([]);
    r = await s.request('GET', `/api/packs/servertest/drafts/${draft.id}`, { token: admin });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('DRAFT_NOT_FOUND');
  });

  it('keeps drafts to the pack, its county and its editors', async () => {
    // another county's pack: not there for a county administrator
    let r = await s.request('GET', '/api/packs/othertest/drafts', { token: countyadmin });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('PACK_NOT_FOUND');
    r = await s.request('POST', '/api/packs/othertest/drafts', { token: countyadmin, body: { title: 'x', files: otherCountyPack('2.0.0') } });
    expect(r.status).toBe(404);
    r = await s.request('POST', '/api/packs/othertest/drafts', { token: admin, body: { title: '另一县', files: otherCountyPack('2.0.0') } });
    expect(r.status).toBe(201);
    const other = r.body.id as string;
    r = await s.request('GET', `/api/packs/othertest/drafts/${other}`, { token: countyadmin });
    expect(r.status).toBe(404);
    // a draft is read through its own pack only
    r = await s.request('GET', `/api/packs/servertest/drafts/${other}`, { token: admin });
    expect(r.body.error.code).toBe('DRAFT_NOT_FOUND');
    // a pack.json naming another pack is refused
    r = await s.request('POST', '/api/packs/servertest/drafts', { token: admin, body: { title: 'x', files: otherCountyPack('2.0.0') } });
    expect(r.status).toBe(400);
    expect(r.body.error.details[0]).toMatchObject({ file: 'pack.json', pointer: '/id' });
    // readers of packs do not edit them
    r = await s.request('GET', '/api/packs/servertest/drafts', { token: await s.login('leader') });
    expect(r.status).toBe(403);
    r = await s.request('DELETE', `/api/packs/othertest/drafts/${other}`, { token: admin });
    expect(r.status).toBe(204);
    r = await s.request('DELETE', `/api/packs/othertest/drafts/${other}`, { token: admin });
    expect(r.status).toBe(404);
  });

  it('lets an administrator disable a user (sessions end, login refused) and enable them again', async () => {
    const clerk = await s.login('clerka2', true);
    let r = await s.request('POST', '/api/users/clerka2', { token: countyadmin, body: { disabled: true } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ username: 'clerka2', disabled: true });
    r = await s.request('GET', '/api/me', { token: clerk });
    expect(r.status).toBe(401);
    r = await s.request('POST', '/api/auth/login', { body: { username: 'clerka2', password: PASSWORD } });
    expect(r.status).toBe(401);
    r = await s.request('GET', '/api/users', { token: countyadmin });
    expect(r.body.find((u: Json) => u.username === 'clerka2')).toMatchObject({ disabled: true });
    r = await s.request('POST', '/api/users/clerka2', { token: countyadmin, body: { disabled: false } });
    expect(r.body.disabled).toBe(false);
    r = await s.request('POST', '/api/auth/login', { body: { username: 'clerka2', password: PASSWORD } });
    expect(r.status).toBe(200);
  });

  it('moves a user to another unit of the county: departments of the old unit do not go along', async () => {
    let r = await s.request('POST', '/api/users/clerka', { token: countyadmin, body: { unit: 't-b' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ unit: 't-b', departments: [] });
    r = await s.request('POST', '/api/users/clerka', { token: countyadmin, body: { departments: ['t-b-centre'] } });
    expect(r.body).toMatchObject({ unit: 't-b', departments: ['t-b-centre'] });
    // a department of another unit than the user's own county is refused, and nothing changes
    r = await s.request('POST', '/api/users/clerka', { token: countyadmin, body: { unit: 'u' } });
    expect(r.status).toBe(403);
    r = await s.request('GET', '/api/users', { token: countyadmin });
    expect(r.body.find((u: Json) => u.username === 'clerka')).toMatchObject({ unit: 't-b', departments: ['t-b-centre'] });
  });

  it('answers stable codes: a user outside the scope is 404, changing oneself 422, bad input 400, staff 403', async () => {
    await s.request('POST', '/api/users', { token: admin, body: { username: 'faruser', password: PASSWORD, role: 'staff', unit: 'u' } });
    let r = await s.request('POST', '/api/users/faruser', { token: countyadmin, body: { disabled: true } });
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('USER_NOT_FOUND');
    r = await s.request('POST', '/api/users/nobody', { token: admin, body: { disabled: true } });
    expect(r.body.error.code).toBe('USER_NOT_FOUND');
    r = await s.request('POST', '/api/users/countyadmin', { token: countyadmin, body: { disabled: true } });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('USER_SELF_CHANGE');
    r = await s.request('POST', '/api/users/countyadmin', { token: countyadmin, body: { displayName: '县管理员' } });
    expect(r.body.displayName).toBe('县管理员');
    r = await s.request('POST', '/api/users/labour', { token: countyadmin, body: { unit: 'nowhere' } });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('VALIDATION_FAILED');
    r = await s.request('POST', '/api/users/labour', { token: countyadmin, body: {} });
    expect(r.status).toBe(400);
    r = await s.request('POST', '/api/users/labour', { token: await s.login('centre'), body: { disabled: true } });
    expect(r.status).toBe(403);
  });
});
