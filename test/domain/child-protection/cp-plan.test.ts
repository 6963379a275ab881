import { describe, expect, it } from 'vitest';
import {
  isLongPlan,
  planDurationBand,
  planFinaliseProblems,
  planNumberFor,
  planQualityChecks,
  qualityScore,
} from '../../../src/domain/child-protection/cp-plan.ts';
import { isCategoryOfAbuse } from '../../../src/domain/shared/codes/dfe/category-of-abuse.ts';
import { parseLocalDate as d } from '../../../src/domain/shared/time/local-date.ts';

const complete = {
  outcomes: [{ description: 'Sam is safe at home' }],
  actions: [{ action: 'Parenting course', owner: 'Family support', dueOn: '2026-05-01' }],
  contingencyPlan: 'Legal planning meeting',
};

describe('finalising a plan', () => {
  it('a complete plan can be finalised', () => {
    expect(planFinaliseProblems(complete)).toEqual({});
  });

  it.each([
    ['no contingency plan', { ...complete, contingencyPlan: null }, 'contingencyPlan'],
    ['a blank contingency plan', { ...complete, contingencyPlan: '   ' }, 'contingencyPlan'],
    ['no outcomes', { ...complete, outcomes: [] }, 'outcomes'],
    ['no actions', { ...complete, actions: [] }, 'actions'],
    ['an action without an owner', { ...complete, actions: [{ action: 'x', owner: null, dueOn: '2026-05-01' }] }, 'actions'],
    ['an action without a date', { ...complete, actions: [{ action: 'x', owner: 'y', dueOn: null }] }, 'actions'],
  ])('cannot be finalised with %s', (_name, content, field) => {
    expect(Object.keys(planFinaliseProblems(content))).toEqual([field]);
  });
});

describe('quality checks a CP chair sees', () => {
  it('all met for a complete plan with a lead worker and core group', () => {
    const checks = planQualityChecks(complete, { leadWorkerNamed: true, coreGroupMembers: 3 });
    expect(qualityScore(checks)).toEqual({ met: 6, of: 6 });
  });

  it('names each gap', () => {
    const checks = planQualityChecks(
      { outcomes: [], actions: [{ action: 'x', owner: null, dueOn: null }], contingencyPlan: null },
      { leadWorkerNamed: false, coreGroupMembers: 0 },
    );
    expect(checks.filter((c) => !c.met).map((c) => c.key)).toEqual(['outcomes', 'action-owners', 'action-dates', 'contingency', 'lead-worker', 'core-group']);
  });
});

describe('duration and repeat plans', () => {
  it.each([
    ['2026-01-10', false],
    ['2026-01-11', true],
  ])('a plan from 10 January 2024 on %s is over 2 years: %s', (on, long) => {
    expect(isLongPlan(d('2024-01-10'), d(on))).toBe(long);
  });

  it.each([
    ['2026-03-09', 'under-3-months'],
    ['2026-03-10', '3-to-12-months'],
    ['2027-01-11', '1-to-2-years'],
    ['2028-01-11', 'over-2-years'],
  ])('duration band on %s', (on, band) => {
    expect(planDurationBand(d('2025-12-10'), d(on))).toBe(band);
  });

  it('counts earlier plans', () => {
    expect(planNumberFor(0)).toBe(1);
    expect(planNumberFor(1)).toBe(2);
  });

  it('knows the DfE categories of abuse', () => {
    expect(['NEG', 'PHY', 'EMO', 'SAB', 'MUL'].every(isCategoryOfAbuse)).toBe(true);
    expect(isCategoryOfAbuse('N1')).toBe(false);
  });
});
