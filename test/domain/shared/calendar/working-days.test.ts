import { describe, expect, it } from 'vitest';
import { createWorkingDayCalendar, STATUTORY_WORKING_DAY_CALENDAR } from '../../../../src/domain/shared/calendar/index.ts';
import { calendarDaysBetween } from '../../../../src/domain/shared/time/periods.ts';
import { parseLocalDate as d } from '../../../../src/domain/shared/time/local-date.ts';

const calendar = STATUTORY_WORKING_DAY_CALENDAR;

describe('worked examples (domain-spec §2.2)', () => {
  it.each([
    ['strategy discussion → ICPC ≤15 WD', '2025-12-19', 15, '2026-01-14'],
    ['ICPC → first core group ≤10 WD', '2026-01-14', 10, '2026-01-28'],
    ['referral → assessment ≤45 WD', '2025-11-03', 45, '2026-01-08'],
    ['became LAC → first review ≤20 WD', '2026-03-20', 20, '2026-04-21'],
    ['contact → MASH decision ≤1 WD', '2026-04-02', 1, '2026-04-07'],
  ])('%s: %s + %i WD = %s', (_rule, start, n, due) => {
    expect(calendar.addWorkingDays(d(start), n).toString()).toBe(due);
    expect(calendar.workingDaysBetween(d(start), d(due))).toBe(n);
  });

  it('SAR received 2026-11-25: 1 month is Christmas Day, rolled forward to Tuesday 29 December 2026', () => {
    const oneMonth = calendar.addMonths(d('2026-11-25'), 1);
    expect(oneMonth.toString()).toBe('2026-12-25');
    expect(calendar.rollForwardToWorkingDay(oneMonth).toString()).toBe('2026-12-29');
  });
});

describe('counting convention', () => {
  it('n = 0 returns the trigger date unchanged, even on a non-working day', () => {
    expect(calendar.addWorkingDays(d('2026-01-03'), 0).toString()).toBe('2026-01-03');
    expect(calendar.addWorkingDays(d('2026-01-05'), 0).toString()).toBe('2026-01-05');
  });

  it('a trigger on a weekend or holiday counts from the next working day (day 0 stays the trigger)', () => {
    expect(calendar.addWorkingDays(d('2026-01-03'), 1).toString()).toBe('2026-01-05'); // Saturday → Monday
    expect(calendar.addWorkingDays(d('2025-12-25'), 1).toString()).toBe('2025-12-29'); // Christmas → Monday
  });

  it('counts backwards for negative n', () => {
    expect(calendar.addWorkingDays(d('2026-01-14'), -15).toString()).toBe('2025-12-19');
    expect(calendar.addWorkingDays(d('2026-04-07'), -1).toString()).toBe('2026-04-02');
    expect(calendar.addWorkingDays(d('2026-01-05'), -1).toString()).toBe('2026-01-02');
  });

  it('refuses a fractional number of working days', () => {
    expect(() => calendar.addWorkingDays(d('2026-01-05'), 1.5)).toThrow(RangeError);
    expect(() => calendar.explainAddWorkingDays(d('2026-01-05'), Number.NaN)).toThrow(RangeError);
  });

  it('workingDaysBetween counts from < day <= to, and is negative when to is earlier', () => {
    expect(calendar.workingDaysBetween(d('2026-04-02'), d('2026-04-07'))).toBe(1);
    expect(calendar.workingDaysBetween(d('2026-04-07'), d('2026-04-02'))).toBe(-1);
    expect(calendar.workingDaysBetween(d('2026-01-05'), d('2026-01-05'))).toBe(0);
    expect(calendar.workingDaysBetween(d('2026-01-02'), d('2026-01-04'))).toBe(0); // Friday → Sunday
  });

  it('nextWorkingDay is strictly after; rollForwardToWorkingDay keeps a working day', () => {
    expect(calendar.nextWorkingDay(d('2026-01-05')).toString()).toBe('2026-01-06');
    expect(calendar.nextWorkingDay(d('2026-04-02')).toString()).toBe('2026-04-07');
    expect(calendar.previousWorkingDay(d('2026-04-07')).toString()).toBe('2026-04-02');
    expect(calendar.rollForwardToWorkingDay(d('2026-01-05')).toString()).toBe('2026-01-05');
    expect(calendar.rollForwardToWorkingDay(d('2026-04-03')).toString()).toBe('2026-04-07');
  });

  it('knows why a day is not a working day', () => {
    expect(calendar.nonWorkingReason(d('2026-04-04'))).toEqual({ kind: 'weekend' });
    expect(calendar.nonWorkingReason(d('2026-04-03'))).toMatchObject({ kind: 'bank_holiday', holiday: { name: 'Good Friday' } });
    expect(calendar.nonWorkingReason(d('2026-04-07'))).toBeUndefined();
    expect(calendar.isWorkingDay(d('2026-06-15'))).toBe(true); // Scotland-only holiday
  });

  it('lists the bank holidays in an inclusive range', () => {
    expect(calendar.holidaysBetween(d('2026-04-03'), d('2026-04-06')).map((h) => h.name)).toEqual(['Good Friday', 'Easter Monday']);
  });
});

