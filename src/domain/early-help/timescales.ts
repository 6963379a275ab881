// Targeted early help timescales: domain-spec §1.1 EH-02. Seed 004 §7 sets none (it says who does the
// Signs of Safety wellbeing assessment and that referrals need consent), and there is no national
// timescale for early help, so both are configurable defaults (CFG) the domain-spec gives.
import type { LocalDate } from '@js-joda/core';
import type { WorkingDayCalendar } from '../shared/calendar/working-days.ts';
import { STATUTORY_WORKING_DAY_CALENDAR } from '../shared/calendar/working-days.ts';
import { dueDate, explainDue, type DueExplanation, type TimescaleRule } from '../shared/timescales/rule.ts';

/**
 * EH-02. The Signs of Safety wellbeing assessment for a level 3 need, within 45 working days of the
 * early help referral. Seed 004 §7 (Targeted Early Help carry out the wellbeing assessment); the
 * 45 working days are domain-spec §1.1's configured default (CFG), mirroring the child and family
 * assessment, because neither the seed nor statute gives one.
 */
export const WELLBEING_ASSESSMENT: TimescaleRule = {
  id: 'EH-02',
  trigger: 'early-help-referral.made',
  due: 'early-help.wellbeing-assessment',
  amount: 45,
  unit: 'WD',
  anchor: 'event',
  responsible: 'TEH',
  basis: ['SEED', 'CFG'],
  source:
    'Seed 004 §7 (Targeted Early Help: Signs of Safety wellbeing assessment); timescale CFG: 45 working days (domain-spec §1.1 EH-02, no national timescale)',
  verified: false,
  what: 'the wellbeing assessment',
  from: 'the early help referral was made',
};

/**
 * EH-02 review. The early help plan is reviewed at least every 3 months: from the day it was agreed,
 * then from each review. Configured default (CFG, domain-spec §1.1 EH-01/EH-02 "review ≤3 M"); the
 * seed sets no review interval.
 */
export const PLAN_REVIEW: TimescaleRule = {
  id: 'EH-02-REVIEW',
  trigger: 'early-help-plan.agreed',
  due: 'early-help.plan-review',
  amount: 3,
  unit: 'M',
  anchor: 'previous_occurrence',
  repeat: { amount: 3, unit: 'M', until: 'early help closed' },
  responsible: 'TEH',
  basis: ['CFG'],
  source: 'Timescale CFG: review at least every 3 months (domain-spec §1.1 EH-02); seed 004 §7 sets no review interval',
  verified: false,
  what: 'a review of the early help plan',
  from: 'the plan was agreed or last reviewed',
};

/** Amber from 5 working days before an early help date is due (CFG: the seeds set no RAG for early help). */
export const EARLY_HELP_AMBER_WITHIN_WORKING_DAYS = 5;

export const EARLY_HELP_TIMESCALES: readonly TimescaleRule[] = [WELLBEING_ASSESSMENT, PLAN_REVIEW];

export function wellbeingAssessmentDueOn(referredOn: LocalDate, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): LocalDate {
  return dueDate(WELLBEING_ASSESSMENT, referredOn, calendar);
}

export function explainWellbeingAssessmentDue(referredOn: LocalDate, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): DueExplanation {
  return explainDue(WELLBEING_ASSESSMENT, referredOn, calendar);
}

/** The next review of a plan agreed, or last reviewed, on `from`. */
export function planReviewDueOn(from: LocalDate, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): LocalDate {
  return dueDate(PLAN_REVIEW, from, calendar);
}

export function explainPlanReviewDue(from: LocalDate, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): DueExplanation {
  return explainDue(PLAN_REVIEW, from, calendar);
}
