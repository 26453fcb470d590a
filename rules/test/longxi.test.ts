// Seed 001 (陇西县 1+4+8+N) as a rule set: a table of realistic cases and where they must go.
import { describe, expect, it } from 'vitest';
import { decide, type CaseFacts, type Decision } from '../src/index';
import { facts, longxi, longxiRouting } from './support/longxi';

const GRID = 'longxi.gongchang.dongguan.g01';
const DONGGUAN = 'longxi.gongchang.dongguan';
const GONGCHANG = 'longxi.gongchang';
const SANHE = 'longxi.wenfeng.sanhe';
const COUNTY = 'longxi';

type Expected = Pick<Decision, 'departments' | 'level' | 'joint' | 'caseClass' | 'dueIn'> & Record<string, unknown>;
type Row = [title: string, c: CaseFacts, data: Record<string, unknown>, expected: Expected];

const local = (departments: string[], level: Decision['level'], caseClass: Decision['caseClass'] = 'general', dueIn = 'P1D'): Expected =>
  ({ departments, level, joint: false, caseClass, dueIn, handling: 'local' });
const county = (departments: string[], handling: string, caseClass: Decision['caseClass'] = 'general', dueIn = 'P1D'): Expected =>
  ({ departments, level: 'county', joint: false, caseClass, dueIn, handling });
const joint = (departments: string[], caseClass: Decision['caseClass'] = 'larger', dueIn = 'P7D'): Expected =>
  ({ departments, level: 'county', joint: true, leadUnit: 'lx.centre', caseClass, dueIn, handling: 'joint' });

