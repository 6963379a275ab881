import { describe, expect, it } from 'vitest';
import {
  explainInitialConferenceDue,
  explainStrategyDiscussionDue,
  INITIAL_CONFERENCE_AFTER_STRATEGY,
  initialConferenceDueOn,
  SECTION_47_COMPLETION,
  section47DueOn,
  section47Rag,
  STRATEGY_DISCUSSION,
  strategyDiscussionDueOn,
  strategyDiscussionRag,
} from '../../../src/domain/child-protection/strategy-timescales.ts';
import { parseLocalDate as d } from '../../../src/domain/shared/time/local-date.ts';

describe('S47-01: the strategy discussion', () => {
  it('is sourced to seed 004 §9 and Working Together 2023, its day count configurable (CFG) and unverified', () => {
    expect(STRATEGY_DISCUSSION).toMatchObject({ id: 'S47-01', amount: 1, unit: 'WD', verified: false, basis: ['SEED', 'SG', 'CFG'] });
    expect(STRATEGY_DISCUSSION.source).toContain('Seed 004 §9');
  });

  it.each([
    ['an ordinary Tuesday', '2026-03-10', false, '2026-03-11'],
    ['a Friday, due the Monday', '2026-03-13', false, '2026-03-16'],
    ['the Thursday before Easter, due the Tuesday after', '2026-04-02', false, '2026-04-07'],
    ['immediate risk on a Tuesday: the same day', '2026-03-10', true, '2026-03-10'],
    ['Christmas Eve 2026 (Thursday), due Tuesday 29 December', '2026-12-24', false, '2026-12-29'],
  ])('needed on %s', (_name, neededOn, urgent, due) => {
    expect(strategyDiscussionDueOn(d(neededOn), urgent).toString()).toBe(due);
  });

  it('says in words what an immediate-risk due date means', () => {
    expect(explainStrategyDiscussionDue(d('2026-03-10'), true).summary).toBe(
      'The strategy discussion is due the same day it was decided one was needed, because the child is at immediate risk.',
    );
    expect(explainStrategyDiscussionDue(d('2026-03-13'), false).arithmetic).toContain('16 March 2026');
  });

  it('is red once overdue and amber on the day', () => {
    expect(strategyDiscussionRag(d('2026-03-11'), d('2026-03-11')).rag).toBe('amber');
    expect(strategyDiscussionRag(d('2026-03-11'), d('2026-03-12')).rag).toBe('red');
    expect(strategyDiscussionRag(d('2026-03-11'), d('2026-03-10')).rag).toBe('green');
  });
});

describe('S47-02: the section 47 enquiry within the 45 working day assessment window', () => {
  it('is the seed’s 45 working days (§8, §9)', () => {
    expect(SECTION_47_COMPLETION).toMatchObject({ id: 'S47-02', amount: 45, unit: 'WD', verified: true });
  });

  it.each([
    ['10 March 2026, across Easter and the early May bank holiday', '2026-03-10', '2026-05-15'],
    ['2 April 2026, across Easter and both May bank holidays', '2026-04-02', '2026-06-10'],
    ['1 December 2026, across Christmas and New Year', '2026-12-01', '2027-02-05'],
  ])('from %s', (_name, anchor, due) => {
    expect(section47DueOn(d(anchor)).toString()).toBe(due);
  });

  it('turns amber five working days before it is due', () => {
    expect(section47Rag(d('2026-05-15'), d('2026-05-08')).rag).toBe('amber');
    expect(section47Rag(d('2026-05-15'), d('2026-05-07')).rag).toBe('green');
  });
});

describe('S47-03: the ICPC within 15 working days of the strategy discussion that started the enquiry', () => {
  it('is sourced to seed 004 §9, whose words were read', () => {
    expect(INITIAL_CONFERENCE_AFTER_STRATEGY).toMatchObject({ id: 'S47-03', amount: 15, unit: 'WD', verified: true });
    expect(INITIAL_CONFERENCE_AFTER_STRATEGY.source).toContain('15 working days');
  });

  it.each([
    ['an ordinary Tuesday', '2026-03-10', '2026-03-31'],
    ['the Thursday before Easter', '2026-04-02', '2026-04-27'],
    ['the Friday before Christmas 2026 (Boxing Day substitute Monday 28 December, New Year’s Day)', '2026-12-18', '2027-01-13'],
    ['the Friday before the late May bank holiday', '2026-05-22', '2026-06-15'],
  ])('held on %s', (_name, heldOn, due) => {
    expect(initialConferenceDueOn(d(heldOn)).toString()).toBe(due);
  });

  it('explains itself, naming the bank holidays it skipped', () => {
    const e = explainInitialConferenceDue(d('2026-04-02'));
    expect(e.summary).toBe(
      'The initial child protection conference is due within 15 working days of the day the (last) strategy discussion that started the section 47 enquiry was held.',
    );
    expect(e.arithmetic).toContain('Good Friday');
  });
});
