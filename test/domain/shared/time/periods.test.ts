import { describe, expect, it } from 'vitest';
import { addCalendarDays, addMonths, addWeeks, addYears, calendarDaysBetween } from '../../../../src/domain/shared/time/periods.ts';
import { parseLocalDate as d } from '../../../../src/domain/shared/time/local-date.ts';

describe('calendar periods', () => {
  it('adds calendar days and weeks, forwards and back', () => {
    expect(addCalendarDays(d('2026-11-25'), 10).toString()).toBe('2026-12-05');
    expect(addCalendarDays(d('2026-03-01'), -1).toString()).toBe('2026-02-28');
    expect(addCalendarDays(d('2024-03-01'), -1).toString()).toBe('2024-02-29');
    expect(addWeeks(d('2026-01-14'), 6).toString()).toBe('2026-02-25');
    expect(calendarDaysBetween(d('2026-01-01'), d('2027-01-01'))).toBe(365);
    expect(calendarDaysBetween(d('2024-01-01'), d('2025-01-01'))).toBe(366);
    expect(calendarDaysBetween(d('2026-01-02'), d('2026-01-01'))).toBe(-1);
  });

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2100-01-31', 1, '2100-02-28'],
    ['2000-01-31', 1, '2000-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-08-31', 1, '2026-09-30'],
    ['2026-11-25', 1, '2026-12-25'],
    ['2026-01-31', 12, '2027-01-31'],
    ['2026-05-15', 6, '2026-11-15'],
  ])('%s + %i months = %s (same day of month, clamped to month end)', (start, n, expected) => {
    expect(addMonths(d(start), n).toString()).toBe(expected);
  });

  it.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2096-02-29', 4, '2100-02-28'],
    ['2026-06-15', 18, '2044-06-15'],
    ['2024-02-29', -1, '2023-02-28'],
  ])('%s + %i years = %s (29 February clamped to 28 February)', (start, n, expected) => {
    expect(addYears(d(start), n).toString()).toBe(expected);
  });

  it('refuses fractional periods', () => {
    expect(() => addCalendarDays(d('2026-01-01'), 0.5)).toThrow(RangeError);
    expect(() => addWeeks(d('2026-01-01'), Number.NaN)).toThrow(RangeError);
    expect(() => addMonths(d('2026-01-01'), 1.5)).toThrow(RangeError);
    expect(() => addYears(d('2026-01-01'), Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});
