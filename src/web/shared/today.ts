import { parseLocalDate } from '../../domain/shared/time/local-date.ts';
import type { LocalDate } from '@js-joda/core';

const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in England at the given instant (domain-spec §2.2: Europe/London dates). */
export function todayInLondon(now: Date): LocalDate {
  return parseLocalDate(londonDate.format(now));
}
