import { LocalDate } from '@js-joda/core';
import { describe, expect, it } from 'vitest';
import { CALENDAR_RANGE, calendarRangeProblem, createWorkingDayCalendar, isWithinCalendar } from '../../../../src/domain/shared/calendar/index.ts';

describe('the range the working-day calendar covers', () => {
  it('runs from 1 January 1978 to 31 December 9999', () => {
    expect(CALENDAR_RANGE.from.toString()).toBe('1978-01-01');
    expect(CALENDAR_RANGE.to.toString()).toBe('9999-12-31');
  });

  it('covers its first and last days and nothing either side', () => {
    expect(isWithinCalendar(LocalDate.of(1978, 1, 1))).toBe(true);
    expect(isWithinCalendar(LocalDate.of(1977, 12, 31))).toBe(false);
    expect(isWithinCalendar(LocalDate.of(9999, 12, 31))).toBe(true);
  });

  it('names the date and the bound the user crossed', () => {
    expect(calendarRangeProblem(LocalDate.of(1977, 12, 31), 'The date the strategy discussion was held')).toBe(
      'The date the strategy discussion was held must be on or after 1 January 1978',
    );
    expect(calendarRangeProblem(LocalDate.of(1066, 10, 14), 'Date received')).toBe('Date received must be on or after 1 January 1978');
    expect(calendarRangeProblem(LocalDate.of(1978, 1, 1), 'Date received')).toBeNull();
  });

  it('can end earlier for a date that starts a timescale running past it, never later than the calendar', () => {
    const latest = CALENDAR_RANGE.to.minusYears(1);
    expect(calendarRangeProblem(LocalDate.of(9999, 1, 1), 'The date the short breaks start', latest)).toBe(
      'The date the short breaks start must be on or before 31 December 9998',
    );
    expect(calendarRangeProblem(LocalDate.of(9998, 12, 31), 'The date the short breaks start', latest)).toBeNull();
    expect(calendarRangeProblem(LocalDate.of(9999, 12, 31), 'x', LocalDate.of(9999, 12, 31).plusDays(1))).toBeNull();
  });

  it('accepts exactly the dates the calendar can count working days from', () => {
    const calendar = createWorkingDayCalendar();
    for (const date of [LocalDate.of(1978, 1, 3), LocalDate.of(2199, 6, 2)]) {
      expect(isWithinCalendar(date)).toBe(true);
      expect(() => calendar.addWorkingDays(date, 5)).not.toThrow();
    }
    expect(isWithinCalendar(LocalDate.of(1977, 6, 1))).toBe(false);
    expect(() => calendar.addWorkingDays(LocalDate.of(1977, 6, 1), 5)).toThrow(RangeError);
  });
});
