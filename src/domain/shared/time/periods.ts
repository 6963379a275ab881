// Plain calendar arithmetic for CD, W, M and Y timescales (domain-spec §0.4 units, §2.2 convention:
// the trigger date is day 0 and time of day is ignored). Working days are in
// ../calendar/working-days.ts. LocalDate is from @js-joda/core (see ./local-date.ts).

import { ChronoUnit, type LocalDate } from '@js-joda/core';

function requireInteger(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be a whole number, got ${String(n)}`);
}

/** `d` plus `n` calendar days (n may be negative). */
export function addCalendarDays(d: LocalDate, n: number): LocalDate {
  requireInteger(n, 'Calendar days');
  return d.plusDays(n);
}

/** `d` plus `n` weeks of seven days (n may be negative). */
export function addWeeks(d: LocalDate, n: number): LocalDate {
  requireInteger(n, 'Weeks');
  return d.plusWeeks(n);
}

/**
 * `d` plus `n` calendar months: the same day of the month, clamped to the last day of a shorter
 * month (31 January + 1 month = 28 February, or 29 February in a leap year).
 */
export function addMonths(d: LocalDate, n: number): LocalDate {
  requireInteger(n, 'Months');
  return d.plusMonths(n);
}

/**
 * `d` plus `n` years: the same day and month, with 29 February clamped to 28 February in a non-leap
 * year. (Ages are different: a 29 February birthday falls on 1 March, see `ageOn`.)
 */
export function addYears(d: LocalDate, n: number): LocalDate {
  requireInteger(n, 'Years');
  return d.plusYears(n);
}

/** Calendar days from `from` to `to` (negative if `to` is earlier). */
export function calendarDaysBetween(from: LocalDate, to: LocalDate): number {
  return ChronoUnit.DAYS.between(from, to);
}
