// Easter Sunday in the Gregorian calendar by the anonymous Gregorian computus, as published by
// Meeus ("Astronomical Algorithms", 1991) after Jones (1876) and Butcher (1877). It gives the date
// of Easter as fixed by the Church of England for every Gregorian year, and so the dates of Good
// Friday and Easter Monday (domain-spec §2.5 step 1). Uses LocalDate from @js-joda/core.

import { LocalDate } from '@js-joda/core';

/** The first year of the Gregorian computus (the calendar reform of 1582). */
export const FIRST_GREGORIAN_EASTER_YEAR = 1583;

/** Easter Sunday of `year` (always between 22 March and 25 April). */
export function easterSunday(year: number): LocalDate {
  if (!Number.isSafeInteger(year) || year < FIRST_GREGORIAN_EASTER_YEAR) {
    throw new RangeError(`Easter is computed for Gregorian years from ${String(FIRST_GREGORIAN_EASTER_YEAR)}, got ${String(year)}`);
  }
  const a = year % 19; // position in the 19-year Metonic cycle
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3); // lunar correction
  const h = (19 * a + b - d - g + 15) % 30; // epact: days from 21 March to the Paschal full moon
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7; // days from the full moon to the following Sunday
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return LocalDate.of(year, month, day);
}
