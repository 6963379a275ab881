// Gestation arithmetic for pre-birth timescales (domain-spec §2.6). Pregnancy is counted as 280 days
// (40 weeks) from the first day of the last menstrual period (LMP) to the estimated date of delivery
// (EDD). The EDD should come from the dating scan when there is one; when it changes, every GW
// deadline is recomputed from the new EDD. LocalDate is from @js-joda/core (see ./local-date.ts).

import { ChronoUnit, type LocalDate } from '@js-joda/core';

const TERM_DAYS = 280;
const TERM_WEEKS = 40;
const MAX_WEEK = 42;

/** EDD from the LMP when no dating scan is recorded: LMP + 280 days (§2.6). */
export function eddFromLmp(lmp: LocalDate): LocalDate {
  return lmp.plusDays(TERM_DAYS);
}

/** The date the pregnancy reaches gestational week `n` ("at GWn"): EDD − (40 − n) × 7 days (§2.6). */
export function gestationWeekDate(edd: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n) || n < 0 || n > MAX_WEEK) {
    throw new RangeError(`Gestational week must be a whole number from 0 to ${String(MAX_WEEK)}, got ${String(n)}`);
  }
  return edd.minusDays((TERM_WEEKS - n) * 7);
}

/** Gestational age in days on date `d`: 280 − (EDD − d) (§2.6). */
export function gestationalAgeDays(edd: LocalDate, d: LocalDate): number {
  return TERM_DAYS - ChronoUnit.DAYS.between(d, edd);
}
