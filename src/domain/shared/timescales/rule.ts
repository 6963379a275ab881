// The shared timescale kernel: the shape of a statutory or local timescale rule (domain-spec §0.4),
// the one function that turns a rule and its anchor date into a due date, a plain-English account of
// how that date was worked out, and the red/amber/green status every queue and dashboard shows.
//
// Units and arithmetic (domain-spec §0.3, §2.2): the anchor date is day 0; `N WD` is the Nth
// working day after it (weekends and England and Wales bank holidays skipped); `N CD` is anchor + N
// days; `N W` is anchor + 7N days; `N M` is the same day of the month N months later, clamped to the
// month's last day; `N Y` is 12N months. Calendar-based due dates are not moved to a working day
// unless the rule says `rollToWorkingDay`. Time of day is ignored: a contact received at 23:59 is
// received that day. `H` (hours) and `GW` (gestation week) rules need a timestamp or an expected
// date of delivery, not a calendar date, so `dueDate` refuses them.
//
// Rules live in each module's `timescales.ts` (e.g. src/domain/front-door/timescales.ts); screens,
// reminders, dashboards and returns all ask this file for the date.

import type { LocalDate } from '@js-joda/core';
import type { WorkingDayCalendar } from '../calendar/working-days.ts';
import { STATUTORY_WORKING_DAY_CALENDAR } from '../calendar/working-days.ts';
import { formatDayDate } from '../time/local-date.ts';

export type TimescaleUnit = 'WD' | 'CD' | 'W' | 'M' | 'Y' | 'H' | 'GW';

/** Where a rule comes from (domain-spec §0.2): a seed document, MK procedure, statute, guidance, or a configurable default. */
export type TimescaleBasis = 'SEED' | 'MK' | 'STAT' | 'SG' | 'CFG';

export interface TimescaleRule {
  /** The domain-spec id, e.g. 'MASH-01'. */
  readonly id: string;
  /** The event that starts the clock, e.g. 'contact.received'. */
  readonly trigger: string;
  /** What is due, e.g. 'mash.decision'. */
  readonly due: string;
  readonly amount: number;
  readonly unit: TimescaleUnit;
  readonly anchor?: 'event' | 'edd' | 'dob' | 'previous_occurrence';
  readonly repeat?: { readonly amount: number; readonly unit: TimescaleUnit; readonly until?: string };
  /** True only where the source says a calendar due date moves to the next working day. */
  readonly rollToWorkingDay?: boolean;
  /** Role or team code from domain-spec §3.13. */
  readonly responsible: string;
  readonly basis: readonly TimescaleBasis[];
  /** The source, cited so a reader can check it. */
  readonly source: string;
  /** Whether the source was checked against its primary text (domain-spec §0.2 †). */
  readonly verified: boolean;
  /** Plain English for screens: what is due ("a decision on the contact"). */
  readonly what: string;
  /** Plain English for screens: what starts the clock ("the contact was received"). */
  readonly from: string;
}

const UNIT_WORDS: Readonly<Record<TimescaleUnit, readonly [string, string]>> = {
  WD: ['working day', 'working days'],
  CD: ['day', 'days'],
  W: ['week', 'weeks'],
  M: ['month', 'months'],
  Y: ['year', 'years'],
  H: ['hour', 'hours'],
  GW: ['week of pregnancy', 'weeks of pregnancy'],
};

/** "1 working day", "3 months". */
export function describeAmount(amount: number, unit: TimescaleUnit): string {
  const [one, many] = UNIT_WORDS[unit];
  return `${String(amount)} ${amount === 1 ? one : many}`;
}

function calendarDue(rule: TimescaleRule, anchor: LocalDate, calendar: WorkingDayCalendar): LocalDate {
  switch (rule.unit) {
    case 'WD':
      return calendar.addWorkingDays(anchor, rule.amount);
    case 'CD':
      return calendar.addCalendarDays(anchor, rule.amount);
    case 'W':
      return calendar.addWeeks(anchor, rule.amount);
    case 'M':
      return calendar.addMonths(anchor, rule.amount);
    case 'Y':
      return calendar.addMonths(anchor, rule.amount * 12);
    case 'H':
    case 'GW':
      throw new RangeError(`Rule ${rule.id} counts in ${rule.unit}, which needs a timestamp or an expected date of delivery, not a calendar date`);
  }
}

/** The latest date that meets the rule, counted from `anchor` (day 0). Pure: the calendar is a parameter. */
export function dueDate(rule: TimescaleRule, anchor: LocalDate, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): LocalDate {
  const due = calendarDue(rule, anchor, calendar);
  return rule.unit !== 'WD' && rule.rollToWorkingDay === true ? calendar.rollForwardToWorkingDay(due) : due;
}

export interface DueExplanation {
  readonly rule: TimescaleRule;
  readonly anchor: LocalDate;
  readonly due: LocalDate;
  /** "A decision on the contact is due within 1 working day of the day the contact was received." */
  readonly summary: string;
  /** Where the rule comes from, as cited in the rule. */
  readonly source: string;
  /** The arithmetic, in plain English, naming every weekend and bank holiday skipped. */
  readonly arithmetic: string;
}

