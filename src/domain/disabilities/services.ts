// Paid services for a disabled child: short breaks and personal budgets (seed 004 §13; domain-spec
// BR-10). "The eligibility criteria must be met in order to receive paid services ... it is only
// once this is met that a personal budget will be assessed and presented to the resource allocation
// panel that makes the decision on financial care packages" (seed 004 §13): both need the child's
// eligibility decision in force (confirmed by the team manager) to say "eligible".
import type { LocalDate } from '@js-joda/core';
import { CALENDAR_RANGE, calendarRangeProblem } from '../shared/calendar/calendar-range.ts';
import { isValidIsoDate, parseLocalDate } from '../shared/time/local-date.ts';
import type { EligibilityOutcome } from './eligibility.ts';

export const SERVICES_MESSAGES = {
  notEligible: 'Paid services need a confirmed decision that the child is eligible for the Children with Disabilities service (seed 004 section 13)',
} as const;

/** BR-10: whether paid services may be recorded, given the outcome of the decision in force (null: none confirmed). */
export function paidServicesAllowed(confirmedOutcome: EligibilityOutcome | null): boolean {
  return confirmedOutcome === 'eligible';
}

/**
 * Kinds of short break: the Breaks for Carers of Disabled Children Regulations 2011 (SI 2011/707),
 * regulation 3(b), require the local authority to provide a range of breaks: day-time care in the
 * child's home or elsewhere; overnight care in the home or elsewhere; educational or leisure
 * activities outside the home; and services to help carers in the evenings, at weekends and in the
 * school holidays. The seed names the Short Breaks service (seed 004 §13) but not its kinds.
 */
export const SHORT_BREAK_TYPES = {
  daytime_care: 'Day-time care, at home or elsewhere',
  overnight_care: 'Overnight care, at home or elsewhere',
  activities: 'Educational or leisure activities outside the home (community)',
  evenings_weekends_holidays: 'Help for carers in the evenings, at weekends and in the school holidays',
} as const;
export type ShortBreakType = keyof typeof SHORT_BREAK_TYPES;
export function isShortBreakType(value: string): value is ShortBreakType {
  return Object.hasOwn(SHORT_BREAK_TYPES, value);
}

/** Overnight breaks are counted in nights a year, every other kind in hours a year. */
export function shortBreakUnit(type: ShortBreakType): 'hours' | 'nights' {
  return type === 'overnight_care' ? 'nights' : 'hours';
}

export const SHORT_BREAK_LIMITS = { nights: 366, hours: 8784 } as const;

/**
 * Care Planning, Placement and Case Review (England) Regulations 2010, regulation 48: a child in a
 * series of short breaks is looked after under section 20 with the lighter care planning of reg 48
 * only while the breaks total no more than 75 days in any 12 months (domain-spec §1.5 CIN-05).
 * More nights than that a year need the full looked-after care planning.
 */
export const REG_48_MAX_NIGHTS_A_YEAR = 75;

export function beyondRegulation48(type: ShortBreakType, amountPerYear: number): boolean {
  return type === 'overnight_care' && amountPerYear > REG_48_MAX_NIGHTS_A_YEAR;
}

export const REG_48_WARNING = `More than ${String(REG_48_MAX_NIGHTS_A_YEAR)} nights a year: the short breaks regulation (Care Planning, Placement and Case Review (England) Regulations 2010, regulation 48) no longer applies, so the child needs full looked-after care planning. Discuss with the team manager.`;

export interface ShortBreakInput {
  readonly type: string;
  readonly amount: string;
  readonly startsOn: string;
  readonly endsOn: string;
}

export const SHORT_BREAK_MESSAGES = {
  type: 'Select the kind of short break',
  amount: 'Enter how many hours or nights a year, as a whole number',
  amountTooMany: (unit: 'hours' | 'nights') => `There cannot be more than ${String(SHORT_BREAK_LIMITS[unit])} ${unit} in a year`,
  startsOn: 'Enter the date the short breaks start',
  /** The prefix of the calendar-range message (the calendar adds "must be on or after …"). */
  startsOnNamed: 'The date the short breaks start',
  endsOnReal: 'The end date must be a real date',
  endsOnBeforeStart: 'The end date must be on or after the start date',
} as const;

