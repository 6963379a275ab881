import { describe, expect, it } from 'vitest';
import { explainMashDecisionDue, MASH_DECISION, mashDecisionDueOn, mashDecisionRag } from '../../../src/domain/front-door/timescales.ts';
import { parseLocalDate as d } from '../../../src/domain/shared/time/local-date.ts';

describe('MASH-01: a decision within one working day of receipt', () => {
  it('is sourced to Working Together 2023 and seed 004, and flagged for checking against the primary text', () => {
    expect(MASH_DECISION).toMatchObject({ id: 'MASH-01', amount: 1, unit: 'WD', verified: false });
    expect(MASH_DECISION.source).toContain('Working Together to Safeguard Children 2023');
    expect(MASH_DECISION.source).toContain('seed 004 §5');
  });

  it.each([
    ['an ordinary Wednesday', '2026-01-14', '2026-01-15'],
    ['a Friday, due the Monday', '2026-01-16', '2026-01-19'],
    ['a Saturday, due the Monday', '2026-01-17', '2026-01-19'],
    ['the Thursday before Easter, due the Tuesday after', '2026-04-02', '2026-04-07'],
    ['Good Friday, due the Tuesday after Easter Monday', '2026-04-03', '2026-04-07'],
    ['Christmas Eve 2025, due Monday 29 December', '2025-12-24', '2025-12-29'],
    ['New Year’s Eve 2026, due Monday 4 January 2027 (New Year’s Day is a Friday)', '2026-12-31', '2027-01-04'],
    ['the Friday before the early May bank holiday', '2026-05-01', '2026-05-05'],
    ['the Friday before the spring bank holiday', '2026-05-22', '2026-05-26'],
    ['Christmas Eve 2027, due Wednesday 29 December (substitute days)', '2027-12-24', '2027-12-29'],
    // A contact at 23:59 is received that day (domain-spec §2.2): only the date counts.
    ['a contact at 23:59 on a Wednesday is a Wednesday contact', '2026-01-14', '2026-01-15'],
  ])('received on %s (%s): due %s', (_name, received, due) => {
    expect(mashDecisionDueOn(d(received)).toString()).toBe(due);
  });

  it('explains itself with the source and the days skipped', () => {
    const explained = explainMashDecisionDue(d('2026-04-02'));
    expect(explained.summary).toBe('A decision on the contact is due within 1 working day of the day the contact was received.');
    expect(explained.arithmetic).toContain('Good Friday (3 April 2026), Easter Monday (6 April 2026)');
    expect(explained.source).toContain('chapter 3');
  });

  it('is green on the day of receipt, amber on the due day and red after it', () => {
    expect(mashDecisionRag(d('2026-04-02'), d('2026-04-02')).rag).toBe('green');
    expect(mashDecisionRag(d('2026-04-02'), d('2026-04-06')).rag).toBe('green');
    expect(mashDecisionRag(d('2026-04-02'), d('2026-04-07')).rag).toBe('amber');
    expect(mashDecisionRag(d('2026-04-02'), d('2026-04-08'))).toMatchObject({ rag: 'red', label: 'Overdue by 1 working day' });
  });
});
