import { describe, expect, it } from 'vitest';
import {
  CIN_PLAN_AGREED,
  CIN_PROGRESS_REVIEW,
  CIN_REVIEW,
  cinRag,
  dueOnPlan,
  nextReviewDue,
  planAgreementDue,
  progressReviewDue,
  progressReviewPrompted,
  type PlanDates,
} from '../../../src/domain/child-in-need/timescales.ts';
import { explainDue } from '../../../src/domain/shared/timescales/rule.ts';
import { parseLocalDate as d } from '../../../src/domain/shared/time/local-date.ts';

const draft = (openedOn: string): PlanDates => ({ status: 'draft', openedOn, agreedOn: null, lastReviewedOn: null, lastProgressReviewOn: null });
const active = (agreedOn: string, more: Partial<PlanDates> = {}): PlanDates => ({
  status: 'active',
  openedOn: agreedOn,
  agreedOn,
  lastReviewedOn: null,
  lastProgressReviewOn: null,
  ...more,
});

describe('CIN-01: the plan agreed within 10 working days of being opened (CFG)', () => {
  it('is sourced to MK procedures 3.1 and marked as a configurable default', () => {
    expect(CIN_PLAN_AGREED).toMatchObject({ id: 'CIN-01', amount: 10, unit: 'WD', verified: false });
    expect(CIN_PLAN_AGREED.basis).toContain('CFG');
    expect(CIN_PLAN_AGREED.source).toContain('3.1');
  });

  it.each([
    ['an ordinary Monday', '2026-01-12', '2026-01-26'],
    ['a Friday', '2026-01-16', '2026-01-30'],
    ['the Monday before Easter: Good Friday and Easter Monday skipped', '2026-03-30', '2026-04-15'],
    ['a week before Christmas: Christmas, Boxing Day (substitute Monday 28th) and New Year’s Day skipped', '2026-12-18', '2027-01-06'],
    ['the Friday before the early May bank holiday', '2026-05-01', '2026-05-18'],
  ])('opened on %s (%s): due %s', (_name, opened, due) => {
    expect(planAgreementDue(draft(opened))?.due.toString()).toBe(due);
  });

  it('is not due once the plan has been agreed, or after it ended', () => {
    expect(planAgreementDue(active('2026-01-12'))).toBeNull();
    expect(planAgreementDue({ ...draft('2026-01-12'), status: 'ended' })).toBeNull();
  });

  it('explains the working days skipped', () => {
    const explained = explainDue(CIN_PLAN_AGREED, d('2026-03-30'));
    expect(explained.summary).toBe(
      'The child in need plan, agreed at a family support meeting is due within 10 working days of the day the child in need plan was opened.',
    );
    expect(explained.arithmetic).toContain('Good Friday');
  });
});

describe('CIN-02: reviews within 3 months of agreement, then of each review (CFG)', () => {
  it('is a 3-month repeating rule counted from the previous occurrence', () => {
    expect(CIN_REVIEW).toMatchObject({ id: 'CIN-02', amount: 3, unit: 'M', anchor: 'previous_occurrence', repeat: { amount: 3, unit: 'M' } });
  });

  it.each([
    ['first review after agreement', active('2026-01-15'), '2026-04-15'],
    ['month end clamps to the last day of the month', active('2025-11-30'), '2026-02-28'],
    ['a leap year February', active('2027-11-30'), '2028-02-29'],
    ['counted from the review actually held, not from its due date', active('2026-01-15', { lastReviewedOn: '2026-05-02' }), '2026-08-02'],
    ['a calendar-month date is not moved off a weekend or bank holiday', active('2026-02-25'), '2026-05-25'],
  ])('%s', (_name, plan, due) => {
    expect(nextReviewDue(plan)?.due.toString()).toBe(due);
  });

  it('is not due before the plan is agreed', () => {
    expect(nextReviewDue(draft('2026-01-12'))).toBeNull();
  });
});

describe('CIN-04: progress review at 10 months on a plan (seed 004 §8)', () => {
  it('cites seed 004 §8', () => {
    expect(CIN_PROGRESS_REVIEW).toMatchObject({ id: 'CIN-04', amount: 10, unit: 'M' });
    expect(CIN_PROGRESS_REVIEW.source).toContain('Seed 004 §8');
  });

  it.each([
    ['10 months after agreement', active('2026-01-31'), '2026-11-30'],
    ['10 months after the last progress review', active('2025-01-10', { lastProgressReviewOn: '2025-11-03' }), '2026-09-03'],
  ])('%s', (_name, plan, due) => {
    expect(progressReviewDue(plan)?.due.toString()).toBe(due);
  });

  it('is prompted in My work from one month before it is due', () => {
    expect(progressReviewPrompted(d('2026-11-30'), d('2026-10-29'))).toBe(false);
    expect(progressReviewPrompted(d('2026-11-30'), d('2026-10-30'))).toBe(true);
    expect(progressReviewPrompted(d('2026-11-30'), d('2026-12-10'))).toBe(true);
  });

  it('is listed on the work list only once prompted, always on the plan page', () => {
    const plan = active('2026-01-15');
    expect(dueOnPlan(plan, d('2026-02-01'), { forWorkList: true }).map((x) => x.rule.id)).toEqual(['CIN-02']);
    expect(dueOnPlan(plan, d('2026-02-01'), { forWorkList: false }).map((x) => x.rule.id)).toEqual(['CIN-02', 'CIN-04']);
    expect(dueOnPlan(plan, d('2026-10-20'), { forWorkList: true }).map((x) => x.rule.id)).toEqual(['CIN-02', 'CIN-04']);
  });
});

describe('RAG on child in need dates', () => {
  it('reviews go amber 10 working days before, red the day after', () => {
    const review = nextReviewDue(active('2026-01-15'));
    if (review === null) throw new Error('expected a review');
    // 15 April 2026: Good Friday and Easter Monday fall in the window.
    expect(cinRag(review, d('2026-03-27')).rag).toBe('green');
    expect(cinRag(review, d('2026-03-30')).rag).toBe('amber');
    expect(cinRag(review, d('2026-04-15')).rag).toBe('amber');
    expect(cinRag(review, d('2026-04-16'))).toMatchObject({ rag: 'red', label: 'Overdue by 1 working day' });
  });
});
