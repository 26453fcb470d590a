// 公示 masking: names keep the surname; ID and phone numbers keep only their ends, also in free text
// however they are written; and 公示 itself over HTTP publishes nothing personal.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from '../../engine/test/support/databases';
import { maskIdNumber, maskName, maskNames, maskPhone, maskText } from '../src/mask';
import { FIXTURE_PACK, intake, PROCESS, startTestServer, type Json, type TestServer } from './support/harness';

describe('PII masking', () => {
  it('masks names, ID numbers and phone numbers', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳修')).toBe('欧**');
    expect(maskName(' 李 ')).toBe('李*');
    expect(maskIdNumber('11010119900307777X')).toBe('110*************7X');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('masks ID and phone numbers wherever they appear in text', () => {
    const text = '当事人身份证110101199003077777，电话13812345678，座机0931-1234567，欠薪30000元';
    const masked = maskText(text);
    expect(masked).toBe('当事人身份证110*************77，电话138****5678，座机093*****4567，欠薪30000元');
    for (const secret of ['110101199003077777', '13812345678', '0931-1234567']) expect(masked).not.toContain(secret);
  });
});

describe('PII masking of written-out numbers (normalised text)', () => {
  const leaks = (masked: string, digits: string[]) => {
    const plain = masked.normalize('NFKC').replace(/[^\dXx]/g, '');
    for (const d of digits) expect(plain, `${masked} still holds ${d}`).not.toContain(d);
  };

  it('finds ID numbers written with spaces, dashes or dots, 18-digit with X and 15-digit', () => {
    const cases: [string, string][] = [
      ['身份证621122 19800101 1235，', '62112219800101123'],
      ['证件号 621122-19800101-123X 已核实', '62112219800101123'],
      ['号码621122.19800101.1235', '62112219800101123'],
      ['老证号 621122 800101 123 仍有效', '621122800101123'],
      ['全角６２１１２２１９８００１０１１２３５', '62112219800101123'],
    ];
    for (const [text, digits] of cases) {
      const masked = maskText(text);
      leaks(masked, [digits.slice(3, -2)]);
      expect(masked).toMatch(/621\*+/);
    }
  });

  it('finds mobile numbers with dashes, spaces, full-width digits and +86', () => {
    for (const text of ['电话138-1234-5678', '手机 138 1234 5678。', '联系１３８１２３４５６７８', '+86 138 1234 5678', '138.1234.5678']) {
      const masked = maskText(text);
      leaks(masked, ['1234']);
      expect(masked).toContain('5678');
    }
  });

  it('finds landlines: 0932-1234567, (0932)1234567, （0932）1234567, 0932 1234567', () => {
    for (const text of ['座机0932-1234567', '座机(0932)1234567', '座机（０９３２）１２３４５６７', '座机 0932 1234567', '电话 8123456']) {
      const masked = maskText(text);
      leaks(masked, ['0932123', '812']);
    }
  });

  it('masks several numbers in one run and leaves dates and amounts alone', () => {
    const masked = maskText('电话13812345678 15912345678，2026-03-02 调解，欠薪30000元，编号2026.001');
    leaks(masked, ['12345']);
    expect(masked).toContain('2026-03-02');
    expect(masked).toContain('30000元');
    expect(masked).toContain('2026.001');
  });

  it('masks names given in the data wherever they appear, also written with spaces or full-width', () => {
    const masked = maskNames('王小明与邻居李 四 海发生争执，王小明报警；ＡＢ不是名字', ['王小明', '李四海', '赵']);
    expect(masked).toBe('王**与邻居李**发生争执，王**报警；AB不是名字');
  });
});

describe.each(databaseTargets())('公示 on $name PostgreSQL: nothing personal however it is written', (target) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(target);
  });
  afterAll(async () => {
    await s?.close();
  });

  /** The fixture pack with a third party in the intake and the summary published. */
  function pack(version: string, pub: Record<string, unknown>): Record<string, string> {
    const read = (p: string) => readFileSync(join(FIXTURE_PACK, p), 'utf8');
    const manifest = { ...JSON.parse(read('pack.json')), version, public: pub };
    const intakeForm = JSON.parse(read('forms/intake.json'));
    intakeForm.schema.properties.respondent = { type: 'string', title: '对方当事人姓名' };
    intakeForm.schema.properties.parties = { type: 'array', title: '其他当事人', items: { type: 'object', properties: { name: { type: 'string', title: '姓名' } } } };
    return {
      'pack.json': JSON.stringify(manifest), 'dispute.bpmn': read('dispute.bpmn'), 'forms/intake.json': JSON.stringify(intakeForm),
      'forms/mediation.json': read('forms/mediation.json'), 'forms/feedback.json': read('forms/feedback.json'), 'rules/routing.json': read('rules/routing.json'),
    };
  }

  it('refuses a pack that publishes the applicant unmasked (PUBLIC_FIELD_PERSONAL)', async () => {
    const r = await s.request('POST', '/api/packs', { token: await s.login('integrator'), body: { files: pack('1.4.0', { enabled: true, fields: ['type', 'applicant'], mask: ['idNumber'] }) } });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('PACK_INVALID');
    expect(r.body.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'PUBLIC_FIELD_PERSONAL', pointer: '/public/fields/1', message: expect.stringContaining('applicant') })]));
  });

  it('masks spaced ID numbers, dashed and full-width phones, landlines and the names of the intake in published text', async () => {
    const deployed = await s.request('POST', '/api/packs', { token: await s.login('integrator'), body: { files: pack('1.5.0', { enabled: true, fields: ['type', 'summary'], mask: ['applicant', 'phone', 'idNumber'] }) } });
    expect(deployed.status, JSON.stringify(deployed.body)).toBe(201);
    const summary = '张三丰（身份证621122 19800101 1235，电话138-1234-5678，手机１５９１２３４５６７８）与王小明、李 四 海因宅基地争执；'
      + '村委座机0932-1234567、(0932)7654321，王小明称已报警';
    const created = await s.request('POST', '/api/cases', {
      token: await s.login('clerka'),
      body: { process: PROCESS, data: intake('t-a-1', { summary, respondent: '王小明', parties: [{ name: '李四海' }] }) },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const admin = await s.login('admin');
    for (const data of [{ result: 'success' }, { message: '已调处' }]) {
      const c = await s.request('GET', `/api/cases/${created.body.id}`, { token: admin });
      const r = await s.request('POST', `/api/tasks/${c.body.openTasks[0].id}/complete`, { token: admin, body: { data } });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    const r = await s.request('GET', '/api/public/cases?limit=50');
    expect(r.status).toBe(200);
    const published = r.body.find((c: Json) => c.number === created.body.number);
    expect(published, JSON.stringify(r.body)).toBeDefined();
    const text = JSON.stringify(published);
    const digits = text.normalize('NFKC').replace(/[^\dX]/g, '');
    for (const secret of ['19800101', '12345678', '1234567', '7654321', '5912345', '3812345', '110101199003077777']) expect(digits, secret).not.toContain(secret);
    for (const name of ['张三丰', '王小明', '李四海', '李 四 海', '小明', '三丰']) expect(text, name).not.toContain(name);
    // The intake's own words are not published at all, even listed in public.fields (the staff-written
    // 公示摘要 is, scrubbed: citizen-rating.test.ts).
    expect(published.fields.find((f: Json) => f.field === 'summary')).toBeUndefined();
    expect(text).not.toContain('宅基地');

    // A version deployed before the validator refused it, publishing the applicant and the ID
    // number as shown fields: they are masked all the same.
    await s.db.pool.query(`update definitions set meta = jsonb_set(meta, '{public,fields}', '["type", "summary", "applicant", "idNumber"]') where key = $1`, [PROCESS]);
    const legacy = (await s.request('GET', '/api/public/cases?limit=50')).body.find((c: Json) => c.number === created.body.number);
    expect(legacy.fields.find((f: Json) => f.field === 'applicant').value).toBe('张**');
    expect(legacy.fields.find((f: Json) => f.field === 'idNumber').value).toBe('110*************77');
    for (const name of ['张三丰', '王小明', '110101199003077777']) expect(JSON.stringify(legacy)).not.toContain(name);
  });
});
