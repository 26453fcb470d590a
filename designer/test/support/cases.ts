// The demo cases the browser tests register and take through their steps over the API, as the
// shipped packs (processes/zhangye, processes/longxi) run them.
import type { apiCaller } from './demo-server';

type Call = ReturnType<typeof apiCaller>;

/** The intake of a Zhangye dispute by the demo applicant 陈丽 (her ID number and phone), what it is about given. */
export function zhangyeIntake(about: { type: string; unit: string; description: string }): Record<string, unknown> {
  return { applicant: '陈丽', idNumber: '62070219920830567X', mobile: '13893631234', channel: '来访', ...about };
}

/** The intake of a Longxi neighbours' dispute at 首阳镇 (two parties, 李秀英 reporting). */
export function longxiIntake(): Record<string, unknown> {
  return { applicant: '李秀英', mobile: '13912345678', type: '邻里纠纷', channel: '来访', unit: 'longxi.shouyang', partyCount: 2, description: '邻居院墙排水纠纷，双方多次争执，请求调处' };
}

/** A case as the API answers it, as far as walking its steps needs. */
export interface OpenCase {
  id: string;
  openTasks: { id: string; elementId: string; formKey: string }[];
}

/**
 * Completes a Longxi case's open steps in turn as the pack runs them (a failed mediation goes up a
 * level, then 引导; 回访 after a rating) with the given outcome, to its end; with `stopAtRating` it
 * stops after the rating (a 不满意 rating reopens the case, which is left there). Returns the case.
 */
export async function walkLongxiCase<C extends OpenCase>(
  call: Call, token: string, c: C,
  outcome: { result: 'success' | 'failed'; satisfaction: 'satisfied' | 'basic' | 'dissatisfied'; stopAtRating?: boolean },
): Promise<C> {
  const dataFor: Record<string, Record<string, unknown>> = {
    mediation: { result: outcome.result, note: '调处情况' },
    disposition: { way: 'litigation', note: '引导当事人向人民法院起诉' },
    feedback: { method: 'phone', message: '已电话告知当事人' },
    evaluation: { satisfaction: outcome.satisfaction, comment: '评价' },
    'return-visit': { recurred: false, note: '已回访' },
  };
  for (let step = 0; step < 12 && c.openTasks.length; step++) {
    const task = c.openTasks[0];
    const data = dataFor[task.formKey];
    if (!data) throw new Error(`no data for ${task.elementId} (${task.formKey})`);
    c = await call<C>('POST', `/api/tasks/${task.id}/complete`, token, { data });
    if (task.formKey === 'evaluation' && outcome.stopAtRating) break;
  }
  return c;
}
