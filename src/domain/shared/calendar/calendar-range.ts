// The range of dates the working-day calendar covers (domain-spec §2.4): the years for which
// England and Wales bank holidays are modelled. A date outside it cannot have working days counted
// from it, so every date that feeds a working-day timescale is checked against it first and the
// user gets a field error rather than a RangeError from the calendar.

import { LocalDate } from '@js-joda/core';
import { FIRST_MODELLED_YEAR, LAST_MODELLED_YEAR } from './bank-holidays-england-wales.ts';
import { formatLongDate } from '../time/local-date.ts';

/** The first and last days the working-day calendar can count from. */
export const CALENDAR_RANGE: { readonly from: LocalDate; readonly to: LocalDate } = Object.freeze({
  from: LocalDate.of(FIRST_MODELLED_YEAR, 1, 1),
  to: LocalDate.of(LAST_MODELLED_YEAR, 12, 31),
});

/** True when working days can be counted from (and around) this date. */
export function isWithinCalendar(date: LocalDate): boolean {
  return !date.isBefore(CALENDAR_RANGE.from) && !date.isAfter(CALENDAR_RANGE.to);
}

/**
 * A field error for a date the calendar cannot count from, or null when it is in range.
 * `what` names the date in the user's terms, e.g. "The date the strategy discussion was held".
 * `latest` narrows the end of the range for a date that starts a timescale running on past it
 * (a date whose review falls up to a year later must leave that year inside the calendar).
 */
export function calendarRangeProblem(date: LocalDate, what: string, latest: LocalDate = CALENDAR_RANGE.to): string | null {
  if (date.isBefore(CALENDAR_RANGE.from)) return `${what} must be on or after ${formatLongDate(CALENDAR_RANGE.from)}`;
  const to = latest.isAfter(CALENDAR_RANGE.to) ? CALENDAR_RANGE.to : latest;
  if (date.isAfter(to)) return `${what} must be on or before ${formatLongDate(to)}`;
  return null;
}
