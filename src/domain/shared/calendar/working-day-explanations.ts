// Plain-English explanations of working-day arithmetic, so every due date a user sees can say how it
// was worked out (domain-spec §2.2): which weekend days, bank holidays and configured local closures
// were skipped. Dates are LocalDate from @js-joda/core (see ../time/local-date.ts).

import type { LocalDate } from '@js-joda/core';
import { formatDayDate, formatLongDate } from '../time/local-date.ts';
import type { WorkingDayCalendar } from './working-days.ts';

export interface SkippedHoliday {
  readonly date: LocalDate;
  readonly name: string;
}

interface SkippedDays {
  readonly skippedWeekendDays: number;
  readonly skippedHolidays: readonly SkippedHoliday[];
  /** Configured local closure days skipped (always empty for the statutory calendar). */
  readonly skippedClosures: readonly LocalDate[];
}

export interface WorkingDayExplanation extends SkippedDays {
  readonly start: LocalDate;
  readonly n: number;
  readonly due: LocalDate;
  readonly text: string;
}

export interface RollForwardExplanation extends SkippedDays {
  readonly date: LocalDate;
  readonly due: LocalDate;
  readonly text: string;
}

/** The non-working days from `first` to `last`, both inclusive. */
function skippedBetween(calendar: WorkingDayCalendar, first: LocalDate, last: LocalDate): SkippedDays {
  let skippedWeekendDays = 0;
  const skippedHolidays: SkippedHoliday[] = [];
  const skippedClosures: LocalDate[] = [];
  for (let d = first; !d.isAfter(last); d = d.plusDays(1)) {
    const reason = calendar.nonWorkingReason(d);
    if (reason?.kind === 'weekend') skippedWeekendDays += 1;
    else if (reason?.kind === 'bank_holiday') skippedHolidays.push({ date: d, name: reason.holiday.name });
    else if (reason?.kind === 'local_closure') skippedClosures.push(d);
  }
  return { skippedWeekendDays, skippedHolidays, skippedClosures };
}

/** "Christmas Day (25 December 2025)"; "Boxing Day (substitute day, 28 December 2026)". */
function describeHoliday(h: SkippedHoliday): string {
  const date = formatLongDate(h.date);
  return h.name.endsWith(')') ? `${h.name.slice(0, -1)}, ${date})` : `${h.name} (${date})`;
}

function plural(count: number, singular: string, many: string): string {
  return count === 1 ? singular : many;
}

/** ", not counting weekends or the bank holidays ..." (or "skipping ... and ..."); "" if nothing was skipped. */
function skippedClause(skipped: SkippedDays, lead: 'not counting' | 'skipping'): string {
  const parts: string[] = [];
  if (skipped.skippedWeekendDays > 0) parts.push('weekends');
  const holidays = skipped.skippedHolidays;
  if (holidays.length > 0) {
    parts.push(`the ${plural(holidays.length, 'bank holiday', 'bank holidays')} ${holidays.map(describeHoliday).join(', ')}`);
  }
  const closures = skipped.skippedClosures;
  if (closures.length > 0) {
    parts.push(`the ${plural(closures.length, 'local closure day', 'local closure days')} ${closures.map(formatLongDate).join(', ')}`);
  }
  return parts.length === 0 ? '' : `, ${lead} ${parts.join(lead === 'skipping' ? ' and ' : ' or ')}`;
}

export function explainAddWorkingDays(calendar: WorkingDayCalendar, start: LocalDate, n: number): WorkingDayExplanation {
  const due = calendar.addWorkingDays(start, n);
  const skipped = n >= 0 ? skippedBetween(calendar, start.plusDays(1), due) : skippedBetween(calendar, due, start.minusDays(1));
  const count = Math.abs(n);
  const direction = n < 0 ? 'before' : 'after';
  const text = `${String(count)} ${plural(count, 'working day', 'working days')} ${direction} ${formatDayDate(start)} is ${formatDayDate(due)}${skippedClause(skipped, 'not counting')}.`;
  return { start, n, due, ...skipped, text };
}

export function explainRollForward(calendar: WorkingDayCalendar, date: LocalDate): RollForwardExplanation {
  const due = calendar.rollForwardToWorkingDay(date);
  const skipped = skippedBetween(calendar, date, due);
  const text = due.equals(date)
    ? `${formatDayDate(date)} is a working day.`
    : `${formatDayDate(date)} is not a working day, so the date moves to ${formatDayDate(due)}${skippedClause(skipped, 'skipping')}.`;
  return { date, due, ...skipped, text };
}
