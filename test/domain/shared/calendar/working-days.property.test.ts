import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bankHolidaysEnglandWales, STATUTORY_WORKING_DAY_CALENDAR as calendar } from '../../../../src/domain/shared/calendar/index.ts';
import { parseLocalDate } from '../../../../src/domain/shared/time/local-date.ts';
import { calendarDaysBetween } from '../../../../src/domain/shared/time/periods.ts';

// Dates are built from whole-day offsets to stay clock-free (no fc.date, no Date).
const BASE = parseLocalDate('1990-01-01');
const LAST = parseLocalDate('2100-12-31');
const date = fc.integer({ min: 0, max: calendarDaysBetween(BASE, LAST) }).map((offset) => BASE.plusDays(offset));
const workingDate = date.map((d) => calendar.rollForwardToWorkingDay(d));
const count = fc.integer({ min: 0, max: 300 });
const positive = fc.integer({ min: 1, max: 300 });

describe('working-day arithmetic (properties)', () => {
  it('addWorkingDays(d, n) is a working day for n >= 1', () => {
    fc.assert(fc.property(date, positive, (d, n) => calendar.isWorkingDay(calendar.addWorkingDays(d, n))));
  });

  it('workingDaysBetween(d, addWorkingDays(d, n)) === n', () => {
    fc.assert(fc.property(date, count, (d, n) => calendar.workingDaysBetween(d, calendar.addWorkingDays(d, n)) === n));
  });

  it('is strictly increasing in n', () => {
    fc.assert(fc.property(date, count, positive, (d, n, extra) => calendar.addWorkingDays(d, n).isBefore(calendar.addWorkingDays(d, n + extra))));
  });

  it('takes at least n calendar days and at most the weekdays needed plus their weekends', () => {
    fc.assert(
      fc.property(date, count, (d, n) => {
        const due = calendar.addWorkingDays(d, n);
        const days = calendarDaysBetween(d, due);
        // Weekdays in (d, due] are the n working days plus the bank holidays skipped; W weekdays
        // span at most W + 2 * ceil(W / 5) calendar days.
        const weekdays = n + calendar.holidaysBetween(d.plusDays(1), due).length;
        return days >= n && days <= weekdays + 2 * Math.ceil(weekdays / 5);
      }),
    );
  });

  it('counting back undoes counting forward, from a working day', () => {
    fc.assert(
      fc.property(workingDate, count, (d, n) => {
        const back = calendar.addWorkingDays(d, -n);
        return (
          calendar.addWorkingDays(calendar.addWorkingDays(d, n), -n).equals(d) &&
          calendar.addWorkingDays(back, n).equals(d) &&
          calendar.workingDaysBetween(d, back) === -n
        );
      }),
    );
  });

  it('workingDaysBetween is additive and antisymmetric', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -400, max: 400 }), fc.integer({ min: -400, max: 400 }), (a, x, y) => {
        const b = a.plusDays(x);
        const c = b.plusDays(y);
        const between = calendar.workingDaysBetween.bind(calendar);
        return between(a, b) + between(b, c) === between(a, c) && between(a, b) === -between(b, a);
      }),
    );
  });

  it('nextWorkingDay is the first working day after d; rolling forward is idempotent', () => {
    fc.assert(
      fc.property(date, (d) => {
        const next = calendar.nextWorkingDay(d);
        const rolled = calendar.rollForwardToWorkingDay(d);
        return (
          next.isAfter(d) &&
          calendar.isWorkingDay(next) &&
          calendar.workingDaysBetween(d, next) === 1 &&
          calendar.isWorkingDay(rolled) &&
          calendar.rollForwardToWorkingDay(rolled).equals(rolled) &&
          (calendar.isWorkingDay(d) ? rolled.equals(d) : rolled.equals(next))
        );
      }),
    );
  });

  it('every explanation accounts for each calendar day it spans', () => {
    fc.assert(
      fc.property(date, count, (d, n) => {
        const e = calendar.explainAddWorkingDays(d, n);
        return calendarDaysBetween(d, e.due) === n + e.skippedWeekendDays + e.skippedHolidays.length && e.skippedClosures.length === 0;
      }),
    );
  });
});

describe('bank holidays (properties)', () => {
  // Years with an extra one-off bank holiday by royal proclamation (moves do not change the count).
  const ONE_OFF_COUNTS = new Map([
    [1981, 9],
    [1999, 9],
    [2002, 9],
    [2011, 9],
    [2012, 9],
    [2022, 10],
    [2023, 9],
  ]);

  it('every year 1978–2500 has 8 bank holidays, except the years with one-offs', () => {
    for (let year = 1978; year <= 2500; year += 1) {
      expect(bankHolidaysEnglandWales(year), String(year)).toHaveLength(ONE_OFF_COUNTS.get(year) ?? 8);
    }
  });

  it('every holiday, substitutes included, is a distinct weekday in its own year, in date order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1978, max: 9999 }), (year) => {
        const holidays = bankHolidaysEnglandWales(year);
        const dates = holidays.map((h) => h.date);
        return (
          dates.every((d) => d.dayOfWeek().value() <= 5 && d.year() === year) &&
          dates.every((d, i) => i === 0 || (dates[i - 1]?.isBefore(d) ?? false)) &&
          holidays.filter((h) => h.kind !== 'one_off').length === 8
        );
      }),
    );
  });

  it('substitute days fall on 2 or 3 January or 27 or 28 December', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1978, max: 9999 }), (year) =>
        bankHolidaysEnglandWales(year)
          .filter((h) => h.name.endsWith('(substitute day)'))
          .every((h) => ['01-02', '01-03', '12-27', '12-28'].includes(h.date.toString().slice(5))),
      ),
    );
  });
});
