import { LocalDate } from '@js-joda/core';
import { describe, expect, it } from 'vitest';
import {
  cwdRag,
  eligibilityConfirmationDue,
  panelDecisionDue,
  shortBreakReviewDue,
  shortBreakReviewPrompted,
  type ShortBreakDates,
} from '../../../src/domain/disabilities/timescales.ts';
import { explainDue } from '../../../src/domain/shared/timescales/rule.ts';

const overnight: ShortBreakDates = { breakType: 'overnight_care', status: 'active', startsOn: '2026-01-31', endsOn: null, lastReviewedOn: null };

describe('short break reviews', () => {
  it('CWD-02: overnight breaks are first reviewed within 3 months of the start (month-end clamped)', () => {
    const due = shortBreakReviewDue(overnight);
    expect(due?.rule.id).toBe('CWD-02');
    expect(due?.due.toString()).toBe('2026-04-30');
  });

  it('CWD-03: then within 6 months of the last review', () => {
    const due = shortBreakReviewDue({ ...overnight, lastReviewedOn: '2026-04-20' });
    expect(due?.rule.id).toBe('CWD-03');
    expect(due?.due.toString()).toBe('2026-10-20');
  });

  it('CWD-04: other short breaks every 6 months from the start or the last review', () => {
    const day = shortBreakReviewDue({ ...overnight, breakType: 'activities' });
    expect(day?.rule.id).toBe('CWD-04');
    expect(day?.due.toString()).toBe('2026-07-31');
    expect(day?.rule.basis).toContain('CFG');
  });

  it('none once ended, or when the planned end comes first', () => {
    expect(shortBreakReviewDue({ ...overnight, status: 'ended' })).toBeNull();
    expect(shortBreakReviewDue({ ...overnight, endsOn: '2026-04-29' })).toBeNull();
    expect(shortBreakReviewDue({ ...overnight, endsOn: '2026-04-30' })?.due.toString()).toBe('2026-04-30');
  });

  it('explains itself, citing regulation 48', () => {
    const due = shortBreakReviewDue(overnight);
    if (due === null) throw new Error('expected a due date');
    const explained = explainDue(due.rule, due.anchor);
    expect(explained.summary).toBe('The first review of the overnight short breaks is due within 3 months of the day the short breaks started.');
    expect(explained.source).toContain('regulation 48');
    expect(explained.arithmetic).toContain('3 months after');
  });

  it('is prompted in My work from a month before it is due', () => {
    const due = shortBreakReviewDue(overnight);
    if (due === null) throw new Error('expected a due date');
    expect(shortBreakReviewPrompted(due, LocalDate.parse('2026-03-29'))).toBe(false);
    expect(shortBreakReviewPrompted(due, LocalDate.parse('2026-03-30'))).toBe(true);
  });
});

describe('working-day timescales', () => {
  it('CWD-01: the manager confirms within 5 working days, skipping the Easter bank holidays', () => {
    // Thursday 2 April 2026; Good Friday 3 April and Easter Monday 6 April are bank holidays.
    const due = eligibilityConfirmationDue('2026-04-02');
    expect(due.due.toString()).toBe('2026-04-13');
    expect(explainDue(due.rule, due.anchor).arithmetic).toContain('Good Friday');
  });

  it('CWD-05: the panel decision is recorded within 2 working days of the panel, over a weekend', () => {
    expect(panelDecisionDue('2026-03-13').due.toString()).toBe('2026-03-17');
  });

  it('is red once overdue, amber on the last working day', () => {
    const due = panelDecisionDue('2026-03-13');
    expect(cwdRag(due, LocalDate.parse('2026-03-18')).rag).toBe('red');
    expect(cwdRag(due, LocalDate.parse('2026-03-16')).rag).toBe('amber');
    expect(cwdRag(due, LocalDate.parse('2026-03-13')).rag).toBe('green');
  });
});