// explainDue and ragStatus are pure functions of immutable values (a rule, dates, a frozen calendar)
// and work lists ask for the same answers on every view ("My work" lists hundreds of items, each
// counting working days one by one), so their results are memoised per calendar and rule, as the
// bank holidays are per year: a cache, not state (an entry never changes; the oldest half is dropped
// when it is full).
const MEMO_LIMIT = 20_000;

class Memo<V> {
  private readonly entries = new Map<number | string, V>();
  get(key: number | string, make: () => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const value = make();
    if (this.entries.size >= MEMO_LIMIT) {
      let drop = MEMO_LIMIT / 2;
      for (const k of this.entries.keys()) {
        if (drop-- <= 0) break;
        this.entries.delete(k);
      }
    }
    this.entries.set(key, value);
    return value;
  }
}

function memoFor<K extends object, V>(cache: WeakMap<K, Memo<V>>, key: K): Memo<V> {
  let memo = cache.get(key);
  if (memo === undefined) {
    memo = new Memo<V>();
    cache.set(key, memo);
  }
  return memo;
}

const explanations = new WeakMap<WorkingDayCalendar, WeakMap<TimescaleRule, Memo<DueExplanation>>>();
const rags = new WeakMap<WorkingDayCalendar, Memo<RagStatus>>();

/** The rule, its source and the arithmetic behind a due date, in plain English (shown beside every due date). */
export function explainDue(rule: TimescaleRule, anchor: LocalDate, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): DueExplanation {
  let byRule = explanations.get(calendar);
  if (byRule === undefined) {
    byRule = new WeakMap();
    explanations.set(calendar, byRule);
  }
  return memoFor(byRule, rule).get(anchor.toEpochDay(), () => Object.freeze(workOutDue(rule, anchor, calendar)));
}

function workOutDue(rule: TimescaleRule, anchor: LocalDate, calendar: WorkingDayCalendar): DueExplanation {
  const due = dueDate(rule, anchor, calendar);
  const summary = `${capitalise(rule.what)} is due within ${describeAmount(rule.amount, rule.unit)} of the day ${rule.from}.`;
  let arithmetic: string;
  if (rule.unit === 'WD') {
    arithmetic = calendar.explainAddWorkingDays(anchor, rule.amount).text;
  } else {
    const plain = calendarDue(rule, anchor, calendar);
    arithmetic = `${describeAmount(rule.amount, rule.unit)} after ${formatDayDate(anchor)} is ${formatDayDate(plain)}.`;
    if (rule.rollToWorkingDay === true && !plain.equals(due)) arithmetic += ` ${calendar.explainRollForward(plain).text}`;
  }
  return { rule, anchor, due, summary, source: rule.source, arithmetic };
}

function capitalise(text: string): string {
  return text.length === 0 ? text : `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

export type Rag = 'red' | 'amber' | 'green';

export interface RagStatus {
  readonly rag: Rag;
  /** Working days from today to the due date: 0 on the day, negative once overdue. */
  readonly workingDaysLeft: number;
  /** "Overdue by 2 working days", "Due today", "Due in 3 working days". */
  readonly label: string;
}

/**
 * Red once the due date has passed; amber from `amberWithinWorkingDays` working days before it up
 * to and including the due date; green before that. With 0, only the due day itself is amber.
 */
export function ragStatus(
  due: LocalDate,
  today: LocalDate,
  amberWithinWorkingDays: number,
  calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR,
): RagStatus {
  if (!Number.isSafeInteger(amberWithinWorkingDays) || amberWithinWorkingDays < 0) {
    throw new RangeError(`The amber window must be a whole number of working days, got ${String(amberWithinWorkingDays)}`);
  }
  const key = `${String(today.toEpochDay())}:${String(due.toEpochDay())}:${String(amberWithinWorkingDays)}`;
  return memoFor(rags, calendar).get(key, () => Object.freeze(workOutRag(due, today, amberWithinWorkingDays, calendar)));
}

function workOutRag(due: LocalDate, today: LocalDate, amberWithinWorkingDays: number, calendar: WorkingDayCalendar): RagStatus {
  if (today.isAfter(due)) {
    const late = calendar.workingDaysBetween(due, today);
    // Overdue on a weekend straight after a Friday due date: late by 0 working days but still late.
    const shown = Math.max(late, 1);
    return { rag: 'red', workingDaysLeft: late === 0 ? 0 : -late, label: `Overdue by ${describeAmount(shown, 'WD')}` };
  }
  const left = calendar.workingDaysBetween(today, due);
  const label = today.equals(due) ? 'Due today' : left === 0 ? `Due ${formatDayDate(due)}` : `Due in ${describeAmount(left, 'WD')}`;
  return { rag: left <= amberWithinWorkingDays ? 'amber' : 'green', workingDaysLeft: left, label };
}

export interface Timeliness {
  readonly met: boolean;
  /** Working days from the anchor to when it was done. */
  readonly workingDaysTaken: number;
}

/** Whether something done on `doneOn` met a due date counted from `anchor`. */
export function timelinessOf(anchor: LocalDate, due: LocalDate, doneOn: LocalDate, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): Timeliness {
  return { met: !doneOn.isAfter(due), workingDaysTaken: Math.max(0, calendar.workingDaysBetween(anchor, doneOn)) };
}
