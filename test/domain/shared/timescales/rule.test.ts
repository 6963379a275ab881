import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar, STATUTORY_WORKING_DAY_CALENDAR } from '../../../../src/domain/shared/calendar/index.ts';
import { parseLocalDate as d } from '../../../../src/domain/shared/time/local-date.ts';
import { describeAmount, dueDate, explainDue, ragStatus, timelinessOf, type TimescaleRule } from '../../../../src/domain/shared/timescales/rule.ts';

const rule = (amount: number, unit: TimescaleRule['unit'], extra: Partial<TimescaleRule> = {}): TimescaleRule => ({
  id: 'TEST-01',
  trigger: 'thing.happened',
  due: 'other.thing',
  amount,
  unit,
  responsible: 'MASH',
  basis: ['CFG'],
  source: 'A test source, paragraph 1',
  verified: true,
  what: 'the next thing',
  from: 'the thing happened',
  ...extra,
});

describe('dueDate: each unit, counted from day 0 (domain-spec §0.3)', () => {
  it.each([
    ['1 WD from a Thursday before Easter skips Good Friday, the weekend and Easter Monday', rule(1, 'WD'), '2026-04-02', '2026-04-07'],
    ['15 WD across Christmas and New Year', rule(15, 'WD'), '2025-12-19', '2026-01-14'],
    ['1 WD from Christmas Eve skips Christmas Day, Boxing Day and the weekend', rule(1, 'WD'), '2025-12-24', '2025-12-29'],
    ['1 WD from a Saturday is the Monday', rule(1, 'WD'), '2026-01-10', '2026-01-12'],
    ['1 WD from Friday 24 December 2027 skips the substitute holidays of 27 and 28 December', rule(1, 'WD'), '2027-12-24', '2027-12-29'],
    ['7 CD is a week of calendar days, weekends included', rule(7, 'CD'), '2026-01-09', '2026-01-16'],
    ['72 CD lands on a weekend and stays there unless the rule rolls', rule(1, 'CD'), '2026-01-09', '2026-01-10'],
    ['6 W is 42 days', rule(6, 'W'), '2026-01-01', '2026-02-12'],
    ['1 M from 31 January is the last day of February', rule(1, 'M'), '2026-01-31', '2026-02-28'],
    ['1 M from 31 January in a leap year is 29 February', rule(1, 'M'), '2028-01-31', '2028-02-29'],
    ['3 M', rule(3, 'M'), '2026-01-14', '2026-04-14'],
    ['1 Y from 29 February is 28 February', rule(1, 'Y'), '2028-02-29', '2029-02-28'],
    ['1 M rolled to a working day: 25 November 2026 + 1 M is Christmas Day, so Tuesday 29 December', rule(1, 'M', { rollToWorkingDay: true }), '2026-11-25', '2026-12-29'],
    ['a roll on a WD rule changes nothing', rule(1, 'WD', { rollToWorkingDay: true }), '2026-04-02', '2026-04-07'],
  ])('%s', (_name, r, anchor, due) => {
    expect(dueDate(r, d(anchor)).toString()).toBe(due);
  });

  it('refuses hour and gestation-week rules, which need a timestamp or a due date of delivery', () => {
    expect(() => dueDate(rule(72, 'H'), d('2026-01-01'))).toThrow(RangeError);
    expect(() => dueDate(rule(12, 'GW'), d('2026-01-01'))).toThrow(RangeError);
  });

  it('counts a configured local closure only on a calendar that has it', () => {
    const withShutdown = createWorkingDayCalendar({ extraClosures: [d('2026-12-29')] });
    expect(dueDate(rule(1, 'WD'), d('2026-12-24'), STATUTORY_WORKING_DAY_CALENDAR).toString()).toBe('2026-12-29');
    expect(dueDate(rule(1, 'WD'), d('2026-12-24'), withShutdown).toString()).toBe('2026-12-30');
  });

  it('a WD due date is always a working day after the anchor with no working day between (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 8 }), fc.integer({ min: 1, max: 60 }), (offset, n) => {
        const anchor = d('2024-01-01').plusDays(offset);
        const due = dueDate(rule(n, 'WD'), anchor);
        return STATUTORY_WORKING_DAY_CALENDAR.isWorkingDay(due) && due.isAfter(anchor) && STATUTORY_WORKING_DAY_CALENDAR.workingDaysBetween(anchor, due) === n;
      }),
    );
  });
});

