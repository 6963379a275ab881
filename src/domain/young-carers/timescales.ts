// Young carers' needs assessment timescales (domain-spec §1.3 ASS-06). Each rule is computed by the
// shared kernel (src/domain/shared/timescales/rule.ts) and shown with its explanation wherever its date
// appears: the assessment's page, the child's list and My work.
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
 * YC-01 (domain-spec ASS-06). Neither seed 004 §17 nor s17ZA-17ZC Children Act 1989 and the Young
 * Carers (Needs Assessments) Regulations 2015 set a time limit for a young carer's needs assessment:
 * the Act only requires the local authority to carry one out on request or where it appears the
 * child may have needs for support. Hearth applies the analyst's configurable default (CFG): the same
 * maximum as a child and family assessment, 45 working days, because Working Together to Safeguard
 * Children 2023 (chapter 3) asks local areas to combine the young carer's assessment with other
 * assessments of the child and family where it can, and the 45 working days are the maximum for
 * those (ASS-01, src/domain/assessments/timescales.ts). The clock runs from the day the assessment was
 * requested (or the need for one appeared), which the worker records when starting it. The WT2023
 * wording was not re-read against the published text in this pass (domain-spec §0.2 †).
 */
export const YOUNG_CARER_ASSESSMENT_COMPLETION: TimescaleRule = {
  id: 'YC-01',
  trigger: 'young-carer-assessment.requested',
  due: 'young-carer-assessment.authorised',
  amount: 45,
  unit: 'WD',
  anchor: 'event',
  responsible: 'SW',
  basis: ['SEED', 'CFG'],
  source:
    'Seed 004 §17 (young carers); s17ZA Children Act 1989 and the Young Carers (Needs Assessments) Regulations 2015 set no time limit, so the 45 working days of a child and family assessment apply (CFG; domain-spec §1.3 ASS-06; Working Together to Safeguard Children 2023, chapter 3)',
  verified: false,
  what: 'the young carer’s needs assessment (completed and authorised)',
  from: 'the assessment was requested or the need for one appeared',
};

/**
 * YC-02. A support plan agreed from the assessment is reviewed within 3 months of authorisation. The
 * seeds and the 2015 Regulations set no review interval: 3 months is the analyst's default (CFG), the
 * interval Hearth already uses for child in need plan reviews (domain-spec CIN-02) and early help
 * plan reviews (EH-02), so a young carer's support is looked at again as often as a child in need's.
 */
export const YOUNG_CARER_SUPPORT_PLAN_REVIEW: TimescaleRule = {
  id: 'YC-02',
  trigger: 'young-carer-assessment.authorised.support_plan',
  due: 'young-carer-support-plan.reviewed',
  amount: 3,
  unit: 'M',
  anchor: 'event',
  responsible: 'SW',
  basis: ['CFG'],
  source:
    'No interval in seed 004 §17 or the Young Carers (Needs Assessments) Regulations 2015; 3 months as child in need (CIN-02) and early help (EH-02) plan reviews (CFG)',
  verified: false,
  what: 'a review of the young carer’s support plan',
  from: 'the assessment was authorised',
};

export const YOUNG_CARER_TIMESCALES: readonly TimescaleRule[] = [YOUNG_CARER_ASSESSMENT_COMPLETION, YOUNG_CARER_SUPPORT_PLAN_REVIEW];

/** Amber from 10 working days before the assessment is due, as for child and family assessments (CFG). */
export const YOUNG_CARER_AMBER_WITHIN_WORKING_DAYS = 10;

export function youngCarerAssessmentDueOn(requestedOn: LocalDate, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): LocalDate {
  return dueDate(YOUNG_CARER_ASSESSMENT_COMPLETION, requestedOn, calendar);
}

export function explainYoungCarerAssessmentDue(requestedOn: LocalDate, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): DueExplanation {
  return explainDue(YOUNG_CARER_ASSESSMENT_COMPLETION, requestedOn, calendar);
}

export function youngCarerAssessmentRag(requestedOn: LocalDate, today: LocalDate, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): RagStatus {
  return ragStatus(youngCarerAssessmentDueOn(requestedOn, calendar), today, YOUNG_CARER_AMBER_WITHIN_WORKING_DAYS, calendar);
}

/** Whether an assessment authorised on `authorisedOn` met YC-01, and in how many working days. */
export function youngCarerAssessmentTimeliness(
  requestedOn: LocalDate,
  authorisedOn: LocalDate,
  calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR,
): Timeliness {
  return timelinessOf(requestedOn, youngCarerAssessmentDueOn(requestedOn, calendar), authorisedOn, calendar);
}

export function supportPlanReviewDueOn(authorisedOn: LocalDate, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): LocalDate {
  return dueDate(YOUNG_CARER_SUPPORT_PLAN_REVIEW, authorisedOn, calendar);
}

export function explainSupportPlanReviewDue(authorisedOn: LocalDate, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): DueExplanation {
  return explainDue(YOUNG_CARER_SUPPORT_PLAN_REVIEW, authorisedOn, calendar);
}