describe('local closures (domain-spec §2.1)', () => {
  it('are not counted by the statutory calendar', () => {
    expect(calendar.isWorkingDay(d('2025-12-24'))).toBe(true);
    expect(calendar.extraClosures).toEqual([]);
  });

  it('are non-working days only when a tenant configures them', () => {
    const shutdown = createWorkingDayCalendar({ extraClosures: [d('2025-12-31'), d('2025-12-24'), d('2025-12-24'), d('2025-12-27')] });
    expect(shutdown.extraClosures.map(String)).toEqual(['2025-12-24', '2025-12-27', '2025-12-31']);
    expect(shutdown.isWorkingDay(d('2025-12-24'))).toBe(false);
    expect(shutdown.nonWorkingReason(d('2025-12-27'))).toEqual({ kind: 'weekend' });
    expect(shutdown.addWorkingDays(d('2025-12-19'), 15).toString()).toBe('2026-01-16');
    expect(calendar.addWorkingDays(d('2025-12-19'), 15).toString()).toBe('2026-01-14');
  });

  it('cannot be changed after the calendar is built', () => {
    const closures = [d('2025-12-24')];
    const shutdown = createWorkingDayCalendar({ extraClosures: closures });
    closures.push(d('2025-12-29'));
    expect(shutdown.isWorkingDay(d('2025-12-29'))).toBe(true);
    expect(Object.isFrozen(shutdown)).toBe(true);
    expect(Object.isFrozen(shutdown.extraClosures)).toBe(true);
  });
});

describe('explanations', () => {
  it('explains the ICPC example in plain English', () => {
    const explanation = calendar.explainAddWorkingDays(d('2025-12-19'), 15);
    expect(explanation.due.toString()).toBe('2026-01-14');
    expect(explanation.skippedWeekendDays).toBe(8);
    expect(explanation.skippedHolidays.map((h) => `${h.date.toString()} ${h.name}`)).toEqual([
      '2025-12-25 Christmas Day',
      '2025-12-26 Boxing Day',
      "2026-01-01 New Year's Day",
    ]);
    expect(explanation.text).toBe(
      '15 working days after Friday 19 December 2025 is Wednesday 14 January 2026, not counting weekends or the bank holidays ' +
        "Christmas Day (25 December 2025), Boxing Day (26 December 2025), New Year's Day (1 January 2026).",
    );
    // Every calendar day after the start is either counted or skipped.
    expect(15 + explanation.skippedWeekendDays + explanation.skippedHolidays.length).toBe(calendarDaysBetween(d('2025-12-19'), explanation.due));
  });

  it('uses the singular and leaves out what was not skipped', () => {
    expect(calendar.explainAddWorkingDays(d('2026-01-05'), 1).text).toBe('1 working day after Monday 5 January 2026 is Tuesday 6 January 2026.');
    expect(calendar.explainAddWorkingDays(d('2026-01-09'), 1).text).toBe(
      '1 working day after Friday 9 January 2026 is Monday 12 January 2026, not counting weekends.',
    );
    expect(calendar.explainAddWorkingDays(d('2026-05-01'), 1).text).toBe(
      '1 working day after Friday 1 May 2026 is Tuesday 5 May 2026, not counting weekends or the bank holiday Early May bank holiday (4 May 2026).',
    );
    expect(calendar.explainAddWorkingDays(d('2026-01-05'), 0).text).toBe('0 working days after Monday 5 January 2026 is Monday 5 January 2026.');
  });

  it('explains counting backwards', () => {
    const explanation = calendar.explainAddWorkingDays(d('2026-04-07'), -1);
    expect(explanation.due.toString()).toBe('2026-04-02');
    expect(explanation.skippedWeekendDays).toBe(2);
    expect(explanation.text).toBe(
      '1 working day before Tuesday 7 April 2026 is Thursday 2 April 2026, not counting weekends or the bank holidays Good Friday (3 April 2026), Easter Monday (6 April 2026).',
    );
  });

  it('explains configured local closures', () => {
    const shutdown = createWorkingDayCalendar({ extraClosures: [d('2025-12-24')] });
    const explanation = shutdown.explainAddWorkingDays(d('2025-12-23'), 1);
    expect(explanation.due.toString()).toBe('2025-12-29');
    expect(explanation.skippedClosures.map(String)).toEqual(['2025-12-24']);
    expect(explanation.text).toBe(
      '1 working day after Tuesday 23 December 2025 is Monday 29 December 2025, not counting weekends or the bank holidays ' +
        'Christmas Day (25 December 2025), Boxing Day (26 December 2025) or the local closure day 24 December 2025.',
    );
  });

  it('explains rolling forward to a working day (the SAR example)', () => {
    const explanation = calendar.explainRollForward(d('2026-12-25'));
    expect(explanation.due.toString()).toBe('2026-12-29');
    expect(explanation.skippedWeekendDays).toBe(2);
    expect(explanation.text).toBe(
      'Friday 25 December 2026 is not a working day, so the date moves to Tuesday 29 December 2026, skipping weekends and the bank holidays ' +
        'Christmas Day (25 December 2026), Boxing Day (substitute day, 28 December 2026).',
    );
    expect(calendar.explainRollForward(d('2026-11-25')).text).toBe('Wednesday 25 November 2026 is a working day.');
  });
});
