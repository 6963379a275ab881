// The young carer's needs assessment (seed 004 §17; s17ZA-17ZC Children Act 1989; the Young Carers
// (Needs Assessments) Regulations 2015): who the child cares for and how, its sections, its life (in
// progress -> awaiting authorisation -> authorised, or returned to the worker with comments), what
// must be recorded before it is submitted, and the outcomes it can reach. Pure: today is a parameter.
import type { LocalDate } from '@js-joda/core';

export type YoungCarerStatus = 'in_progress' | 'awaiting_authorisation' | 'authorised';

export const YOUNG_CARER_STATUS_LABELS: Readonly<Record<YoungCarerStatus, string>> = {
  in_progress: 'In progress',
  awaiting_authorisation: 'Awaiting authorisation',
  authorised: 'Authorised',
};

/** Who the child cares for, in relation to the child (seed 004 §17: a parent, a brother or sister, a relative or a friend). */
export const CARED_FOR_RELATIONSHIPS = {
  parent: 'Parent',
  step_parent: 'Step-parent',
  sibling: 'Brother or sister',
  grandparent: 'Grandparent',
  other_relative: 'Other relative',
  friend: 'Friend',
  other: 'Someone else',
} as const;
export type CaredForRelationship = keyof typeof CARED_FOR_RELATIONSHIPS;

/**
 * The person-record relationships (person_relationship, 0004) that map to a cared-for relationship,
 * so a related person picked from the child's record fills it in.
 */
export const CARED_FOR_FROM_PERSON_RELATIONSHIP: Readonly<Record<string, CaredForRelationship>> = {
  parent: 'parent',
  step_parent: 'step_parent',
  sibling: 'sibling',
  half_sibling: 'sibling',
  grandparent: 'grandparent',
  other_relative: 'other_relative',
  carer: 'other',
  connected_person: 'friend',
  partner: 'other',
};

/** Seed 004 §17: a long-term illness, a physical disability, a mental health problem; drink or drugs. */
export const CARED_FOR_NEEDS = {
  long_term_illness: 'Long-term illness',
  physical_disability: 'Physical disability',
  learning_disability: 'Learning disability',
  mental_health: 'Mental health problem',
  substance_misuse: 'Alcohol or drug use',
  other: 'Something else',
} as const;
export type CaredForNeed = keyof typeof CARED_FOR_NEEDS;

/** Seed 004 §17 examples (help to eat or bathe, giving medicine, keeping an eye on someone who drinks or takes drugs) and common others. */
export const CARING_TASKS = {
  personal_care: 'Personal care: helping someone eat, wash, bathe or dress',
  medication: 'Giving or managing medicine',
  emotional_support: 'Emotional support: listening, calming, keeping someone company',
  supervision: 'Keeping an eye on someone (for example if they drink too much or take drugs)',
  household: 'Cooking, cleaning, shopping, laundry',
  sibling_care: 'Looking after brothers or sisters',
  practical: 'Money, bills, appointments',
  interpreting: 'Interpreting or speaking for the family',
} as const;
export type CaringTask = keyof typeof CARING_TASKS;

/** s17ZA(1)-(3): on the young carer's or a parent's request, or where it appears the child may have needs. */
export const REQUESTED_BY = {
  young_carer: 'The young carer',
  parent: 'A parent',
  person_cared_for: 'The person cared for',
  school: 'School or college',
  health: 'A health professional',
  adult_social_care: 'Adult social care',
  young_carers_service: 'The young carers’ service',
  other_professional: 'Another professional',
  local_authority: 'Children’s social care (it appeared the child may have needs for support)',
} as const;
export type RequestedBy = keyof typeof REQUESTED_BY;

/** The most hours a week of caring Hearth accepts (there are 168 hours in a week). */
export const MAX_HOURS_PER_WEEK = 168;

/**
 * The written sections, in the order of the Young Carers (Needs Assessments) Regulations 2015 and
 * s17ZA Children Act 1989. The assessment must look at: the caring the child does and how much
 * (the amount, nature and type of care and how far the family relies on it); whether it is
 * appropriate for the child to provide it, having regard to whether any task is excessive or
 * inappropriate for the child's age, sex, wishes and feelings (s17ZA(8), reg 2); the impact on the
 * child's wellbeing; the extent to which they take part in, or wish to take part in, education,
 * training and recreation, and whether they work or wish to work (s17ZA(9)); their wishes, feelings
 * and the outcomes they want; the views of the parents and the person cared for (who must be
 * consulted); and whether the young carer's needs could be prevented by services for the person cared
 * for or another member of the family (reg 2). The outcome follows seed 004 §17: support for the
 * young carer, Young Carers MK, and Adult Services where the person cared for is an adult.
 * (Hearth's short wording; the regulation numbers were not re-read against legislation.gov.uk in this
 * pass, domain-spec §0.2 †.)
 */
