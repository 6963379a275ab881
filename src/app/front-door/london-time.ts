// Europe/London dates and times for the front door (domain-spec §2.2): the date a contact was
// received decides its due date, whatever the time of day (23:59 is still that day).
import type { LocalDate } from '@js-joda/core';
import { parseLocalDate } from '../../domain/shared/time/local-date.ts';
import { londonDateTime, type LondonDateTime } from '../records/london-clock.ts';

export function londonNow(now: Date): LondonDateTime {
  return londonDateTime(now);
}

export function londonToday(now: Date): LocalDate {
  return parseLocalDate(londonDateTime(now).date);
}

/** The instant of a Europe/London wall-clock date and time (the earlier one when clocks go back). */
export function londonInstant(date: string, time: string): Date {
  const guess = new Date(`${date}T${time}:00Z`);
  const shown = londonDateTime(guess);
  const offset = Date.parse(`${shown.date}T${shown.time}:00Z`) - guess.getTime();
  const first = new Date(guess.getTime() - offset);
  // Across a clock change the offset at `first` can differ from the guess's: settle on it.
  const again = londonDateTime(first);
  const drift = Date.parse(`${again.date}T${again.time}:00Z`) - Date.parse(`${date}T${time}:00Z`);
  return drift === 0 ? first : new Date(first.getTime() - drift);
}
