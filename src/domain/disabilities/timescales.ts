// Children with disabilities timescales. Each rule is computed by the shared kernel
// (src/domain/shared/timescales/rule.ts) and shown with its explanation wherever its date appears
// (the child's disabilities page and "My work"). Seed 004 §13 gives no interval for any of them, so
// each cites the statute or guidance it follows, or is a configurable default (CFG) to be confirmed.
import type { LocalDate } from '@js-joda/core';
import type { WorkingDayCalendar } from '../shared/calendar/working-days.ts';
import { STATUTORY_WORKING_DAY_CALENDAR } from '../shared/calendar/working-days.ts';
import { parseLocalDate } from '../shared/time/local-date.ts';
import { dueDate, ragStatus, type RagStatus, type TimescaleRule } from '../shared/timescales/rule.ts';
import type { ShortBreakType } from './services.ts';

/** CWD-01. The team manager confirms (or returns) a recorded eligibility decision: 5 working days (CFG). */
export const CWD_ELIGIBILITY_CONFIRMATION: TimescaleRule = {
  id: 'CWD-01',
  trigger: 'cwd-eligibility.recorded',
  due: 'cwd-eligibility.confirmed',
  amount: 5,
  unit: 'WD',
  anchor: 'event',
  responsible: 'TM',
  basis: ['CFG'],
  source:
    'Seed 004 §13 (the eligibility criteria are applied before any paid service); timing CFG: 5 working days for the team manager to confirm, to be confirmed by MK',
  verified: false,
  what: 'the team manager’s confirmation of the eligibility decision',
  from: 'the worker recorded the decision',
};

/**
 * CWD-02. Overnight short breaks: the child is looked after under section 20 during each stay
 * (Care Planning, Placement and Case Review (England) Regulations 2010, regulation 48, with the
 * Short Breaks statutory guidance, DfE 2010/2011): the first review within 3 months of the start of
 * the first short break (domain-spec §1.5 CIN-05).
 */
export const CWD_OVERNIGHT_FIRST_REVIEW: TimescaleRule = {
  id: 'CWD-02',
  trigger: 'cwd-short-break.started',
  due: 'cwd-short-break.reviewed',
  amount: 3,
  unit: 'M',
  anchor: 'event',
  responsible: 'SW',
  basis: ['STAT'],
  source:
    'Care Planning, Placement and Case Review (England) Regulations 2010, regulation 48 (short breaks): first review within 3 months of the first short break; domain-spec §1.5 CIN-05. Breaks for Carers of Disabled Children Regulations 2011 (the duty to provide short breaks).',
  verified: false,
  what: 'the first review of the overnight short breaks',
  from: 'the short breaks started',
};

/** CWD-03. Overnight short breaks after the first review: no more than 6 months apart (reg 48; CIN-05). */
export const CWD_OVERNIGHT_REVIEW: TimescaleRule = {
  id: 'CWD-03',
  trigger: 'cwd-short-break.reviewed',
  due: 'cwd-short-break.reviewed',
  amount: 6,
  unit: 'M',
  anchor: 'previous_occurrence',
  repeat: { amount: 6, unit: 'M', until: 'cwd-short-break.ended' },
  responsible: 'SW',
  basis: ['STAT'],
  source:
    'Care Planning, Placement and Case Review (England) Regulations 2010, regulation 48 (short breaks): later reviews at intervals of no more than 6 months; domain-spec §1.5 CIN-05',
  verified: false,
  what: 'a review of the overnight short breaks',
  from: 'the short breaks were last reviewed',
};

/**
 * CWD-04. Day-time, community and carers' short breaks (section 17, no looked-after review): the
 * seeds give no interval, so 6 months from the start or the last review, the same as overnight
 * breaks after their first review, is the configurable default (CFG).
 */
