// Each assessment timescale against its source: ASS-01 (seed 004 §8, 45 working days from the referral,
// WT2023 ch.3) and the next steps an outcome opens (CIN-01, S47-01 and the configured defaults).
// Expected dates were counted by hand against the England and Wales bank holidays (domain-spec §2.4).
import { describe, expect, it } from 'vitest';
import { NEXT_STEP_KINDS, NEXT_STEP_OF_OUTCOME } from '../../../src/domain/assessments/outcome.ts';
import {
  ACCOMMODATION_DECISION,
  ASSESSMENT_COMPLETION,
  assessmentDueOn,
  assessmentRag,
  assessmentTimeliness,
  CHILD_IN_NEED_PLAN_AGREED,
  explainAssessmentDue,
  SPECIALIST_REFERRAL_MADE,
  STRATEGY_DISCUSSION_HELD,
} from '../../../src/domain/assessments/timescales.ts';
import { parseLocalDate as d } from '../../../src/domain/shared/time/local-date.ts';
import { dueDate } from '../../../src/domain/shared/timescales/rule.ts';

describe('ASS-01: the child and family assessment within 45 working days of the referral', () => {
  it('is sourced to seed 004 §8 and Working Together 2023, and flagged for checking against the primary text', () => {
    expect(ASSESSMENT_COMPLETION).toMatchObject({ id: 'ASS-01', amount: 45, unit: 'WD', verified: false, basis: ['SEED', 'SG'] });
    expect(ASSESSMENT_COMPLETION.source).toContain('Seed 004 §8');
    expect(ASSESSMENT_COMPLETION.source).toContain('Working Together to Safeguard Children 2023, chapter 3');
  });

  it.each([
    ['an ordinary Wednesday in January', '2026-01-14', '2026-03-18'],
    ['a Saturday referral counts from the Saturday (no working day is day 0)', '2026-01-17', '2026-03-20'],
    ['across Good Friday and Easter Monday 2026', '2026-02-20', '2026-04-28'],
    ['across Easter and the early May bank holiday', '2026-03-02', '2026-05-07'],
    ['across Easter, early May and spring bank holidays', '2026-03-27', '2026-06-04'],
    ['referred on Good Friday itself', '2026-04-03', '2026-06-10'],
    ['across the summer bank holiday (31 August 2026)', '2026-07-03', '2026-09-07'],
    ['across Christmas 2026 (Boxing Day substitute on 28 December) and New Year’s Day 2027', '2026-10-30', '2027-01-06'],
    ['a late November referral runs into the next year', '2026-11-23', '2027-01-28'],
  ])('referred %s (%s): due %s', (_name, referred, due) => {
    expect(assessmentDueOn(d(referred)).toString()).toBe(due);
  });

  it('explains itself: the rule, its source and the bank holidays skipped', () => {
    const explained = explainAssessmentDue(d('2026-03-27'));
    expect(explained.summary).toBe(
      'The child and family assessment (completed and authorised) is due within 45 working days of the day the referral was accepted by children’s social care.',
    );
    expect(explained.arithmetic).toContain('Good Friday (3 April 2026)');
    expect(explained.arithmetic).toContain('Easter Monday (6 April 2026)');
    expect(explained.source).toBe(ASSESSMENT_COMPLETION.source);
  });

  it('is green until 10 working days before the due date, amber to the due day, red after it', () => {
    // due 2026-03-18; 10 working days before is 2026-03-04
    expect(assessmentRag(d('2026-01-14'), d('2026-03-03')).rag).toBe('green');
    expect(assessmentRag(d('2026-01-14'), d('2026-03-04')).rag).toBe('amber');
    expect(assessmentRag(d('2026-01-14'), d('2026-03-18'))).toMatchObject({ rag: 'amber', label: 'Due today' });
    expect(assessmentRag(d('2026-01-14'), d('2026-03-19'))).toMatchObject({ rag: 'red', label: 'Overdue by 1 working day' });
  });

  it.each([
    ['authorised on the due day is in time', '2026-03-18', true, 45],
    ['authorised a working day early', '2026-03-17', true, 44],
    ['authorised the day after is late', '2026-03-19', false, 46],
    ['authorised on the day of referral', '2026-01-14', true, 0],
  ])('timeliness: %s', (_name, authorised, met, days) => {
    expect(assessmentTimeliness(d('2026-01-14'), d(authorised))).toEqual({ met, workingDaysTaken: days });
  });
});

describe('the next steps an authorised assessment opens', () => {
  it.each([
    ['CIN-01: the child in need plan within 10 working days (MK manual 3.1; CFG)', CHILD_IN_NEED_PLAN_AGREED, '2026-04-02', '2026-04-20'],
    ['S47-01: a strategy discussion within 1 working day (CFG)', STRATEGY_DISCUSSION_HELD, '2026-04-02', '2026-04-07'],
    ['section 20 accommodation recorded by the next working day (CFG)', ACCOMMODATION_DECISION, '2026-04-02', '2026-04-07'],
    ['a specialist service referral within 5 working days (CFG)', SPECIALIST_REFERRAL_MADE, '2026-04-02', '2026-04-13'],
  ])('%s', (_name, rule, authorised, due) => {
    expect(dueDate(rule, d(authorised)).toString()).toBe(due);
    expect(rule.verified).toBe(false);
    expect(rule.source.length).toBeGreaterThan(10);
  });

  it('cites CIN-01 to the procedure manual chapter listed in seed 002 §3.1', () => {
    expect(CHILD_IN_NEED_PLAN_AGREED.source).toContain('seed 002 §3.1');
  });

  it('leaves a next step for every outcome except no further action and step-down (which opens an early help referral)', () => {
    expect(NEXT_STEP_OF_OUTCOME).toEqual({
      nfa: null,
      step_down_early_help: null,
      cin_plan: 'cin_plan',
      accommodation_s20: 'accommodation_s20',
      strategy_s47: 'strategy_discussion',
      specialist_service: 'specialist_service',
    });
    expect(NEXT_STEP_KINDS.cin_plan.rule.id).toBe('CIN-01');
    expect(NEXT_STEP_KINDS.strategy_discussion.rule.id).toBe('S47-01');
  });
});
