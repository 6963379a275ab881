// Bank holidays in England and Wales for any year, by rule plus proclamations (domain-spec §2.4, §2.5).
//
// Sources: Banking and Financial Dealings Act 1971, s1 and Schedule 1 (Easter Monday, the last
// Mondays in May and August, Boxing Day and its substitutes), with New Year's Day (from 1974) and the
// early May bank holiday (from 1978) appointed by standing royal proclamation under s1(3); Christmas
// Day and Good Friday are common-law holidays that the statutory working-day definitions name
// alongside them (domain-spec §2.1). Checked date for date against the GOV.UK bank-holidays data
// (https://www.gov.uk/bank-holidays.json; alphagov/frontend lib/data/bank-holidays.json) for
// 2018–2028; later years are computed by the rule and marked provisional until GOV.UK publishes them.
//
// Results are pure functions of the year, so they are memoised per year (a cache, not mutable state:
// the values are frozen and never change). LocalDate is from @js-joda/core (see ../time/local-date.ts).

import { DayOfWeek, LocalDate, TemporalAdjusters } from '@js-joda/core';
import { BANK_HOLIDAY_PROCLAMATIONS_ENGLAND_WALES, type BankHolidayKind, type BankHolidayProclamation } from './bank-holiday-proclamations-england-wales.ts';
import { parseLocalDate } from '../time/local-date.ts';
import { easterSunday } from './easter.ts';

export type { BankHolidayKind, RuleHolidayKind } from './bank-holiday-proclamations-england-wales.ts';

/** The last year for which GOV.UK has published the England and Wales list (domain-spec §2.4). */
export const LAST_PUBLISHED_YEAR = 2028;

/** The first year with all eight of today's holidays (the early May bank holiday began in 1978). */
export const FIRST_MODELLED_YEAR = 1978;
export const LAST_MODELLED_YEAR = 9999;

export interface BankHoliday {
  readonly date: LocalDate;
  readonly name: string;
  readonly kind: BankHolidayKind;
  /** True for years after LAST_PUBLISHED_YEAR: computed by rule, not yet confirmed by GOV.UK. */
  readonly provisional: boolean;
}

type Holiday = Omit<BankHoliday, 'provisional'>;

const isWeekend = (d: LocalDate): boolean => d.dayOfWeek().value() >= 6;

/** New Year's Day, Christmas Day and Boxing Day, with substitute days exactly as §2.5 step 5. */
function fixedDateHolidays(year: number): Holiday[] {
  const fixed: Holiday[] = [
    { date: LocalDate.of(year, 1, 1), name: "New Year's Day", kind: 'new_year' },
    { date: LocalDate.of(year, 12, 25), name: 'Christmas Day', kind: 'christmas' },
    { date: LocalDate.of(year, 12, 26), name: 'Boxing Day', kind: 'boxing_day' },
  ];
  // First every one that falls on a weekday keeps its own date...
  const placed = fixed.filter((h) => !isWeekend(h.date));
  const taken = new Set(placed.map((h) => h.date.toString()));
  // ...then, in the order New Year, Christmas, Boxing Day, each weekend one takes the next free weekday.
  for (const h of fixed.filter((f) => isWeekend(f.date))) {
    let substitute = h.date.plusDays(1);
    while (isWeekend(substitute) || taken.has(substitute.toString())) substitute = substitute.plusDays(1);
    taken.add(substitute.toString());
    placed.push({ date: substitute, name: `${h.name} (substitute day)`, kind: h.kind });
  }
  return placed;
}

