import { describe, expect, it } from 'vitest';
import {
  CHILD_PROTECTION_TIMESCALES,
  explainInitialConferenceDue,
  INITIAL_CONFERENCE,
  initialConferenceDueOn,
  PRE_BIRTH_INITIAL_CONFERENCE,
} from '../../../src/domain/child-protection/timescales.ts';
import { PB_ICPC_LPM, preBirthConferenceDueOn } from '../../../src/domain/pre-birth/timeline.ts';
import { parseLocalDate as d } from '../../../src/domain/shared/time/local-date.ts';

describe('S47-03: the initial conference within 15 working days of the strategy discussion', () => {
  it('is sourced to seed 004 §9 and Working Together 2023, flagged unverified', () => {
    expect(INITIAL_CONFERENCE).toMatchObject({ id: 'S47-03', amount: 15, unit: 'WD', verified: false });
    expect(INITIAL_CONFERENCE.source).toContain('Seed 004 §9');
    expect(INITIAL_CONFERENCE.source).toContain('Working Together to Safeguard Children 2023, chapter 3');
  });

  it.each([
    ['an ordinary Monday', '2026-01-12', '2026-02-02'],
    ['a Wednesday before Easter (Good Friday and Easter Monday skipped)', '2026-03-25', '2026-04-17'],
    ['the Friday before Christmas 2026 (25, 28 December and New Year’s Day skipped)', '2026-12-18', '2027-01-13'],
    ['a Saturday (day 0 is the Saturday)', '2026-01-17', '2026-02-06'],
  ])('strategy discussion on %s (%s): due %s', (_name, held, due) => {
    expect(initialConferenceDueOn(d(held), null).toString()).toBe(due);
  });

  it('explains the working days skipped', () => {
    const explained = explainInitialConferenceDue(d('2026-03-25'), null);
    expect(explained.summary).toBe(
      'The initial child protection conference is due within 15 working days of the day the strategy discussion that started the section 47 enquiry was held.',
    );
    expect(explained.arithmetic).toContain('Good Friday');
  });
});

describe('CP-08: an unborn baby’s initial conference by week 23 of the pregnancy', () => {
  const unborn = { expectedDateOfDelivery: d('2026-09-01') }; // week 23 = 5 May 2026 (domain-spec §2.6)

  it('uses 15 working days when that is earlier than week 23', () => {
    const due = explainInitialConferenceDue(d('2026-04-07'), unborn);
    expect(due.due.toString()).toBe('2026-04-28');
    expect(due.rule.id).toBe('S47-03');
    expect(due.arithmetic).toContain('Week 23 of the pregnancy is Tuesday 5 May 2026');
  });

  it('takes the week-23 date from the pre-birth timeline (PB-07 = CP-08): one rule, two modules', () => {
    expect(PRE_BIRTH_INITIAL_CONFERENCE.amount).toBe(PB_ICPC_LPM.rule.amount);
    const due = explainInitialConferenceDue(d('2026-04-21'), unborn);
    expect(due.due.equals(preBirthConferenceDueOn(unborn.expectedDateOfDelivery))).toBe(true);
    expect(due.arithmetic).toContain(`Week ${String(PB_ICPC_LPM.rule.amount)} of the pregnancy`);
  });

  it('uses week 23 when that comes first (early May bank holiday in the 15 working days)', () => {
    const due = explainInitialConferenceDue(d('2026-04-21'), unborn);
    expect(due.due.toString()).toBe('2026-05-05');
    expect(due.rule).toBe(PRE_BIRTH_INITIAL_CONFERENCE);
    expect(due.summary).toContain('week 23 of the pregnancy');
  });

  it.each([
    ['after week 23', '2026-05-12', '2026-06-03'],
    ['on the day of week 23', '2026-05-05', '2026-05-27'],
  ])('a late referral (strategy discussion %s) falls back to 15 working days and says "as early as possible"', (_name, held, due) => {
    const explained = explainInitialConferenceDue(d(held), unborn);
    expect(explained.due.toString()).toBe(due);
    expect(explained.summary).toContain('as early as possible');
    expect(explained.source).toContain('Seed 004 §14');
  });
});

describe('every child protection rule', () => {
  it('cites a source and says whether it was checked', () => {
    for (const rule of CHILD_PROTECTION_TIMESCALES) {
      expect(rule.source.length).toBeGreaterThan(20);
      expect(typeof rule.verified).toBe('boolean');
    }
    expect(new Set(CHILD_PROTECTION_TIMESCALES.map((r) => r.id))).toEqual(
      new Set(['S47-03', 'CP-08', 'CP-01', 'CP-02', 'CP-03', 'CP-04', 'CP-05', 'CP-06', 'CP-07']),
    );
  });
});