export const YOUNG_CARER_SECTIONS = {
  caringRole: {
    title: 'The caring role',
    hint: 'What the young carer does, how often and for how long, since when, and how much the family relies on it.',
  },
  appropriateness: {
    title: 'Whether the caring is appropriate',
    hint: 'Any task that is excessive or inappropriate for their age, sex, wishes and feelings, and whether they should continue to provide it.',
  },
  wellbeingImpact: {
    title: 'Impact on the young carer’s wellbeing',
    hint: 'Physical and emotional health, sleep, friendships, worries about the person they look after, any risk of harm.',
  },
  educationEmployment: {
    title: 'Education, training and work',
    hint: 'Attendance, lateness, homework and exams; training; whether they work or wish to work, and what gets in the way.',
  },
  leisure: {
    title: 'Leisure and recreation',
    hint: 'Sports, hobbies, time with friends, and what they miss because of caring (seed 004 §17).',
  },
  youngCarerViews: {
    title: 'The young carer’s wishes and views',
    hint: 'In their words: what they want to keep doing, what they want to change, and the outcomes they want.',
  },
  familyViews: {
    title: 'The views of the family and the person cared for',
    hint: 'The parents and the person cared for must be consulted. Record where their views differ from the young carer’s.',
  },
  servicesForCaredFor: {
    title: 'Services for the person cared for',
    hint: 'Whether the young carer’s needs could be prevented or reduced by services for the person cared for or another family member (adult social care, health, short breaks).',
  },
  needsIdentified: {
    title: 'Needs for support identified',
    hint: 'The young carer’s needs for support, and what would meet them.',
  },
} as const;

export type YoungCarerSection = keyof typeof YOUNG_CARER_SECTIONS;
export const YOUNG_CARER_SECTION_KEYS = Object.keys(YOUNG_CARER_SECTIONS) as readonly YoungCarerSection[];
export const YOUNG_CARER_SECTION_MAX_LENGTH = 20000;

/** The worker's judgement the Regulations ask for: is the caring appropriate for this child? */
export const CARE_APPROPRIATE = {
  appropriate: 'The caring is appropriate for the young carer to continue, with support',
  excessive_or_inappropriate: 'Some caring is excessive or inappropriate for the young carer',
} as const;
export type CareAppropriate = keyof typeof CARE_APPROPRIATE;

/** Whether the young carer wishes to continue caring (s17ZA(8): in the light of their needs and wishes). */
export const WISHES_TO_CONTINUE = {
  yes: 'Yes, as now',
  with_less: 'Yes, but doing less',
  no: 'No',
  not_sure: 'Not sure',
} as const;
export type WishesToContinue = keyof typeof WISHES_TO_CONTINUE;

/**
 * Outcomes (seed 004 §17): a support plan for the young carer; signposting to Young Carers MK, the
 * specialist service; a referral to Adult Services (the Access Team) for a needs assessment of the
 * adult cared for; or no further action. More than one may apply, except no further action.
 */
export const YOUNG_CARER_OUTCOMES = {
  support_plan: 'Support plan for the young carer',
  signpost_young_carers_service: 'Signpost to the young carers’ service (Young Carers MK)',
  adult_care_assessment_referral: 'Referral to Adult Services (Access Team) for a needs assessment of the person cared for',
  no_further_action: 'No further action',
} as const;
export type YoungCarerOutcome = keyof typeof YOUNG_CARER_OUTCOMES;

const has = (table: object, value: string): boolean => Object.hasOwn(table, value);
export const isCaredForRelationship = (v: string): v is CaredForRelationship => has(CARED_FOR_RELATIONSHIPS, v);
export const isCaredForNeed = (v: string): v is CaredForNeed => has(CARED_FOR_NEEDS, v);
export const isCaringTask = (v: string): v is CaringTask => has(CARING_TASKS, v);
export const isRequestedBy = (v: string): v is RequestedBy => has(REQUESTED_BY, v);
export const isCareAppropriate = (v: string): v is CareAppropriate => has(CARE_APPROPRIATE, v);
export const isWishesToContinue = (v: string): v is WishesToContinue => has(WISHES_TO_CONTINUE, v);
export const isYoungCarerOutcome = (v: string): v is YoungCarerOutcome => has(YOUNG_CARER_OUTCOMES, v);

export const YOUNG_CARER_MESSAGES = {
  section: (title: string) => `Enter ${title.charAt(0).toLowerCase()}${title.slice(1)}`,
  seenOn: 'Enter the date you saw the young carer: they must be seen before the assessment is submitted',
  seenBeforeRequest: 'The date you saw the young carer must be on or after the date the assessment was requested',
  seenInFuture: 'The date you saw the young carer must be today or in the past',
  careAppropriate: 'Select whether the caring is appropriate for the young carer',
  outcomes: 'Select the outcome of the assessment',
  nfaAlone: '“No further action” cannot be selected with other outcomes',
  adultReferralNeedsAdult: 'A referral to Adult Services is for an adult cared for: the person cared for is recorded as a child',
  requestedInFuture: 'The date the assessment was requested must be today or in the past',
  requestedBeforeBirth: 'The date the assessment was requested must be on or after the child’s date of birth',
  reviewedBeforePlan: 'The date of the review must be on or after the support plan was agreed or last reviewed',
  reviewedInFuture: 'The date of the review must be today or in the past',
} as const;

