import { describe, expect, it } from 'vitest';
import { nextCoreGroup, nextReviewConference, nextVisit, planSchedule, type PlanFacts } from '../../../src/domain/child-protection/cp-plan-schedule.ts';
import { parseLocalDate as d } from '../../../src/domain/shared/time/local-date.ts';

const plan = (over: Partial<PlanFacts> = {}): PlanFacts => ({
  startedOn: d('2026-04-02'),
  preBirth: false,
  dateOfBirth: d('2019-05-01'),
  motherMedicallyFit: null,
  coreGroupsHeldOn: [],
  reviewConferencesHeldOn: [],
  childSeenOn: [],
  ...over,
});

describe('CP-01 and CP-02: core groups', () => {
  it('the first is due 10 working days after the initial conference (Easter skipped)', () => {
    const due = nextCoreGroup(plan());
    expect(due.rule.id).toBe('CP-01');
    expect(due.due.toString()).toBe('2026-04-20');
  });

  it('then 6 weeks after the last one held (a configurable default, flagged CFG)', () => {
    const due = nextCoreGroup(plan({ coreGroupsHeldOn: [d('2026-04-14'), d('2026-04-20')] }));
    expect(due.rule.id).toBe('CP-02');
    expect(due.rule.basis).toEqual(['CFG']);
    expect(due.due.toString()).toBe('2026-06-01');
  });
});

describe('CP-03 and CP-04: review conferences', () => {
  it.each([
    ['3 months after the initial conference', '2026-04-02', [], 'CP-03', '2026-07-02'],
    ['3 months after 30 November, clamped to 28 February', '2026-11-30', [], 'CP-03', '2027-02-28'],
    ['3 months after 30 November 2027, 29 February in a leap year', '2027-11-30', [], 'CP-03', '2028-02-29'],
    ['6 months after the last review', '2026-04-02', ['2026-07-01', '2026-08-31'], 'CP-04', '2027-02-28'],
  ])('%s', (_name, started, reviews, rule, due) => {
    const next = nextReviewConference(plan({ startedOn: d(started), reviewConferencesHeldOn: reviews.map((r) => d(r)) }));
    expect(next.kind).toBe('review-conference');
    expect(next.explanation.rule.id).toBe(rule);
    expect(next.explanation.due.toString()).toBe(due);
  });
});

describe('CP-06 and CP-07: a baby made subject to a plan before birth (seed 004 §14)', () => {
  const preBirth = (over: Partial<PlanFacts> = {}) => plan({ startedOn: d('2026-05-05'), preBirth: true, dateOfBirth: null, ...over });

  it('before the birth, the first review is 3 months after the conference', () => {
    expect(nextReviewConference(preBirth()).explanation.rule.id).toBe('CP-03');
  });

  it('after the birth, a review conference or core group within 10 days', () => {
    const next = nextReviewConference(preBirth({ dateOfBirth: d('2026-08-28') }));
    expect(next.kind).toBe('post-birth-meeting');
    expect(next.explanation.rule.id).toBe('CP-06');
    expect(next.explanation.due.toString()).toBe('2026-09-07');
  });

  it('within 20 days when the mother is not medically fit', () => {
    const next = nextReviewConference(preBirth({ dateOfBirth: d('2026-08-28'), motherMedicallyFit: false }));
    expect(next.explanation.due.toString()).toBe('2026-09-17');
    expect(next.explanation.rule.amount).toBe(20);
  });

  it('meetings before the birth do not count as the post-birth meeting', () => {
    const next = nextReviewConference(
      preBirth({ dateOfBirth: d('2026-08-28'), coreGroupsHeldOn: [d('2026-06-01')], reviewConferencesHeldOn: [d('2026-08-01')] }),
    );
    expect(next.kind).toBe('post-birth-meeting');
  });

  it('a core group first after the birth: the review conference within 3 months of it', () => {
    const next = nextReviewConference(preBirth({ dateOfBirth: d('2026-08-28'), coreGroupsHeldOn: [d('2026-09-03')] }));
    expect(next.explanation.rule.id).toBe('CP-07');
    expect(next.explanation.due.toString()).toBe('2026-12-03');
  });

  it('a review conference after the birth: then every 6 months', () => {
    const next = nextReviewConference(preBirth({ dateOfBirth: d('2026-08-28'), reviewConferencesHeldOn: [d('2026-09-04')] }));
    expect(next.explanation.rule.id).toBe('CP-04');
    expect(next.explanation.due.toString()).toBe('2027-03-04');
  });
});

describe('CP-05: statutory visits', () => {
  it('the first 10 working days after the plan started (Christmas and New Year skipped)', () => {
    expect(nextVisit(plan({ startedOn: d('2026-12-18') })).due.toString()).toBe('2027-01-06');
  });

  it('then 10 working days after the child was last seen', () => {
    expect(nextVisit(plan({ childSeenOn: [d('2026-04-10'), d('2026-04-07')] })).due.toString()).toBe('2026-04-24');
  });
});

it('planSchedule lists the core group, review and visit, earliest first', () => {
  const items = planSchedule(plan({ coreGroupsHeldOn: [d('2026-04-14')] }));
  expect(items.map((i) => i.kind)).toEqual(['visit', 'core-group', 'review-conference']);
});
