// Calendar dates without a time of day or a zone: parsing, formatting and age.
//
// The date type is `LocalDate` from @js-joda/core, a well-kept, dependency-free port of java.time
// (immutable values, exact calendar arithmetic, no hidden time zone). Hearth never uses the
// JavaScript `Date` here: every date is a Europe/London calendar date (domain-spec §2.2) and
// "today" is always passed in, never read from the clock.

import { DateTimeException, LocalDate } from '@js-joda/core';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

// Index 0 is Monday: js-joda's DayOfWeek values run 1 (Monday) to 7 (Sunday), as ISO 8601.
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/**
 * Parses a strict ISO 8601 calendar date, YYYY-MM-DD and nothing else (no time, no sign, no
 * expanded year). Throws an Error naming the input if it is malformed or not a real date
 * (e.g. "2026-02-30").
 */
export function parseLocalDate(iso: string): LocalDate {
  const match = ISO_DATE.exec(iso);
  if (match === null) {
    throw new Error(`Invalid date "${iso}": expected YYYY-MM-DD`);
  }
  const [, year, month, day] = match;
  try {
    return LocalDate.of(Number(year), Number(month), Number(day));
  } catch (error) {
    if (error instanceof DateTimeException) {
      throw new Error(`Invalid date "${iso}": not a real calendar date`, { cause: error });
    }
    throw error;
  }
}

/** True when `s` is a strict YYYY-MM-DD string naming a real calendar date. */
export function isValidIsoDate(s: string): boolean {
  try {
    parseLocalDate(s);
    return true;
  } catch {
    return false;
  }
}

/** YYYY-MM-DD, the form used in storage, URLs and data files. */
export function toIsoDate(d: LocalDate): string {
  return d.toString();
}

function asLocalDate(d: LocalDate | string): LocalDate {
  return typeof d === 'string' ? parseLocalDate(d) : d;
}

function monthName(d: LocalDate): string {
  const name = MONTH_NAMES[d.monthValue() - 1];
  if (name === undefined) throw new Error(`No month name for ${d.toString()}`);
  return name;
}

/** Day of the week in English, e.g. "Monday". */
export function dayName(d: LocalDate): string {
  const name = DAY_NAMES[d.dayOfWeek().value() - 1];
  if (name === undefined) throw new Error(`No day name for ${d.toString()}`);
  return name;
}

/** GOV.UK style date: "23 November 2026" (GOV.UK style guide, "Dates": no leading zero, no "rd"). */
export function formatLongDate(d: LocalDate | string): string {
  const date = asLocalDate(d);
  return `${date.dayOfMonth().toString()} ${monthName(date)} ${date.year().toString()}`;
}

/** GOV.UK style date with the day: "Monday 23 November 2026". */
export function formatDayDate(d: LocalDate | string): string {
  const date = asLocalDate(d);
  return `${dayName(date)} ${formatLongDate(date)}`;
}

/**
 * The date in `year` on which someone born on `dob` has their birthday. A person attains an age at
 * the start of the anniversary of their birth (Family Law Reform Act 1969 s9); for a 29 February
 * birth in a non-leap year that is taken as 1 March (domain-spec §2.2, CFG: confirm with MK legal).
 */
export function birthdayIn(dob: LocalDate, year: number): LocalDate {
  if (dob.monthValue() === 2 && dob.dayOfMonth() === 29 && !LocalDate.of(year, 1, 1).isLeapYear()) {
    return LocalDate.of(year, 3, 1);
  }
  return LocalDate.of(year, dob.monthValue(), dob.dayOfMonth());
}

/** Age in whole years on the date `on` (see `birthdayIn`). Throws if `on` is before `dob`. */
export function ageOn(dob: LocalDate, on: LocalDate): number {
  if (on.isBefore(dob)) {
    throw new RangeError(`Age on ${on.toString()} is undefined: before the date of birth ${dob.toString()}`);
  }
  const years = on.year() - dob.year();
  return on.isBefore(birthdayIn(dob, on.year())) ? years - 1 : years;
}
