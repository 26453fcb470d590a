// The joint-mediation fixture: a real BPMN file, its forms, and a small routing handler the
// tests register as a built-in (a stand-in for a county's rule set: same contract as `route`).
import { readFileSync } from 'node:fs';
import type { DeployInput, ServiceHandler } from '../../src';

export const jointMediationBpmn = readFileSync(new URL('../fixtures/joint-mediation.bpmn', import.meta.url), 'utf8');

export const forms: DeployInput['forms'] = {
  intake: {
    schema: {
      type: 'object',
      required: ['applicant', 'type'],
      properties: {
        applicant: { type: 'string', minLength: 2, title: '当事人' },
        type: { type: 'string', enum: ['neighbour', 'wages', 'land'], title: '纠纷类型' },
        townships: { type: 'array', items: { type: 'string' } },
        departments: { type: 'array', items: { type: 'string' } },
      },
    },
  },
  mediation: {
    schema: {
      type: 'object',
      required: ['result'],
      properties: { result: { type: 'string', enum: ['success', 'failed'] }, note: { type: 'string', maxLength: 500 } },
    },
  },
  feedback: { schema: { type: 'object', required: ['message'], properties: { message: { type: 'string', minLength: 1 } } } },
  evaluation: {
    schema: { type: 'object', required: ['satisfaction'], properties: { satisfaction: { type: 'string', enum: ['satisfied', 'basic', 'dissatisfied'] } } },
  },
};

/** Cases spanning more than one township go to joint mediation with every department involved. */
export const routeHandler: ServiceHandler = async ({ variables, properties }) => {
  const data = variables.data as { townships?: string[]; departments?: string[] };
  const joint = (data.townships?.length ?? 0) > 1;
  return {
    variables: {
      decision: {
        joint,
        departments: joint ? data.departments ?? [] : [data.departments?.[0] ?? 'township'],
        level: joint ? 'county' : 'township',
        dueIn: joint ? 'P30D' : 'P1D',
      },
    },
    annotations: { routing: { ruleSet: properties.ruleSet, joint } },
  };
};

export function deployInput(key = 'test/dispute'): DeployInput {
  return { key, bpmn: jointMediationBpmn, forms, ruleSets: { routing: { rules: [] } } };
}