/** The eight holidays the rule gives for `year` (§2.5 steps 1–5), before any proclamation. */
function ruleHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const may = LocalDate.of(year, 5, 1);
  const august = LocalDate.of(year, 8, 1);
  const monday = DayOfWeek.MONDAY;
  return [
    ...fixedDateHolidays(year),
    { date: easter.minusDays(2), name: 'Good Friday', kind: 'good_friday' },
    { date: easter.plusDays(1), name: 'Easter Monday', kind: 'easter_monday' },
    { date: may.with(TemporalAdjusters.firstInMonth(monday)), name: 'Early May bank holiday', kind: 'early_may' },
    { date: may.with(TemporalAdjusters.lastInMonth(monday)), name: 'Spring bank holiday', kind: 'spring' },
    { date: august.with(TemporalAdjusters.lastInMonth(monday)), name: 'Summer bank holiday', kind: 'summer' },
  ];
}

const proclamationsByYear = new Map<number, BankHolidayProclamation[]>();
for (const p of BANK_HOLIDAY_PROCLAMATIONS_ENGLAND_WALES) {
  const year = Number((p.type === 'moved' ? p.to : p.date).slice(0, 4));
  proclamationsByYear.set(year, [...(proclamationsByYear.get(year) ?? []), p]);
}

function applyProclamation(holidays: Holiday[], p: BankHolidayProclamation): Holiday[] {
  if (p.type === 'added') {
    return [...holidays, { date: parseLocalDate(p.date), name: p.name, kind: 'one_off' }];
  }
  const moved = (h: Holiday): boolean => h.kind === p.kind && h.date.toString() === p.from;
  if (!holidays.some(moved)) {
    throw new Error(`Bank holiday proclamation moves ${p.kind} from ${p.from}, but the rule does not give that date`);
  }
  return holidays.map((h) => (moved(h) ? { date: parseLocalDate(p.to), name: p.name, kind: p.kind } : h));
}

function computeYear(year: number): readonly BankHoliday[] {
  const provisional = year > LAST_PUBLISHED_YEAR;
  const holidays = (proclamationsByYear.get(year) ?? []).reduce(applyProclamation, ruleHolidays(year));
  const sorted = holidays.map((h): BankHoliday => Object.freeze({ ...h, provisional })).sort((a, b) => a.date.compareTo(b.date));
  if (new Set(sorted.map((h) => h.date.toString())).size !== sorted.length) {
    throw new Error(`Two bank holidays fall on the same date in ${String(year)}`);
  }
  return Object.freeze(sorted);
}

const byYear = new Map<number, readonly BankHoliday[]>();
const byDate = new Map<number, ReadonlyMap<string, BankHoliday>>();

/** The England and Wales bank holidays of `year`, in date order. */
export function bankHolidaysEnglandWales(year: number): readonly BankHoliday[] {
  if (!Number.isSafeInteger(year) || year < FIRST_MODELLED_YEAR || year > LAST_MODELLED_YEAR) {
    throw new RangeError(`England and Wales bank holidays are modelled for ${String(FIRST_MODELLED_YEAR)}–${String(LAST_MODELLED_YEAR)}, got ${String(year)}`);
  }
  let holidays = byYear.get(year);
  if (holidays === undefined) {
    holidays = computeYear(year);
    byYear.set(year, holidays);
  }
  return holidays;
}

/** The bank holiday on `d`, if there is one. */
export function bankHolidayOn(d: LocalDate): BankHoliday | undefined {
  let dates = byDate.get(d.year());
  if (dates === undefined) {
    dates = new Map(bankHolidaysEnglandWales(d.year()).map((h) => [h.date.toString(), h]));
    byDate.set(d.year(), dates);
  }
  return dates.get(d.toString());
}

export function isBankHoliday(d: LocalDate): boolean {
  return bankHolidayOn(d) !== undefined;
}

/** Bank holidays from `from` to `to`, both inclusive, in date order (empty if `to` is before `from`). */
export function bankHolidaysBetween(from: LocalDate, to: LocalDate): readonly BankHoliday[] {
  const result: BankHoliday[] = [];
  for (let year = from.year(); year <= to.year(); year += 1) {
    for (const h of bankHolidaysEnglandWales(year)) {
      if (!h.date.isBefore(from) && !h.date.isAfter(to)) result.push(h);
    }
  }
  return result;
}