/** Problems with the numbers and dates of a short break (field → message). Dates are ISO or ''. */
export function shortBreakProblems(input: ShortBreakInput): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!isShortBreakType(input.type)) problems['type'] = SHORT_BREAK_MESSAGES.type;
  const amount = /^\d{1,5}$/.test(input.amount.trim()) ? Number(input.amount.trim()) : NaN;
  if (!Number.isInteger(amount) || amount < 1) problems['amount'] = SHORT_BREAK_MESSAGES.amount;
  else if (isShortBreakType(input.type) && amount > SHORT_BREAK_LIMITS[shortBreakUnit(input.type)])
    problems['amount'] = SHORT_BREAK_MESSAGES.amountTooMany(shortBreakUnit(input.type));
  if (!isValidIsoDate(input.startsOn)) problems['startsOn'] = SHORT_BREAK_MESSAGES.startsOn;
  else {
    // Reviews are counted from the start (CWD-02/04, 3 or 6 months later), so the start must leave
    // that year inside the working-day calendar.
    const outOfRange = calendarRangeProblem(parseLocalDate(input.startsOn), SHORT_BREAK_MESSAGES.startsOnNamed, CALENDAR_RANGE.to.minusYears(1));
    if (outOfRange !== null) problems['startsOn'] = outOfRange;
  }
  if (input.endsOn !== '') {
    if (!isValidIsoDate(input.endsOn)) problems['endsOn'] = SHORT_BREAK_MESSAGES.endsOnReal;
    else if (isValidIsoDate(input.startsOn) && input.endsOn < input.startsOn) problems['endsOn'] = SHORT_BREAK_MESSAGES.endsOnBeforeStart;
  }
  return problems;
}

export const SHORT_BREAK_REVIEW_OUTCOMES = {
  continue: 'Continue the short breaks',
  end: 'End the short breaks',
} as const;
export type ShortBreakReviewOutcome = keyof typeof SHORT_BREAK_REVIEW_OUTCOMES;
export function isShortBreakReviewOutcome(value: string): value is ShortBreakReviewOutcome {
  return Object.hasOwn(SHORT_BREAK_REVIEW_OUTCOMES, value);
}

// ---------------------------------------------------------------------------------------------
// Personal budgets and the resource allocation panel (seed 004 §13; §16.i on personal budgets).

export const BUDGET_LIMIT_PENCE = 100_000_000;

/** "£1,250.50", "1250.5", "1250" → pence; null when it is not an amount of money above zero. */
export function parsePounds(text: string): number | null {
  const cleaned = text.trim().replace(/^£/, '').replaceAll(',', '').trim();
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(cleaned)) return null;
  const [pounds = '0', pence = ''] = cleaned.split('.');
  const value = Number(pounds) * 100 + Number(pence.padEnd(2, '0'));
  return value >= 1 && value <= BUDGET_LIMIT_PENCE ? value : null;
}