describe('explainDue: the rule, its source and the arithmetic in plain English', () => {
  it('names the skipped bank holidays and weekend', () => {
    const explained = explainDue(rule(1, 'WD'), d('2026-04-02'));
    expect(explained.due.toString()).toBe('2026-04-07');
    expect(explained.summary).toBe('The next thing is due within 1 working day of the day the thing happened.');
    expect(explained.source).toBe('A test source, paragraph 1');
    expect(explained.arithmetic).toBe(
      '1 working day after Thursday 2 April 2026 is Tuesday 7 April 2026, not counting weekends or the bank holidays Good Friday (3 April 2026), Easter Monday (6 April 2026).',
    );
  });

  it('explains a calendar rule and its roll forward', () => {
    const explained = explainDue(rule(1, 'M', { rollToWorkingDay: true }), d('2026-11-25'));
    expect(explained.arithmetic).toContain('1 month after Wednesday 25 November 2026 is Friday 25 December 2026.');
    expect(explained.arithmetic).toContain('so the date moves to Tuesday 29 December 2026');
  });

  it('says "working days" for more than one', () => {
    expect(describeAmount(1, 'WD')).toBe('1 working day');
    expect(describeAmount(45, 'WD')).toBe('45 working days');
    expect(describeAmount(3, 'M')).toBe('3 months');
  });
});

describe('ragStatus', () => {
  it.each([
    // due, today, amber window, rag, working days left, label
    ['2026-04-07', '2026-04-02', 0, 'green', 1, 'Due in 1 working day'],
    ['2026-04-07', '2026-04-04', 0, 'green', 1, 'Due in 1 working day'],
    ['2026-04-07', '2026-04-07', 0, 'amber', 0, 'Due today'],
    ['2026-04-07', '2026-04-08', 0, 'red', -1, 'Overdue by 1 working day'],
    ['2026-04-07', '2026-04-10', 0, 'red', -3, 'Overdue by 3 working days'],
    ['2026-01-16', '2026-01-17', 0, 'red', 0, 'Overdue by 1 working day'],
    ['2026-01-30', '2026-01-26', 2, 'green', 4, 'Due in 4 working days'],
    ['2026-01-30', '2026-01-28', 2, 'amber', 2, 'Due in 2 working days'],
  ] as const)('due %s, today %s, amber within %i: %s', (due, today, amber, rag, left, label) => {
    expect(ragStatus(d(due), d(today), amber)).toEqual({ rag, workingDaysLeft: left, label });
  });

  it('refuses a negative or fractional amber window', () => {
    expect(() => ragStatus(d('2026-01-30'), d('2026-01-28'), -1)).toThrow(RangeError);
    expect(() => ragStatus(d('2026-01-30'), d('2026-01-28'), 0.5)).toThrow(RangeError);
  });
});

describe('timelinessOf', () => {
  it.each([
    ['2026-04-02', '2026-04-07', '2026-04-02', true, 0],
    ['2026-04-02', '2026-04-07', '2026-04-07', true, 1],
    ['2026-04-02', '2026-04-07', '2026-04-08', false, 2],
  ] as const)('received %s, due %s, done %s: met %s in %i working days', (anchor, due, done, met, days) => {
    expect(timelinessOf(d(anchor), d(due), d(done))).toEqual({ met, workingDaysTaken: days });
  });
});