export const CWD_SHORT_BREAK_REVIEW: TimescaleRule = {
  id: 'CWD-04',
  trigger: 'cwd-short-break.started|cwd-short-break.reviewed',
  due: 'cwd-short-break.reviewed',
  amount: 6,
  unit: 'M',
  anchor: 'previous_occurrence',
  repeat: { amount: 6, unit: 'M', until: 'cwd-short-break.ended' },
  responsible: 'SW',
  basis: ['CFG'],
  source:
    'CFG: seed 004 §13 gives no review interval for short breaks under section 17; 6 months follows the regulation 48 interval (Care Planning, Placement and Case Review (England) Regulations 2010) for overnight breaks, to be confirmed by MK',
  verified: false,
  what: 'a review of the short breaks',
  from: 'the short breaks started or were last reviewed',
};

/** CWD-05. The resource allocation panel's decision is recorded within 2 working days of the panel (CFG). */
export const CWD_PANEL_DECISION: TimescaleRule = {
  id: 'CWD-05',
  trigger: 'cwd-budget-request.panel-date',
  due: 'cwd-panel-decision.recorded',
  amount: 2,
  unit: 'WD',
  anchor: 'event',
  responsible: 'TM',
  basis: ['SEED', 'CFG'],
  source:
    'Seed 004 §13 (a personal budget is presented to the resource allocation panel, which decides financial care packages); timing CFG: recorded within 2 working days of the panel, to be confirmed by MK',
  verified: false,
  what: 'the resource allocation panel’s decision',
  from: 'the panel met',
};

export const DISABILITIES_TIMESCALES: readonly TimescaleRule[] = [
  CWD_ELIGIBILITY_CONFIRMATION,
  CWD_OVERNIGHT_FIRST_REVIEW,
  CWD_OVERNIGHT_REVIEW,
  CWD_SHORT_BREAK_REVIEW,
  CWD_PANEL_DECISION,
];

export interface CwdDue {
  readonly rule: TimescaleRule;
  readonly anchor: LocalDate;
  readonly due: LocalDate;
}

const due = (rule: TimescaleRule, anchorIso: string, calendar: WorkingDayCalendar): CwdDue => {
  const anchor = parseLocalDate(anchorIso);
  return { rule, anchor, due: dueDate(rule, anchor, calendar) };
};

/** CWD-01, from the day the decision was recorded (London date). */
export function eligibilityConfirmationDue(recordedOn: string, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): CwdDue {
  return due(CWD_ELIGIBILITY_CONFIRMATION, recordedOn, calendar);
}

export interface ShortBreakDates {
  readonly breakType: ShortBreakType;
  readonly status: 'active' | 'ended';
  readonly startsOn: string;
  readonly endsOn: string | null;
  readonly lastReviewedOn: string | null;
}

/**
 * The next review of an active short break: overnight breaks CWD-02 then CWD-03; others CWD-04.
 * None once ended, or when the planned end comes before the review would fall due.
 */
export function shortBreakReviewDue(sb: ShortBreakDates, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): CwdDue | null {
  if (sb.status !== 'active') return null;
  const overnight = sb.breakType === 'overnight_care';
  const rule = overnight ? (sb.lastReviewedOn === null ? CWD_OVERNIGHT_FIRST_REVIEW : CWD_OVERNIGHT_REVIEW) : CWD_SHORT_BREAK_REVIEW;
  const next = due(rule, sb.lastReviewedOn ?? sb.startsOn, calendar);
  if (sb.endsOn !== null && next.due.isAfter(parseLocalDate(sb.endsOn))) return null;
  return next;
}

/** CWD-05, from the panel date (a deferral moves it to the later panel). */
export function panelDecisionDue(panelDate: string, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): CwdDue {
  return due(CWD_PANEL_DECISION, panelDate, calendar);
}

/** Amber from this many working days before each date (CFG). */
export function cwdAmberWithinWorkingDays(rule: TimescaleRule): number {
  return rule.unit === 'M' ? 10 : 1;
}

export function cwdRag(item: CwdDue, today: LocalDate, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): RagStatus {
  return ragStatus(item.due, today, cwdAmberWithinWorkingDays(item.rule), calendar);
}

/** Short break reviews are listed in "My work" from 1 month before they are due (CFG), like CIN-04. */
export function shortBreakReviewPrompted(item: CwdDue, today: LocalDate): boolean {
  return !today.isBefore(item.due.minusMonths(1));
}