export function formatPounds(pence: number): string {
  return `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export const PANEL_DECISIONS = {
  approved: 'Approved as requested',
  approved_with_changes: 'Approved with changes',
  declined: 'Declined',
  deferred: 'Deferred to a later panel',
} as const;
export type PanelDecision = keyof typeof PANEL_DECISIONS;
export function isPanelDecision(value: string): value is PanelDecision {
  return Object.hasOwn(PANEL_DECISIONS, value);
}

export const BUDGET_STATUS_TEXT = {
  submitted: 'Awaiting the panel’s decision',
  deferred: 'Deferred: awaiting a later panel',
  approved: 'Approved',
  approved_with_changes: 'Approved with changes',
  declined: 'Declined',
} as const;
export type BudgetStatus = keyof typeof BUDGET_STATUS_TEXT;

/** A request still waits for the panel until it is approved or declined. */
export function awaitsPanel(status: BudgetStatus): boolean {
  return status === 'submitted' || status === 'deferred';
}

export interface PanelDecisionInput {
  readonly decision: string;
  /** ISO date or '' */
  readonly panelDate: string;
  readonly approvedAmount: string;
  readonly reason: string;
  /** ISO date or '' */
  readonly nextPanelDate: string;
}

export const PANEL_MESSAGES = {
  decision: 'Select the panel’s decision',
  panelDate: 'Enter the date of the panel',
  panelDateFuture: 'The date of the panel must be today or in the past',
  panelDateBeforeRequest: 'The panel must be on or after the day the request was made',
  approvedAmount: 'Enter the amount the panel approved, in pounds',
  approvedAmountSame: 'The amount approved with changes must differ from the amount requested; if it is the same, select “Approved as requested”',
  reason: 'Enter the panel’s reasons',
  nextPanelDate: 'Enter the date of the panel the request is deferred to',
  nextPanelDateAfter: 'The later panel must be after this panel',
  notAwaiting: 'This request is not waiting for a panel decision',
} as const;

export interface CheckedPanelDecision {
  readonly decision: PanelDecision;
  readonly panelDate: string;
  readonly approvedAmountPence: number | null;
  readonly reason: string | null;
  readonly nextPanelDate: string | null;
}

/**
 * The panel's decision, checked: approved takes the amount requested; approved with changes needs
 * the new amount and why; declined and deferred need the reasons; deferred needs the later panel.
 */
export function checkPanelDecision(
  input: PanelDecisionInput,
  request: { readonly amountPence: number; readonly requestedOn: string },
  today: LocalDate,
): { decision: CheckedPanelDecision } | { problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  if (!isPanelDecision(input.decision)) problems['decision'] = PANEL_MESSAGES.decision;
  if (!isValidIsoDate(input.panelDate)) problems['panelDate'] = PANEL_MESSAGES.panelDate;
  else if (parseLocalDate(input.panelDate).isAfter(today)) problems['panelDate'] = PANEL_MESSAGES.panelDateFuture;
  else if (input.panelDate < request.requestedOn) problems['panelDate'] = PANEL_MESSAGES.panelDateBeforeRequest;
  const reason = input.reason.trim();
  let approvedAmountPence: number | null = null;
  if (input.decision === 'approved') approvedAmountPence = request.amountPence;
  if (input.decision === 'approved_with_changes') {
    approvedAmountPence = parsePounds(input.approvedAmount);
    if (approvedAmountPence === null) problems['approvedAmount'] = PANEL_MESSAGES.approvedAmount;
    else if (approvedAmountPence === request.amountPence) problems['approvedAmount'] = PANEL_MESSAGES.approvedAmountSame;
  }
  const needsReason = input.decision === 'approved_with_changes' || input.decision === 'declined' || input.decision === 'deferred';
  if (needsReason && reason === '') problems['reason'] = PANEL_MESSAGES.reason;
  let nextPanelDate: string | null = null;
  if (input.decision === 'deferred') {
    if (!isValidIsoDate(input.nextPanelDate)) problems['nextPanelDate'] = PANEL_MESSAGES.nextPanelDate;
    else if (isValidIsoDate(input.panelDate) && input.nextPanelDate <= input.panelDate) problems['nextPanelDate'] = PANEL_MESSAGES.nextPanelDateAfter;
    else nextPanelDate = input.nextPanelDate;
  }
  if (Object.keys(problems).length > 0 || !isPanelDecision(input.decision)) return { problems };
  return {
    decision: {
      decision: input.decision,
      panelDate: input.panelDate,
      approvedAmountPence,
      reason: reason === '' ? null : reason,
      nextPanelDate,
    },
  };
}

/** The request's status after a panel decision. */
export function statusAfter(decision: PanelDecision): BudgetStatus {
  return decision;
}
