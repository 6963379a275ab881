// Working-day arithmetic for statutory timescales (domain-spec §2.1–2.3).
//
// A working day is any day other than a Saturday, a Sunday, Christmas Day, Good Friday or a bank
// holiday under the Banking and Financial Dealings Act 1971 in England and Wales (the definition in
// the Care Planning, Placement and Case Review (England) Regulations 2010, the Children (Private
// Arrangements for Fostering) Regulations 2005 and the Children Act 1989 Representations Procedure
// (England) Regulations 2006). Substitute days count. Local office closures are NOT excluded unless a
// tenant configures them (§2.1): statutory counts ignore them.
//
// Counting (§2.2): the trigger date is day 0; "within N working days" is the Nth working day after
// it. If the trigger is not a working day, counting still starts from the next working day.
//
// A calendar is an immutable value built by `createWorkingDayCalendar`; there is no global, mutable
// calendar. Dates are LocalDate from @js-joda/core (see ../time/local-date.ts).

import type { LocalDate } from '@js-joda/core';
import { addCalendarDays, addMonths, addWeeks, addYears } from '../time/periods.ts';
import { bankHolidayOn, bankHolidaysBetween, type BankHoliday } from './bank-holidays-england-wales.ts';
import { explainAddWorkingDays, explainRollForward, type RollForwardExplanation, type WorkingDayExplanation } from './working-day-explanations.ts';

export interface WorkingDayCalendarOptions {
  /** Local closure days a tenant has chosen to treat as non-working (e.g. a Christmas shutdown). */
  readonly extraClosures?: readonly LocalDate[];
}

/** Why a day is not a working day; a weekend takes precedence over a holiday or closure on it. */
export type NonWorkingReason =
  { readonly kind: 'weekend' } | { readonly kind: 'bank_holiday'; readonly holiday: BankHoliday } | { readonly kind: 'local_closure' };

export interface WorkingDayCalendar {
  /** The configured local closure days, in date order (empty unless configured). */
  readonly extraClosures: readonly LocalDate[];
  isWorkingDay(d: LocalDate): boolean;
  /** Why `d` is not a working day, or undefined if it is one. */
  nonWorkingReason(d: LocalDate): NonWorkingReason | undefined;
  /** The nth working day after `start` (start is day 0; n = 0 gives start; negative n counts back). */
  addWorkingDays(start: LocalDate, n: number): LocalDate;
  /** The number of working days d with from < d <= to; negative (the count for to < d <= from) if to < from. */
  workingDaysBetween(from: LocalDate, to: LocalDate): number;
  /** The first working day strictly after `d`. */
  nextWorkingDay(d: LocalDate): LocalDate;
  /** The last working day strictly before `d`. */
  previousWorkingDay(d: LocalDate): LocalDate;
  /** `d` itself if it is a working day, otherwise the next working day. */
  rollForwardToWorkingDay(d: LocalDate): LocalDate;
  /** England and Wales bank holidays from `from` to `to`, both inclusive. */
  holidaysBetween(from: LocalDate, to: LocalDate): readonly BankHoliday[];
  addCalendarDays(d: LocalDate, n: number): LocalDate;
  addWeeks(d: LocalDate, n: number): LocalDate;
  addMonths(d: LocalDate, n: number): LocalDate;
  addYears(d: LocalDate, n: number): LocalDate;
  /** `addWorkingDays` with the days it skipped and a plain-English sentence. */
  explainAddWorkingDays(start: LocalDate, n: number): WorkingDayExplanation;
  /** `rollForwardToWorkingDay` with the days it skipped and a plain-English sentence. */
  explainRollForward(d: LocalDate): RollForwardExplanation;
}

export type { RollForwardExplanation, SkippedHoliday, WorkingDayExplanation } from './working-day-explanations.ts';

function requireWholeNumber(n: number): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`Working days must be a whole number, got ${String(n)}`);
}

export function createWorkingDayCalendar(options: WorkingDayCalendarOptions = {}): WorkingDayCalendar {
  const closures = new Map((options.extraClosures ?? []).map((d) => [d.toString(), d]));
  const extraClosures = Object.freeze([...closures.values()].sort((a, b) => a.compareTo(b)));

  const nonWorkingReason = (d: LocalDate): NonWorkingReason | undefined => {
    if (d.dayOfWeek().value() >= 6) return { kind: 'weekend' };
    const holiday = bankHolidayOn(d);
    if (holiday !== undefined) return { kind: 'bank_holiday', holiday };
    return closures.has(d.toString()) ? { kind: 'local_closure' } : undefined;
  };
  const isWorkingDay = (d: LocalDate): boolean => nonWorkingReason(d) === undefined;

  const step = (d: LocalDate, direction: 1 | -1): LocalDate => {
    let next = d.plusDays(direction);
    while (!isWorkingDay(next)) next = next.plusDays(direction);
    return next;
  };

  const addWorkingDays = (start: LocalDate, n: number): LocalDate => {
    requireWholeNumber(n);
    let d = start;
    for (let counted = 0; counted < Math.abs(n); counted += 1) d = step(d, n < 0 ? -1 : 1);
    return d;
  };

  const workingDaysBetween = (from: LocalDate, to: LocalDate): number => {
    if (to.isBefore(from)) return -workingDaysBetween(to, from);
    let count = 0;
    for (let d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) if (isWorkingDay(d)) count += 1;
    return count;
  };

  const calendar: WorkingDayCalendar = {
    extraClosures,
    isWorkingDay,
    nonWorkingReason,
    addWorkingDays,
    workingDaysBetween,
    nextWorkingDay: (d) => step(d, 1),
    previousWorkingDay: (d) => step(d, -1),
    rollForwardToWorkingDay: (d) => (isWorkingDay(d) ? d : step(d, 1)),
    holidaysBetween: bankHolidaysBetween,
    addCalendarDays,
    addWeeks,
    addMonths,
    addYears,
    explainAddWorkingDays: (start, n) => explainAddWorkingDays(calendar, start, n),
    explainRollForward: (d) => explainRollForward(calendar, d),
  };
  return Object.freeze(calendar);
}

/** The statutory calendar: weekends and England and Wales bank holidays only, no local closures. */
export const STATUTORY_WORKING_DAY_CALENDAR: WorkingDayCalendar = createWorkingDayCalendar();