const cases: Row[] = [
  // 小事不出村: village / grid reports of family and neighbour disputes
  ['网格员上报邻里排水纠纷', { type: '邻里纠纷', channel: '网格上报', unit: GRID, partyCount: 2 }, {}, local(['lx.v.gongchang.dongguan'], 'village')],
  ['社区受理婚姻家庭纠纷', { type: '婚姻家庭纠纷', channel: '来访', unit: DONGGUAN, partyCount: 2 }, {}, local(['lx.v.gongchang.dongguan'], 'village')],
  ['三河村赡养纠纷', { type: '赡养纠纷', channel: '来访', unit: SANHE, partyCount: 4 }, {}, local(['lx.v.wenfeng.sanhe'], 'village')],
  // 属地管理: the township centre handles what is bigger than a village matter
  ['网格上报六户邻里纠纷', { type: '邻里纠纷', channel: '网格上报', unit: GRID, partyCount: 6 }, {}, local(['lx.t.gongchang'], 'township', 'larger', 'P7D')],
  ['社区上报涉案8万元的邻里纠纷', { type: '邻里纠纷', unit: DONGGUAN, amount: 80000, partyCount: 2 }, {}, local(['lx.t.gongchang'], 'township', 'larger', 'P7D')],
  ['首阳镇受理邻里纠纷', { type: '邻里纠纷', unit: 'longxi.shouyang', partyCount: 2 }, {}, local(['lx.t.shouyang'], 'township')],
  ['碧岩镇受理买卖合同纠纷', { type: '合同纠纷', unit: 'longxi.biyan', amount: 3000, partyCount: 2 }, {}, local(['lx.t.biyan'], 'township')],
  ['县中心来访反映马河镇邻里纠纷', { type: '邻里纠纷', channel: '来访', unit: COUNTY, units: ['longxi.mahe'] }, {}, local(['lx.t.mahe'], 'township')],
  ['久拖不决的宅基地邻里纠纷', { type: '邻里纠纷', unit: GONGCHANG, partyCount: 2 }, { longStanding: true }, { ...local(['lx.t.gongchang'], 'township', 'major', 'P30D'), supervised: true }],
  // 兜底受理 at the county centre
  ['县中心来访，类型不明', { type: '其他', channel: '来访', unit: COUNTY }, {}, county(['lx.centre'], 'atCentre')],
  ['12345 转来的咨询，无单位', { type: '合同纠纷', channel: '12345' }, {}, county(['lx.centre'], 'atCentre')],
  // 进驻部门 (the 4): mediated at the centre by that function
  ['三名工人讨薪', { type: '劳资纠纷', channel: '来访', unit: COUNTY, partyCount: 3, amount: 18000 }, {}, county(['lx.labour'], 'atCentre')],
  ['网格上报12名工人讨薪12万元', { type: '劳资纠纷', channel: '网格上报', unit: GRID, partyCount: 12, amount: 120000 }, {}, county(['lx.labour'], 'atCentre', 'larger', 'P7D')],
  ['60名农民工集体讨薪', { type: '劳资纠纷', channel: '来访', unit: COUNTY, partyCount: 60, amount: 900000 }, {}, { ...county(['lx.labour'], 'atCentre', 'major', 'P30D'), supervised: true }],
  ['群众信访', { type: '信访事项', channel: '来访', unit: COUNTY }, {}, { ...county(['lx.xinfang'], 'atCentre', 'general', 'P60D'), acceptWithin: 'P15D' }],
  ['重点信访案件领导包案', { type: '信访事项', channel: '来信', unit: COUNTY }, { keyPetition: true }, { ...county(['lx.xinfang'], 'atCentre', 'general', 'P60D'), acceptWithin: 'P15D', leaderInCharge: true }],
  ['法律咨询', { type: '法律咨询', channel: '来访', unit: COUNTY }, {}, county(['lx.legal'], 'atCentre')],
  ['办理公证', { type: '公证事项', channel: '来访', unit: COUNTY }, {}, county(['lx.notary'], 'atCentre')],
  ['指定劳动监察的社保纠纷', { type: '社会保险纠纷', unit: COUNTY, departments: ['lx.labour'] }, {}, county(['lx.labour'], 'atCentre')],
  // 窗口单位 (the 8): on the spot when possible, else taken back and reported
  ['法院委派诉前调解，现场可调', { type: '诉前调解', channel: '法院委派', unit: COUNTY, amount: 20000 }, { resolvableOnSite: true }, county(['lx.w.litigation'], 'onSite')],
  ['法院委派诉前调解，需领回', { type: '诉前调解', channel: '法院委派', unit: COUNTY, amount: 20000 }, {}, { ...county(['lx.w.litigation'], 'takeBack'), reportBack: true }],
  ['交通事故赔偿现场调解', { type: '交通事故纠纷', unit: COUNTY, amount: 30000 }, { resolvableOnSite: true }, county(['lx.w.traffic'], 'onSite')],
  ['医疗纠纷索赔20万元', { type: '医疗纠纷', unit: COUNTY, amount: 200000, partyCount: 2 }, {}, { ...county(['lx.w.medical'], 'takeBack', 'larger', 'P7D'), reportBack: true }],
  ['申请司法鉴定', { type: '司法鉴定', unit: COUNTY }, {}, { ...county(['lx.w.appraisal'], 'takeBack'), reportBack: true }],
  ['网格上报治安纠纷，现场调处', { type: '治安纠纷', channel: '网格上报', unit: GRID }, { resolvableOnSite: true }, county(['lx.w.police'], 'onSite')],
  // 报到部门 (the N): dispatched with a time limit, reported back
  ['小区二十户物业纠纷', { type: '物业纠纷', unit: DONGGUAN, partyCount: 20 }, {}, { ...county(['lx.housing'], 'dispatch', 'larger', 'P7D'), reportBack: true }],
  ['消费纠纷', { type: '消费纠纷', channel: '12345', unit: COUNTY, amount: 800 }, {}, { ...county(['lx.market'], 'dispatch'), reportBack: true }],
  ['菜子村土地承包纠纷', { type: '土地承包纠纷', unit: 'longxi.caizi.caizi', partyCount: 2 }, {}, { ...county(['lx.agri'], 'dispatch'), reportBack: true }],
  ['福星镇60万元土地权属纠纷', { type: '土地权属纠纷', unit: 'longxi.fuxing', amount: 600000 }, {}, { ...county(['lx.land'], 'dispatch', 'major', 'P30D'), reportBack: true, supervised: true }],
  ['校园纠纷', { type: '校园纠纷', unit: COUNTY }, {}, { ...county(['lx.education'], 'dispatch'), reportBack: true }],
  // 跨行业、跨部门、跨区域: the county centre leads a joint mediation
  ['巩昌镇与文峰镇土地权属纠纷', { type: '土地权属纠纷', unit: DONGGUAN, units: [SANHE] }, {}, joint(['lx.centre', 'lx.land', 'lx.t.gongchang', 'lx.t.wenfeng'])],
  ['首阳镇与菜子镇村民灌溉纠纷', { type: '邻里纠纷', unit: COUNTY, units: ['longxi.shouyang.shouyang', 'longxi.caizi.caizi'] }, {}, joint(['lx.centre', 'lx.t.shouyang', 'lx.t.caizi'])],
  ['住建与自然资源跨部门纠纷', { type: '建设工程纠纷', unit: GONGCHANG, departments: ['lx.housing', 'lx.land'] }, {}, joint(['lx.centre', 'lx.housing', 'lx.land'])],
  ['劳动监察与人社局共同涉及', { type: '劳资纠纷', unit: COUNTY, departments: ['lx.labour', 'lx.hrss'], partyCount: 3 }, {}, joint(['lx.centre', 'lx.labour', 'lx.hrss'])],
  ['云田镇养殖污染跨行业纠纷', { type: '环境污染纠纷', unit: 'longxi.yuntian' }, { crossIndustry: true }, joint(['lx.centre', 'lx.env'])],
  ['陇西与渭源跨县草场纠纷', { type: '土地权属纠纷', unit: GONGCHANG, units: ['weiyuan.qingyuan'] }, {}, { ...joint(['lx.centre', 'lx.land', 'lx.t.gongchang', 'wy.t.qingyuan'], 'major', 'P30D'), supervised: true }],
];

describe('Longxi routing (seed 001, 1+4+8+N)', () => {
  it('has a realistic table of at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('%s', async (_title, c, data, expected) => {
    const { decision, explanation } = await decide(longxiRouting, facts(c, data), longxi);
    expect(decision).toEqual(expected);
    expect(explanation.summary).toMatch(/。$/);
  });

  it('sends a case spanning two townships to the county centre as joint mediation, and says why', async () => {
    const { decision, explanation } = await decide(
      longxiRouting, facts({ type: '土地权属纠纷', channel: '来访', unit: GONGCHANG, units: ['longxi.wenfeng'] }), longxi,
    );
    expect(decision).toMatchObject({ level: 'county', joint: true, leadUnit: 'lx.centre', caseClass: 'larger', dueIn: 'P7D' });
    expect(decision.departments).toEqual(['lx.centre', 'lx.land', 'lx.t.gongchang', 'lx.t.wenfeng']);
    expect(explanation.facts.involvedTownships).toEqual(['longxi.gongchang', 'longxi.wenfeng']);
    expect(explanation.summary).toBe(
      '因涉及两个乡镇（巩昌镇、文峰镇），依据规则「跨区域纠纷由县中心牵头联合调解」、「较大纠纷」，'
      + '分流至陇西县综治中心牵头，会同县自然资源局、巩昌镇综治中心、文峰镇综治中心联合调解（县级），较大纠纷，时限7天。',
    );
  });
});
