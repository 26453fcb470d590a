// The Longxi pack (processes/longxi) as the stories' data: its org, routing rules, forms and BPMN.
import type { OrgModel, RuleSet } from '@yizhan/rules';
import pack from '../../processes/longxi/pack.json';
import routing from '../../processes/longxi/rules/longxi-routing.json';
import intake from '../../processes/longxi/forms/intake.json';
import feedback from '../../processes/longxi/forms/feedback.json';
import bpmn from '../../processes/longxi/dispute.bpmn?raw';

export const org = pack.org as unknown as OrgModel;
export const routingRules = routing as unknown as RuleSet;
export const routingText = `${JSON.stringify(routing, null, 2)}\n`;
export const intakeText = `${JSON.stringify(intake, null, 2)}\n`;
export const feedbackText = `${JSON.stringify(feedback, null, 2)}\n`;
export const disputeBpmn = bpmn;
export const sampleCase = { case: { type: '土地权属纠纷', channel: '来访', unit: 'longxi.gongchang', units: ['longxi.wenfeng'], partyCount: 4 }, data: {} };
