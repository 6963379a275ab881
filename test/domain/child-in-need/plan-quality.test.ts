import { describe, expect, it } from 'vitest';
import { finaliseProblems, type PlanContent } from '../../../src/domain/child-in-need/plan.ts';
import { contingencyFlags, isWeakPlan, planQualityFlags } from '../../../src/domain/child-in-need/plan-quality.ts';
import { CIN_CLOSURE_REASON_CODES, isCinClosureReason } from '../../../src/domain/child-in-need/closure-reasons.ts';

const GOOD_CONTINGENCY =
  'If Sam is not attending school at least four days a week by the end of March, or mum stops working with the drug service, the social worker will ask the team manager for a strategy discussion within two working days.';

const good: PlanContent = {
  outcomes: [{ outcome: 'Sam goes to school every day', measure: 'Attendance above 95% each half term, checked with the school' }],
  actions: [{ action: 'Walk Sam to school on Mondays', owner: 'Aunt (maternal)', dueOn: '2026-03-31' }],
  contingency: GOOD_CONTINGENCY,
  childViews: 'Sam said he likes maths and wants his mum to be less tired.',
};

describe('finalising a plan (seed 001: too many plans lack contingency arrangements)', () => {
  it('refuses a plan with no contingency or no outcomes', () => {
    expect(finaliseProblems({ ...good, contingency: '   ' })).toHaveProperty('contingency');
    expect(finaliseProblems({ ...good, outcomes: [] })).toHaveProperty('outcomes');
    expect(finaliseProblems(good)).toEqual({});
  });
});

describe('plan quality flags (weak plans listed for the manager)', () => {
  it('finds nothing wrong with a specific, measurable plan with the child’s views', () => {
    expect(planQualityFlags(good)).toEqual([]);
    expect(isWeakPlan(good)).toBe(false);
  });

  it.each([
    ['empty', '', ['contingency-missing']],
    ['too short but specific', 'If mum relapses, strategy discussion the same day.', ['contingency-too-short']],
    ['stock phrases only', 'Escalate to child protection if needed as per procedures.', ['contingency-too-short', 'contingency-generic']],
    ['n/a', 'n/a', ['contingency-too-short', 'contingency-generic']],
    [
      'long but says no condition',
      'The social worker and the family will keep working together closely with the school and the health visitor on the agreed plan for Sam and his sister.',
      ['contingency-generic'],
    ],
    ['specific, with its condition', GOOD_CONTINGENCY, []],
  ])('contingency %s', (_name, contingency, flags) => {
    expect(contingencyFlags(contingency)).toEqual(flags);
  });

  it.each([
    ['no outcomes', { outcomes: [] }, 'no-outcomes'],
    ['an outcome with no measure', { outcomes: [{ outcome: 'Sam is happier', measure: '' }] }, 'outcome-not-measurable'],
    ['an outcome with a one-word measure', { outcomes: [{ outcome: 'Sam is happier', measure: 'improvement' }] }, 'outcome-not-measurable'],
    ['no actions', { actions: [] }, 'no-actions'],
    ['an action without owner', { actions: [{ action: 'Parenting course', owner: '', dueOn: '2026-05-01' }] }, 'action-without-owner'],
    ['an action without date', { actions: [{ action: 'Parenting course', owner: 'Mum', dueOn: '' }] }, 'action-without-date'],
    ['no child’s views', { childViews: '' }, 'no-child-views'],
  ] as const)('flags %s', (_name, change, flag) => {
    const flags = planQualityFlags({ ...good, ...change });
    expect(flags).toEqual([flag]);
  });
});

describe('CIN closure reasons (DfE CIN census, domain-spec §3.6)', () => {
  it('are RC1 to RC8', () => {
    expect(CIN_CLOSURE_REASON_CODES).toEqual(['RC1', 'RC2', 'RC3', 'RC4', 'RC5', 'RC6', 'RC7', 'RC8']);
    expect(isCinClosureReason('RC7')).toBe(true);
    expect(isCinClosureReason('RC9')).toBe(false);
    expect(isCinClosureReason('toString')).toBe(false);
  });
});
