// Child in need timescales: domain-spec §1.5 (CIN-01, CIN-02, CIN-04) and §1.3 (ASS-03). Each rule
// is computed by the shared kernel (src/domain/shared/timescales/rule.ts) and shown with its
// explanation wherever its date appears (the plan page and "My work").
import type { LocalDate } from '@js-joda/core';
import type { WorkingDayCalendar } from '../shared/calendar/working-days.ts';
import { STATUTORY_WORKING_DAY_CALENDAR } from '../shared/calendar/working-days.ts';
import { parseLocalDate } from '../shared/time/local-date.ts';
import { dueDate, ragStatus, type RagStatus, type TimescaleRule } from '../shared/timescales/rule.ts';

/**
 * CIN-01. The family support meeting (CIN meeting, convened and chaired by the social worker) agrees
 * the child in need plan: MK online procedures manual 3.1 "Child in Need Plans and Reviews" (chapter
 * listed in seed 002). The seeds give no interval, so 10 working days from the day the plan was
 * opened (the assessment's authorisation) is the configurable default (domain-spec §1.5, CFG; §5
 * point 2 asks MK to confirm it).
 */
export const CIN_PLAN_AGREED: TimescaleRule = {
  id: 'CIN-01',
  trigger: 'assessment.authorised.cin-plan',
  due: 'cin-plan.finalised',
  amount: 10,
  unit: 'WD',
  anchor: 'event',
  responsible: 'SW',
  basis: ['MK', 'CFG'],
  source:
    'MK procedures manual 3.1 "Child in Need Plans and Reviews" (family support meeting agrees the plan; seed 002 contents); timing CFG: domain-spec §1.5 CIN-01, to be confirmed by MK',
  verified: false,
  what: 'the child in need plan, agreed at a family support meeting',
  from: 'the child in need plan was opened',
};

/**
 * CIN-02. Child in need plan review (family support meeting): no more than 3 months after the plan
 * was agreed, then no more than 3 months after each review. The MK interval is not in the seeds, so
 * 3 months is the configurable default (domain-spec §1.5, CFG). A repeat is counted from the date the
 * previous review was actually held, not from its due date (domain-spec §0.3).
 */
export const CIN_REVIEW: TimescaleRule = {
  id: 'CIN-02',
  trigger: 'cin-plan.finalised|cin-review.held',
  due: 'cin-review.held',
  amount: 3,
  unit: 'M',
  anchor: 'previous_occurrence',
  repeat: { amount: 3, unit: 'M', until: 'cin-plan.ended' },
  responsible: 'SW',
  basis: ['CFG'],
  source:
    'Domain-spec §1.5 CIN-02: review within 3 months of the plan being agreed, then every 3 months (CFG: MK interval not in the seeds; MK procedures manual 3.1 to be confirmed)',
  verified: false,
  what: 'a review of the child in need plan',
  from: 'the plan was agreed or last reviewed',
};

/**
 * CIN-04 / ASS-03. A child continuously on a child in need plan for 10 months has an updated
 * assessment of their progress (continue, step down or escalate): seed 004 §8 ("Completed
 * assessments will determine ... the progress a child / young person is making if subject to a
 * Child in Need Plan for more than 10 months"). Repeated every 10 months thereafter (ASS-03, CFG).
 */
export const CIN_PROGRESS_REVIEW: TimescaleRule = {
  id: 'CIN-04',
  trigger: 'cin-plan.finalised',
  due: 'cin-progress-assessment.completed',
  amount: 10,
  unit: 'M',
  anchor: 'previous_occurrence',
  repeat: { amount: 10, unit: 'M', until: 'cin-plan.ended' },
  responsible: 'SW/TM',
  basis: ['SEED', 'CFG'],
  source:
    'Seed 004 §8 (progress of a child on a Child in Need Plan for more than 10 months); domain-spec §1.5 CIN-04 and §1.3 ASS-03 (repeat every 10 months: CFG)',
  verified: true,
  what: 'an updated assessment of the child’s progress on the plan',
  from: 'the plan was agreed or progress was last assessed',
};

