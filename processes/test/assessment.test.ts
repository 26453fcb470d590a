// The assessment scheme format (assessment.json): the shipped schemes validate; a broken one gives
// each problem with its file, JSON pointer and a Chinese message; a pack naming a missing file is
// refused; declarative scoring (rates between zero and full, counts by deduction) and ranking.
import { describe, expect, it } from 'vitest';
import { checkAssessment, loadPackDir, scoreIndicator, scoreUnits, validatePack, type AssessmentScheme } from '../src';

const pack = (id: string) => new URL(`../${id}/`, import.meta.url).pathname;
const figures = (f: Partial<Record<string, number>>) => ({
  unit: 'u', cases: 0, tasks: 0, tasksOnTime: 0, overdueTasks: 0, mediated: 0, succeeded: 0, rated: 0, satisfied: 0,
  returns: 0, supervised: 0, firstContact: 0, backlog: 0, backlogResolved: 0, ...f,
});

describe('assessment.json', () => {
  it.each(['longxi', 'tongguan'])('%s ships a valid 千分制 scheme, declared in pack.json', async (id) => {
    const bundle = await loadPackDir(pack(id));
    expect(bundle.manifest.assessment).toBe('assessment.json');
    expect(checkAssessment(bundle.assessment)).toEqual([]);
    expect((bundle.assessment as AssessmentScheme).total).toBe(1000);
    expect((await validatePack(bundle)).filter((p) => p.file === 'assessment.json')).toEqual([]);
  });

  it('reports each problem with the file, the pointer and a Chinese message', async () => {
    const bundle = await loadPackDir(pack('longxi'));
    const scheme = structuredClone(bundle.assessment) as AssessmentScheme;
    scheme.indicators[0].weight = 300; // the weights no longer add up to 1000
    scheme.indicators[5].deduct = undefined; // a count without its deduction
    const problems = checkAssessment(scheme);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'assessment.json', pointer: '/indicators', code: 'ASSESSMENT_WEIGHTS', message: expect.stringContaining('应等于满分 1000') }));
    expect(problems).toContainEqual(expect.objectContaining({ pointer: '/indicators/5/deduct', code: 'ASSESSMENT_SCHEMA' }));
    const typo = checkAssessment({ ...scheme, indicators: [{ ...scheme.indicators[0], figure: 'onTime' }] });
    expect(typo[0]).toMatchObject({ pointer: '/indicators/0/figure', code: 'ASSESSMENT_SCHEMA' });
    expect(typo[0].message).toMatch(/^考核方案：取值应为/);
    // in a pack: the problems carry the scheme's file; a missing file is named in pack.json
    const invalid = await validatePack({ ...bundle, assessment: scheme });
    expect(invalid.some((p) => p.file === 'assessment.json' && p.code === 'ASSESSMENT_WEIGHTS')).toBe(true);
    const missing = await validatePack({ ...bundle, assessment: undefined });
    expect(missing).toContainEqual(expect.objectContaining({ file: 'pack.json', pointer: '/assessment', code: 'ASSESSMENT_FILE_MISSING' }));
  });

  it('scores rates between zero and full, counts by deduction, and ranks', () => {
    const rate = { key: 'r', label: '满意', figure: 'satisfactionRate' as const, weight: 200, full: 0.9, zero: 0.5 };
    expect(scoreIndicator(rate, figures({ rated: 10, satisfied: 7 })).points).toBe(100); // (0.7 − 0.5) / 0.4 × 200
    expect(scoreIndicator(rate, figures({ rated: 10, satisfied: 10 })).points).toBe(200);
    expect(scoreIndicator(rate, figures({ rated: 10, satisfied: 4 })).points).toBe(0);
    expect(scoreIndicator(rate, figures({})).points).toBe(200); // nothing rated: full weight
    expect(scoreIndicator({ ...rate, noData: 'zero' }, figures({})).points).toBe(0);
    const count = { key: 'c', label: '退回', figure: 'returns' as const, weight: 50, deduct: 20 };
    expect(scoreIndicator(count, figures({ returns: 2 }))).toMatchObject({ points: 10, lost: 40, basis: '2' });
    expect(scoreIndicator(count, figures({ returns: 9 })).points).toBe(0);
    const scheme: AssessmentScheme = { name: 's', total: 250, redLine: 200, groups: [{ key: 'g', label: 'g', kinds: ['department'] }], indicators: [rate, count] };
    const ranked = scoreUnits(scheme, [
      { unit: 'a', name: '甲', figures: figures({ rated: 10, satisfied: 7, returns: 0 }) },
      { unit: 'b', name: '乙', figures: figures({ rated: 10, satisfied: 9 }) },
      { unit: 'c', name: '丙', figures: figures({ rated: 10, satisfied: 9 }) },
    ]);
    expect(ranked.map((u) => [u.unit, u.total, u.rank, u.red])).toEqual([['c', 250, 1, false], ['b', 250, 1, false], ['a', 150, 3, true]]);
  });
});
