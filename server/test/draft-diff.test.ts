// A draft compared with the deployed version over HTTP (the 草稿 tab): a saved draft
// (GET /api/packs/:id/drafts/:draftId/diff) and the editors' unsaved files (POST /api/packs/:id/diff)
// give the 版本比较 of two deployed versions — rules, form fields, pack.json settings, BPMN elements,
// files added and removed — and nothing for the same files or the same JSON formatted otherwise.
// A file that does not parse is 422; drafts are scoped like the drafts routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../engine/test/support/databases';
import { otherCountyPack, packFiles, startTwoCountyServer, type Json, type TestServer } from './support/harness';

describe.each(databaseTargets())('a draft compared with the deployed version on $name PostgreSQL', (target) => {
  let s: TestServer;
  let admin: string;
  let countyadmin: string;

  beforeAll(async () => {
    ({ s, admin, countyadmin } = await startTwoCountyServer(target));
  });
  afterAll(async () => {
    await s?.close();
  });

  /** Saves `files` as a draft of the fixture pack and answers its comparison. */
  const draftDiff = async (files: Record<string, string>, token = countyadmin) => {
    const saved = await s.request('POST', '/api/packs/servertest/drafts', { token, body: { title: '比较', baseVersion: '1.0.0', files } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    return s.request('GET', `/api/packs/servertest/drafts/${saved.body.id}/diff`, { token });
  };
  const filesDiff = (files: Record<string, string>, token = countyadmin) => s.request('POST', '/api/packs/servertest/diff', { token, body: { files } });

  it('is nothing for the same files, or the same JSON formatted differently', async () => {
    const deployed = packFiles('1.0.0');
    const reformatted = { ...deployed, 'forms/intake.json': JSON.stringify(JSON.parse(deployed['forms/intake.json'])), 'pack.json': JSON.stringify(JSON.parse(deployed['pack.json']), null, 4) };
    for (const files of [deployed, reformatted]) {
      for (const r of [await draftDiff(files), await filesDiff(files)]) {
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        expect(r.body.summary).toEqual([]);
      }
    }
  });

  it('names rules, fields, settings and BPMN elements, and forms added and removed', async () => {
    const deployed = packFiles('1.0.0');
    const draft = { ...deployed };
    const routing = JSON.parse(deployed['rules/routing.json']);
    const [first, second] = routing.rules;
    routing.rules = routing.rules.filter((r: Json) => r !== second);
    first.priority = (first.priority ?? 1) + 5;
    routing.hitPolicy = routing.hitPolicy === 'FIRST' ? 'COLLECT' : 'FIRST';
    draft['rules/routing.json'] = JSON.stringify(routing, null, 2);
    const intake = JSON.parse(deployed['forms/intake.json']);
    const [field] = Object.keys(intake.schema.properties);
    intake.schema.properties[field].title = '新的标题';
    intake.schema.properties.witness = { type: 'string', title: '证人' };
    draft['forms/intake.json'] = JSON.stringify(intake, null, 2);
    draft['pack.json'] = JSON.stringify({ ...JSON.parse(deployed['pack.json']), version: '9.9.9', description: '草稿中的说明' });
    draft['dispute.bpmn'] = deployed['dispute.bpmn'].replace('name="调处"', 'name="调处（改）"');
    draft['forms/extra.json'] = JSON.stringify({ schema: { type: 'object', properties: {} } });
    delete draft['forms/feedback.json'];

    const saved = await draftDiff(draft);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const d: Json = saved.body;
    expect(d).toMatchObject({ from: '1.0.0', to: '9.9.9' });
    expect(d.rules).toEqual([{ name: 'routing', status: 'changed', rulesAdded: [], rulesRemoved: [second.name], rulesChanged: [first.name], settingsChanged: ['hitPolicy'] }]);
    expect(d.forms).toEqual(expect.arrayContaining([
      expect.objectContaining({ key: 'intake', status: 'changed', fieldsAdded: ['witness'], fieldsChanged: [field] }),
      expect.objectContaining({ key: 'extra', status: 'added' }),
      expect.objectContaining({ key: 'feedback', status: 'removed' }),
    ]));
    expect(d.forms).toHaveLength(3);
    expect(d.manifestChanged).toEqual(['description']);
    expect(d.bpmn).toEqual([expect.objectContaining({ file: 'dispute.bpmn', status: 'changed', added: [], removed: [], changed: [expect.objectContaining({ name: '调处（改）', attrs: ['name'] })] })]);
    expect(d.summary).toEqual(expect.arrayContaining([
      `规则集「routing」：删除规则「${second.name}」`, `规则集「routing」：修改规则「${first.name}」`, '规则集「routing」：修改设置 hitPolicy',
      '表单「intake」：新增字段「witness」', `表单「intake」：修改字段「${field}」`, '新增表单「extra」', '删除表单「feedback」', 'pack.json：修改 description',
    ]));
    // the editors' unsaved files compare the same
    expect((await filesDiff(draft)).body).toEqual(d);
  });

  it('refuses files that do not parse (422, the file named) and changes nothing', async () => {
    const broken = { ...packFiles('1.0.0'), 'forms/intake.json': '{ "schema": ' };
    for (const r of [await draftDiff(broken), await filesDiff(broken)]) {
      expect(r.status).toBe(422);
      expect(r.body.error.code).toBe('PACK_INVALID');
      expect(r.body.error.details).toEqual([expect.objectContaining({ file: 'forms/intake.json' })]);
    }
    const bpmn = await filesDiff({ ...packFiles('1.0.0'), 'dispute.bpmn': '<definitions' });
    expect(bpmn.status).toBe(422);
    expect(bpmn.body.error.code).toBe('PACK_INVALID');
    expect((await s.request('GET', '/api/packs/servertest/versions', { token: admin })).body.map((v: Json) => v.version)).toEqual(['1.0.0']);
  });

  it('is the drafts\' scope: another county\'s pack is 404, a role without pack:deploy 403, no login 401, an unknown draft 404', async () => {
    const other = await s.request('POST', '/api/packs/othertest/drafts', { token: admin, body: { title: '另一县', files: otherCountyPack('2.0.0') } });
    expect(other.status).toBe(201);
    expect((await s.request('GET', `/api/packs/othertest/drafts/${other.body.id}/diff`, { token: countyadmin })).status).toBe(404);
    expect((await s.request('POST', '/api/packs/othertest/diff', { token: countyadmin, body: { files: otherCountyPack('2.0.0') } })).status).toBe(404);
    const theirs = await s.request('GET', `/api/packs/othertest/drafts/${other.body.id}/diff`, { token: admin });
    expect(theirs.status).toBe(200);
    expect(theirs.body.summary).toEqual([]);
    const leader = await s.login('leader');
    expect((await filesDiff(packFiles('1.0.0'), leader)).status).toBe(403);
    expect((await s.request('POST', '/api/packs/servertest/diff', { body: { files: packFiles('1.0.0') } })).status).toBe(401);
    expect((await s.request('GET', `/api/packs/servertest/drafts/${other.body.id}/diff`, { token: admin })).status).toBe(404);
    expect((await s.request('POST', '/api/packs/nosuchpack/diff', { token: admin, body: { files: packFiles('1.0.0') } })).status).toBe(404);
  });
});
