// What is due next on a child protection plan: the next core group, the next review conference and the
// next statutory visit, each from its rule in ./timescales.ts, with the post-birth variants for a baby
// made subject to a plan before birth (seed 004 §14). Pure: the facts and the calendar are parameters.
import type { LocalDate } from '@js-joda/core';
import type { WorkingDayCalendar } from '../shared/calendar/working-days.ts';
import { STATUTORY_WORKING_DAY_CALENDAR } from '../shared/calendar/working-days.ts';
import { explainDue, type DueExplanation } from '../shared/timescales/rule.ts';
import {
  CP_VISIT,
  FIRST_CORE_GROUP,
  FIRST_REVIEW_CONFERENCE,
  NEXT_CORE_GROUP,
  NEXT_REVIEW_CONFERENCE,
  POST_BIRTH_MEETING,
  POST_BIRTH_MEETING_MOTHER_UNFIT,
  POST_BIRTH_REVIEW_CONFERENCE,
} from './timescales.ts';

export interface PlanFacts {
  /** The day the initial conference made the plan (the plan's start). */
  readonly startedOn: LocalDate;
  /** The plan was made before the child was born. */
  readonly preBirth: boolean;
  /** The child's date of birth, once born (person.date_of_birth). */
  readonly dateOfBirth: LocalDate | null;
  /**
   * Whether the mother was medically fit to attend a meeting in the first 10 days after the birth.
   * null = not recorded (the 10 day rule applies). Recorded with the birth
   * (`birth_record.mother_medically_fit`).
   */
  readonly motherMedicallyFit: boolean | null;
  readonly coreGroupsHeldOn: readonly LocalDate[];
  readonly reviewConferencesHeldOn: readonly LocalDate[];
  /** Days of visits at which the child was seen. */
  readonly childSeenOn: readonly LocalDate[];
}

export type PlanDueKind = 'core-group' | 'review-conference' | 'post-birth-meeting' | 'visit';

export interface PlanDue {
  readonly kind: PlanDueKind;
  readonly explanation: DueExplanation;
}

function latest(dates: readonly LocalDate[], onOrAfter?: LocalDate): LocalDate | null {
  let found: LocalDate | null = null;
  for (const d of dates) {
    if (onOrAfter !== undefined && d.isBefore(onOrAfter)) continue;
    if (found === null || d.isAfter(found)) found = d;
  }
  return found;
}

function earliest(dates: readonly LocalDate[], onOrAfter: LocalDate): LocalDate | null {
  let found: LocalDate | null = null;
  for (const d of dates) {
    if (d.isBefore(onOrAfter)) continue;
    if (found === null || d.isBefore(found)) found = d;
  }
  return found;
}

/** The next core group: 10 working days after the initial conference, then 6 weeks after the last one (CP-01, CP-02). */
export function nextCoreGroup(facts: PlanFacts, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): DueExplanation {
  const last = latest(facts.coreGroupsHeldOn, facts.startedOn);
  return last === null ? explainDue(FIRST_CORE_GROUP, facts.startedOn, calendar) : explainDue(NEXT_CORE_GROUP, last, calendar);
}

/**
 * The next review conference, or for a baby born on a pre-birth plan the first meeting after the
 * birth: within 10 days of birth (20 if the mother is not medically fit) (CP-06); if that meeting was
 * a core group, a review conference within 3 months of it (CP-07); otherwise 3 months after the
 * initial conference (CP-03) and then 6 months after the last review (CP-04).
 */
export function nextReviewConference(facts: PlanFacts, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): PlanDue {
  const lastReview = latest(facts.reviewConferencesHeldOn, facts.startedOn);
  if (facts.preBirth && facts.dateOfBirth !== null) {
    const born = facts.dateOfBirth;
    const firstCoreGroupAfter = earliest(facts.coreGroupsHeldOn, born);
    const firstReviewAfter = earliest(facts.reviewConferencesHeldOn, born);
    if (firstCoreGroupAfter === null && firstReviewAfter === null) {
      const rule = facts.motherMedicallyFit === false ? POST_BIRTH_MEETING_MOTHER_UNFIT : POST_BIRTH_MEETING;
      return { kind: 'post-birth-meeting', explanation: explainDue(rule, born, calendar) };
    }
    if (firstCoreGroupAfter !== null && firstReviewAfter === null) {
      return { kind: 'review-conference', explanation: explainDue(POST_BIRTH_REVIEW_CONFERENCE, firstCoreGroupAfter, calendar) };
    }
  }
  if (lastReview === null) return { kind: 'review-conference', explanation: explainDue(FIRST_REVIEW_CONFERENCE, facts.startedOn, calendar) };
  return { kind: 'review-conference', explanation: explainDue(NEXT_REVIEW_CONFERENCE, lastReview, calendar) };
}

/** The next statutory visit: 10 working days after the child was last seen on a visit, or after the plan started (CP-05). */
export function nextVisit(facts: PlanFacts, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): DueExplanation {
  const last = latest(facts.childSeenOn, facts.startedOn) ?? facts.startedOn;
  return explainDue(CP_VISIT, last, calendar);
}

/** Everything due next on an open plan, earliest first. */
export function planSchedule(facts: PlanFacts, calendar: WorkingDayCalendar = STATUTORY_WORKING_DAY_CALENDAR): readonly PlanDue[] {
  const items: PlanDue[] = [
    { kind: 'core-group', explanation: nextCoreGroup(facts, calendar) },
    nextReviewConference(facts, calendar),
    { kind: 'visit', explanation: nextVisit(facts, calendar) },
  ];
  return items.sort((a, b) => a.explanation.due.compareTo(b.explanation.due));
}