export const CHILD_IN_NEED_TIMESCALES: readonly TimescaleRule[] = [CIN_PLAN_AGREED, CIN_REVIEW, CIN_PROGRESS_REVIEW];

/** Amber from this many working days before each due date (CFG: domain-spec §5; not in the seeds). */
export function cinAmberWithinWorkingDays(rule: TimescaleRule): number {
  if (rule.id === CIN_PLAN_AGREED.id) return 3;
  if (rule.id === CIN_PROGRESS_REVIEW.id) return 20;
  return 10;
}

/**
 * The 10-month progress review is listed in "My work" from one month before it is due, so a worker
 * plans the assessment; before that it is shown on the plan page only (CFG).
 */
export const CIN_PROGRESS_REVIEW_PROMPT_MONTHS_BEFORE = 1;

/** The facts of one plan the timescales need (ISO dates). */
export interface PlanDates {
  readonly status: 'draft' | 'active' | 'ended';
  readonly openedOn: string;
  /** The day the first version of the plan was finalised (agreed). */
  readonly agreedOn: string | null;
  readonly lastReviewedOn: string | null;
  readonly lastProgressReviewOn: string | null;
}

export interface CinDue {
  readonly rule: TimescaleRule;
  readonly anchor: LocalDate;
  readonly due: LocalDate;
}

/** CIN-01: while the plan has never been agreed. */
export function planAgreementDue(plan: PlanDates, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): CinDue | null {
  if (plan.status !== 'draft' || plan.agreedOn !== null) return null;
  const anchor = parseLocalDate(plan.openedOn);
  return { rule: CIN_PLAN_AGREED, anchor, due: dueDate(CIN_PLAN_AGREED, anchor, calendar) };
}

/** CIN-02: from the last review held, or from the day the plan was agreed. */
export function nextReviewDue(plan: PlanDates, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): CinDue | null {
  if (plan.status !== 'active' || plan.agreedOn === null) return null;
  const anchor = parseLocalDate(plan.lastReviewedOn ?? plan.agreedOn);
  return { rule: CIN_REVIEW, anchor, due: dueDate(CIN_REVIEW, anchor, calendar) };
}

/** CIN-04: 10 months from the plan being agreed, then 10 months from each progress assessment. */
export function progressReviewDue(plan: PlanDates, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): CinDue | null {
  if (plan.status !== 'active' || plan.agreedOn === null) return null;
  const anchor = parseLocalDate(plan.lastProgressReviewOn ?? plan.agreedOn);
  return { rule: CIN_PROGRESS_REVIEW, anchor, due: dueDate(CIN_PROGRESS_REVIEW, anchor, calendar) };
}

/** Whether "My work" lists the progress review yet (from one month before it is due). */
export function progressReviewPrompted(due: LocalDate, today: LocalDate): boolean {
  return !today.isBefore(due.minusMonths(CIN_PROGRESS_REVIEW_PROMPT_MONTHS_BEFORE));
}

/** Every date due on a plan today, in date order (what the plan page and "My work" show). */
export function dueOnPlan(
  plan: PlanDates,
  today: LocalDate,
  options: { readonly forWorkList: boolean },
  calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR,
): CinDue[] {
  const items: CinDue[] = [];
  const agreement = planAgreementDue(plan, calendar);
  if (agreement !== null) items.push(agreement);
  const review = nextReviewDue(plan, calendar);
  if (review !== null) items.push(review);
  const progress = progressReviewDue(plan, calendar);
  if (progress !== null && (!options.forWorkList || progressReviewPrompted(progress.due, today))) items.push(progress);
  return items.sort((a, b) => a.due.compareTo(b.due));
}

export function cinRag(item: CinDue, today: LocalDate, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): RagStatus {
  return ragStatus(item.due, today, cinAmberWithinWorkingDays(item.rule), calendar);
}
