import { describe, expect, it } from 'vitest';
import { CLOSURE_OUTCOMES, episodeStage, isScaling, planProblems } from '../../../src/domain/early-help/early-help.ts';
import { stepUpText } from '../../../src/domain/early-help/step-up.ts';
import {
  explainWellbeingAssessmentDue,
  PLAN_REVIEW,
  planReviewDueOn,
  WELLBEING_ASSESSMENT,
  wellbeingAssessmentDueOn,
} from '../../../src/domain/early-help/timescales.ts';
import { parseLocalDate as d } from '../../../src/domain/shared/time/local-date.ts';

describe('EH-02: the wellbeing assessment within 45 working days of the early help referral (CFG)', () => {
  it('is sourced to seed 004 §7 and marked as a configured default', () => {
    expect(WELLBEING_ASSESSMENT).toMatchObject({ id: 'EH-02', amount: 45, unit: 'WD', verified: false });
    expect(WELLBEING_ASSESSMENT.basis).toContain('CFG');
    expect(WELLBEING_ASSESSMENT.source).toContain('Seed 004 §7');
  });

  it.each([
    ['nine clear weeks in January to March', '2026-01-14', '2026-03-18'],
    ['across Easter Monday and both May bank holidays', '2026-04-07', '2026-06-11'],
    ['across Christmas, the substitute Boxing Day and New Year’s Day', '2026-12-18', '2027-02-24'],
    ['a referral on a Saturday counts from that day', '2026-01-17', '2026-03-20'],
  ])('%s: referred %s, due %s', (_name, referred, due) => {
    expect(wellbeingAssessmentDueOn(d(referred)).toString()).toBe(due);
  });

  it('explains the date with its source and the bank holidays skipped', () => {
    const x = explainWellbeingAssessmentDue(d('2026-04-07'));
    expect(x.summary).toBe('The wellbeing assessment is due within 45 working days of the day the early help referral was made.');
    expect(x.arithmetic).toMatch(/bank holiday/i);
    expect(x.source).toContain('CFG');
  });
});

describe('EH-02 review: the plan reviewed at least every 3 months (CFG)', () => {
  it('is a configured default, repeating', () => {
    expect(PLAN_REVIEW).toMatchObject({ amount: 3, unit: 'M', basis: ['CFG'], repeat: { amount: 3, unit: 'M' } });
  });

  it.each([
    ['an ordinary date', '2026-04-21', '2026-07-21'],
    ['the last day of November, to the end of a short February', '2026-11-30', '2027-02-28'],
    ['into a leap-year February', '2027-11-30', '2028-02-29'],
  ])('%s: from %s, due %s', (_name, from, due) => {
    expect(planReviewDueOn(d(from)).toString()).toBe(due);
  });
});

describe('the plan needs the family’s consent (seed 004 §7)', () => {
  const ok = { familyConsents: true, consentGivenOn: '2026-04-21', agreedOn: '2026-04-21', assessmentCompletedOn: '2026-04-20', actions: 1 };
  it.each([
    ['consent given, after the assessment, with an action', ok, []],
    ['no consent: no plan', { ...ok, familyConsents: false, consentGivenOn: null }, ['no-consent']],
    ['consent dated after the plan was agreed', { ...ok, consentGivenOn: '2026-04-22' }, ['consent-after-agreement']],
    ['agreed before the assessment was completed', { ...ok, agreedOn: '2026-04-19', consentGivenOn: '2026-04-19' }, ['agreed-before-assessment']],
    ['no assessment at all', { ...ok, assessmentCompletedOn: null }, ['agreed-before-assessment']],
    ['no actions', { ...ok, actions: 0 }, ['no-actions']],
  ])('%s', (_name, input, problems) => {
    expect(planProblems(input)).toEqual(problems);
  });
});

describe('scaling and stages', () => {
  it.each([
    [0, true],
    [10, true],
    [-1, false],
    [11, false],
    [4.5, false],
  ])('scaling %s is valid: %s', (value, valid) => {
    expect(isScaling(value)).toBe(valid);
  });

  it('moves from assessment to plan to reviewing, and ends closed', () => {
    expect(episodeStage({ closed: false, assessed: false, planned: false })).toBe('assessment');
    expect(episodeStage({ closed: false, assessed: true, planned: false })).toBe('plan');
    expect(episodeStage({ closed: false, assessed: true, planned: true })).toBe('reviewing');
    expect(episodeStage({ closed: true, assessed: false, planned: false })).toBe('closed');
  });

  it('ends in one of the four ways domain-spec §4.2 T6/T7 and seed 004 §3 allow', () => {
    expect(CLOSURE_OUTCOMES).toEqual(['needs_met', 'step_up', 'step_down_universal', 'consent_withdrawn']);
  });
});

describe('the step-up contact carries the early help history (seed 004 §3 Level 3)', () => {
  const history = {
    reason: 'No change in school attendance.',
    referredOn: '2026-04-07',
    referralReference: 'ABCD-1234',
    workerName: 'Worker One',
    teamName: 'Children and Family Practices',
    assessment: {
      completedOn: '2026-04-20',
      scaling: 4,
      worries: 'Attendance',
      workingWell: 'Grandmother',
      needsToHappen: 'Routine',
      childsVoice: 'Likes art',
    },
    plan: {
      agreedOn: '2026-04-21',
      outcomes: 'In school',
      actions: [{ action: 'Routine chart', owner: 'Mother', dueOn: '2026-05-01' }],
      reviews: [{ reviewedOn: '2026-07-20', scaling: 3, progress: 'Worse' }],
    },
  };

  it('states why, what was assessed, the plan, each review and what was tried', () => {
    const text = stepUpText(history);
    expect(text.worries).toContain('Why social care is needed: No change in school attendance.');
    expect(text.worries).toContain('Wellbeing assessment completed 20 April 2026, scaling 4 out of 10.');
    expect(text.worries).toContain('Review 20 July 2026, scaling 3 out of 10: Worse');
    expect(text.whatTried).toBe('Routine chart (Mother, by 1 May 2026)');
    expect(text.childViews).toBe('Likes art');
  });

  it('says when there was no assessment, and keeps within the contact’s limits', () => {
    const text = stepUpText({ ...history, reason: 'x'.repeat(12000), assessment: null, plan: null });
    expect(text.worries.length).toBeLessThanOrEqual(10000);
    expect(text.whatTried).toBeNull();
    expect(text.childViews).toBeNull();
    expect(stepUpText({ ...history, assessment: null, plan: null }).worries).toContain('No wellbeing assessment was completed.');
  });
});
