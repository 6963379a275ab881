// The MASH dashboard's figures, by week (Monday to Sunday, Europe/London dates): contacts in,
// decisions made, time to decision in working days, decisions within the MASH-01 timescale, outcomes
// and the repeat rate. Pure: the app loads the contacts and passes "today".
import { DayOfWeek, type LocalDate } from '@js-joda/core';
import type { MashOutcome } from './mash-decision.ts';
import { MASH_OUTCOMES } from './mash-decision.ts';

export interface DashboardContact {
  readonly receivedOn: LocalDate;
  readonly decidedOn: LocalDate | null;
  readonly outcome: MashOutcome | null;
  /** Working days from receipt to decision (null while undecided). */
  readonly workingDaysToDecision: number | null;
  readonly decidedWithinTimescale: boolean | null;
  readonly repeat: boolean;
}

export interface DashboardWeek {
  /** The Monday the week starts. */
  readonly weekStart: LocalDate;
  readonly contactsIn: number;
  readonly decisionsMade: number;
  /** Mean working days to decision for decisions made that week (null when none). */
  readonly meanWorkingDaysToDecision: number | null;
  readonly decidedWithinTimescale: number;
  /** Decisions made that week within timescale, as a whole percentage (null when none). */
  readonly withinTimescalePercent: number | null;
  readonly outcomes: Readonly<Record<MashOutcome, number>>;
  readonly repeats: number;
  /** Contacts in that week that were repeats, as a whole percentage (null when none came in). */
  readonly repeatPercent: number | null;
}

export function weekStartOf(date: LocalDate): LocalDate {
  return date.minusDays(date.dayOfWeek().value() - DayOfWeek.MONDAY.value());
}

const percent = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part * 100) / whole));

/** The last `weeks` weeks up to and including the week of `today`, oldest first. */
export function dashboardWeeks(contacts: readonly DashboardContact[], today: LocalDate, weeks: number): DashboardWeek[] {
  const lastWeek = weekStartOf(today);
  const out: DashboardWeek[] = [];
  for (let i = weeks - 1; i >= 0; i -= 1) {
    const weekStart = lastWeek.minusWeeks(i);
    const weekEnd = weekStart.plusDays(6);
    const inWeek = (d: LocalDate | null): d is LocalDate => d !== null && !d.isBefore(weekStart) && !d.isAfter(weekEnd);
    const received = contacts.filter((c) => inWeek(c.receivedOn));
    const decided = contacts.filter((c) => inWeek(c.decidedOn));
    const outcomes = Object.fromEntries(MASH_OUTCOMES.map((o) => [o, decided.filter((c) => c.outcome === o).length])) as Record<MashOutcome, number>;
    const days = decided.map((c) => c.workingDaysToDecision).filter((d): d is number => d !== null);
    const within = decided.filter((c) => c.decidedWithinTimescale === true).length;
    const repeats = received.filter((c) => c.repeat).length;
    out.push({
      weekStart,
      contactsIn: received.length,
      decisionsMade: decided.length,
      meanWorkingDaysToDecision: days.length === 0 ? null : Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10,
      decidedWithinTimescale: within,
      withinTimescalePercent: percent(within, decided.length),
      outcomes,
      repeats,
      repeatPercent: percent(repeats, received.length),
    });
  }
  return out;
}

export interface DashboardTotals {
  readonly contactsIn: number;
  readonly decisionsMade: number;
  readonly withinTimescalePercent: number | null;
  readonly repeatPercent: number | null;
  readonly awaitingDecision: number;
}

export function dashboardTotals(weeks: readonly DashboardWeek[], awaitingDecision: number): DashboardTotals {
  const sum = (f: (w: DashboardWeek) => number) => weeks.reduce((a, w) => a + f(w), 0);
  const decisions = sum((w) => w.decisionsMade);
  const contactsIn = sum((w) => w.contactsIn);
  return {
    contactsIn,
    decisionsMade: decisions,
    withinTimescalePercent: percent(sum((w) => w.decidedWithinTimescale), decisions),
    repeatPercent: percent(sum((w) => w.repeats), contactsIn),
    awaitingDecision,
  };
}