/**
 * The request date: not in the future, and not before the child was born (a young carer is a child
 * who cares; with no date of birth recorded, not before the working-day calendar's first year).
 */
export function requestDateProblem(requestedOn: LocalDate, today: LocalDate, dateOfBirth: LocalDate | null, earliestYear: number): string | null {
  if (requestedOn.isAfter(today)) return YOUNG_CARER_MESSAGES.requestedInFuture;
  if (dateOfBirth !== null ? requestedOn.isBefore(dateOfBirth) : requestedOn.year() < earliestYear) return YOUNG_CARER_MESSAGES.requestedBeforeBirth;
  return null;
}

/** A support plan review's date: not before the plan was agreed (or last reviewed), not in the future. */
export function planReviewDateProblem(reviewedOn: LocalDate, reviewFrom: LocalDate, today: LocalDate): string | null {
  if (reviewedOn.isBefore(reviewFrom)) return YOUNG_CARER_MESSAGES.reviewedBeforePlan;
  if (reviewedOn.isAfter(today)) return YOUNG_CARER_MESSAGES.reviewedInFuture;
  return null;
}

export interface YoungCarerContent {
  readonly sections: Readonly<Record<YoungCarerSection, string>>;
  /** ISO date; null when not yet recorded. */
  readonly youngCarerSeenOn: string | null;
  readonly careAppropriate: CareAppropriate | null;
  readonly wishesToContinueCaring: WishesToContinue | null;
  readonly outcomes: readonly YoungCarerOutcome[];
}

/** What even a draft must respect: a seen date that makes sense, and a coherent set of outcomes. */
export function draftProblems(
  content: Pick<YoungCarerContent, 'youngCarerSeenOn' | 'outcomes'>,
  context: { readonly requestedOn: LocalDate; readonly today: LocalDate; readonly caredForIsAdult: boolean },
  parse: (iso: string) => LocalDate,
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (content.youngCarerSeenOn !== null) {
    const seen = parse(content.youngCarerSeenOn);
    if (seen.isBefore(context.requestedOn)) problems['youngCarerSeenOn'] = YOUNG_CARER_MESSAGES.seenBeforeRequest;
    else if (seen.isAfter(context.today)) problems['youngCarerSeenOn'] = YOUNG_CARER_MESSAGES.seenInFuture;
  }
  if (content.outcomes.includes('no_further_action') && content.outcomes.length > 1) problems['outcomes'] = YOUNG_CARER_MESSAGES.nfaAlone;
  else if (content.outcomes.includes('adult_care_assessment_referral') && !context.caredForIsAdult)
    problems['outcomes'] = YOUNG_CARER_MESSAGES.adultReferralNeedsAdult;
  return problems;
}

/**
 * What stops a worker submitting: every section written (each is a matter the Act or the Regulations
 * require the assessment to consider), the young carer seen, the judgement on whether the caring is
 * appropriate, and an outcome.
 */
export function submissionProblems(
  content: YoungCarerContent,
  context: { readonly requestedOn: LocalDate; readonly today: LocalDate; readonly caredForIsAdult: boolean },
  parse: (iso: string) => LocalDate,
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const key of YOUNG_CARER_SECTION_KEYS) {
    if (content.sections[key].trim() === '') problems[key] = YOUNG_CARER_MESSAGES.section(YOUNG_CARER_SECTIONS[key].title);
  }
  if (content.youngCarerSeenOn === null) problems['youngCarerSeenOn'] = YOUNG_CARER_MESSAGES.seenOn;
  if (content.careAppropriate === null) problems['careAppropriate'] = YOUNG_CARER_MESSAGES.careAppropriate;
  if (content.outcomes.length === 0) problems['outcomes'] = YOUNG_CARER_MESSAGES.outcomes;
  return { ...problems, ...draftProblems(content, context, parse) };
}

/** Which status changes are allowed (the worker submits; the manager returns or authorises). */
export const YOUNG_CARER_TRANSITIONS = {
  submit: { from: 'in_progress', to: 'awaiting_authorisation' },
  return: { from: 'awaiting_authorisation', to: 'in_progress' },
  authorise: { from: 'awaiting_authorisation', to: 'authorised' },
} as const satisfies Record<string, { from: YoungCarerStatus; to: YoungCarerStatus }>;

export type YoungCarerTransition = keyof typeof YOUNG_CARER_TRANSITIONS;

export function canTransition(status: YoungCarerStatus, transition: YoungCarerTransition): boolean {
  return YOUNG_CARER_TRANSITIONS[transition].from === status;
}

export function isEditable(status: YoungCarerStatus): boolean {
  return status === 'in_progress';
}

/** Seed 004 §17: which service leads the assessment, by who is cared for. */
export function leadService(caredForIsAdult: boolean): string {
  return caredForIsAdult
    ? 'Adult Services lead where the person cared for is an adult (contact: the Access Team); children’s services contribute (seed 004 §17).'
    : 'Children’s Services lead where the person cared for is a disabled child (contact: the MASH); Adult Services contribute (seed 004 §17).';
}
