// Assessment timescales: domain-spec §1.3 (ASS-01) and the next steps an authorised assessment opens
// (domain-spec §1.3 ASS-02, §1.4 S47-01, §1.5 CIN-01). Each rule is computed by the shared kernel
// (src/domain/shared/timescales/rule.ts) and shown with its explanation wherever its date appears.
import type { LocalDate } from '@js-joda/core';
import type { WorkingDayCalendar } from '../shared/calendar/working-days.ts';
import { STATUTORY_WORKING_DAY_CALENDAR } from '../shared/calendar/working-days.ts';
import {
  dueDate,
  explainDue,
  ragStatus,
  timelinessOf,
  type DueExplanation,
  type RagStatus,
  type Timeliness,
  type TimescaleRule,
} from '../shared/timescales/rule.ts';

/**
 * ASS-01. The child and family assessment is completed and authorised within 45 working days of the
 * referral. Seed 004 §8: "The assessment should take no longer than 45 working days to complete."
 * Working Together to Safeguard Children 2023, chapter 3 (assessments of children in need): the
 * maximum timeframe for the assessment to conclude, such that it is possible to reach a decision on
 * next steps, is 45 working days "from the point of referral". The anchor is therefore the referral
 * date Hearth records when the MASH decides a contact needs a social care assessment
 * (`referral.referred_on`, the CIN census referral date; domain-spec §4.1 REFERRAL: "ASS-01 clock
 * starts"), not the day the contact first arrived. The WT2023 paragraph number was not re-read against
 * the published text in this pass (domain-spec §0.2 †).
 */
export const ASSESSMENT_COMPLETION: TimescaleRule = {
  id: 'ASS-01',
  trigger: 'referral.accepted',
  due: 'assessment.authorised',
  amount: 45,
  unit: 'WD',
  anchor: 'event',
  responsible: 'FST',
  basis: ['SEED', 'SG'],
  source: 'Seed 004 §8 (no longer than 45 working days); Working Together to Safeguard Children 2023, chapter 3 (45 working days from the point of referral)',
  verified: false,
  what: 'the child and family assessment (completed and authorised)',
  from: 'the referral was accepted by children’s social care',
};

/**
 * CIN-01. Where the assessment concludes that s17 services are needed, a Family Support Meeting agrees
 * the child in need plan. MK online manual 3.1 "Child in Need Plans and Reviews" (chapter listed in
 * seed 002 §3.1); the 10 working days are the analyst's proposed default (domain-spec §1.5, CFG).
 */
export const CHILD_IN_NEED_PLAN_AGREED: TimescaleRule = {
  id: 'CIN-01',
  trigger: 'assessment.authorised.cin_plan',
  due: 'cin-plan.agreed',
  amount: 10,
  unit: 'WD',
  anchor: 'event',
  responsible: 'SW',
  basis: ['MK', 'CFG'],
  source: 'MK procedure manual 3.1 Child in Need Plans and Reviews (seed 002 §3.1); timing CFG (domain-spec §1.5 CIN-01)',
  verified: false,
  what: 'a Family Support Meeting agreeing the child in need plan',
  from: 'the assessment was authorised',
};

/**
 * S47-01. Where the assessment finds reasonable cause to suspect significant harm, a strategy
 * discussion. Seed 004 §9; the one working day is the analyst's default (domain-spec §1.4 S47-01, CFG:
 * same working day if the risk is immediate, otherwise within one working day of the decision).
 */
export const STRATEGY_DISCUSSION_HELD: TimescaleRule = {
  id: 'S47-01',
  trigger: 'assessment.authorised.strategy_s47',
  due: 'strategy-discussion.held',
  amount: 1,
  unit: 'WD',
  anchor: 'event',
  responsible: 'TM',
  basis: ['SEED', 'CFG'],
  source: 'Seed 004 §9; timing CFG (domain-spec §1.4 S47-01: within 1 working day of the decision)',
  verified: false,
  what: 'a strategy discussion',
  from: 'the assessment was authorised',
};

/**
 * ASS-02 for accommodation. When the assessment concludes the child needs accommodation under s20
 * Children Act 1989 (seed 004 §8), the decision to look after and the placement follow without delay;
 * no date is stated, so the analyst's default (CFG) is that they are recorded by the next working day.
 */
export const ACCOMMODATION_DECISION: TimescaleRule = {
  id: 'ASS-02-S20',
  trigger: 'assessment.authorised.accommodation_s20',
  due: 'accommodation.decided',
  amount: 1,
  unit: 'WD',
  anchor: 'event',
  responsible: 'TM',
  basis: ['SEED', 'CFG'],
  source: 'Seed 004 §8 (assessment determines whether the child requires accommodation under s20); domain-spec §4.2 T10; timing CFG (by the next working day)',
  verified: false,
  what: 'the decision to accommodate under section 20 and the placement',
  from: 'the assessment was authorised',
};

/**
 * ASS-02 for a specialist service. Seed 004 §8 leaves the referral on to a specialist service (the
 * Children with Disabilities Team, §13; Youth Justice, §18; ...) to the plan; 5 working days is the
 * analyst's proposed default (CFG), shown with the next step so it cannot be lost.
 */
export const SPECIALIST_REFERRAL_MADE: TimescaleRule = {
  id: 'ASS-02-SPEC',
  trigger: 'assessment.authorised.specialist_service',
  due: 'specialist-service.referred',
  amount: 5,
  unit: 'WD',
  anchor: 'event',
  responsible: 'SW',
  basis: ['SEED', 'CFG'],
  source: 'Seed 004 §8, §13, §18; timing CFG (no timescale stated in the seeds)',
  verified: false,
  what: 'the referral to the specialist service',
  from: 'the assessment was authorised',
};

export const ASSESSMENT_TIMESCALES: readonly TimescaleRule[] = [
  ASSESSMENT_COMPLETION,
  CHILD_IN_NEED_PLAN_AGREED,
  STRATEGY_DISCUSSION_HELD,
  ACCOMMODATION_DECISION,
  SPECIALIST_REFERRAL_MADE,
];

/**
 * Amber from 10 working days before the assessment is due: two working weeks to finish the analysis
 * and have it authorised (CFG; domain-spec §5: local RAG thresholds are not in the seeds).
 */
export const ASSESSMENT_AMBER_WITHIN_WORKING_DAYS = 10;

export function assessmentDueOn(referredOn: LocalDate, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): LocalDate {
  return dueDate(ASSESSMENT_COMPLETION, referredOn, calendar);
}

export function explainAssessmentDue(referredOn: LocalDate, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): DueExplanation {
  return explainDue(ASSESSMENT_COMPLETION, referredOn, calendar);
}

export function assessmentRag(referredOn: LocalDate, today: LocalDate, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): RagStatus {
  return ragStatus(assessmentDueOn(referredOn, calendar), today, ASSESSMENT_AMBER_WITHIN_WORKING_DAYS, calendar);
}

/** Whether an assessment authorised on `authorisedOn` met ASS-01, and in how many working days. */
export function assessmentTimeliness(
  referredOn: LocalDate,
  authorisedOn: LocalDate,
  calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR,
): Timeliness {
  return timelinessOf(referredOn, assessmentDueOn(referredOn, calendar), authorisedOn, calendar);
}
