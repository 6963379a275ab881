// The child and family assessment under s17 Children Act 1989 (seed 004 §2, §6, §8; domain-spec §1.3,
// BR-03): its sections, its life (in progress -> awaiting authorisation -> authorised, or returned to
// the worker with comments), and what must be recorded before a worker may submit it to the manager.
import type { LocalDate } from '@js-joda/core';
import { assessmentFactorsProblem, type FactorProblem } from '../shared/codes/dfe/assessment-factors.ts';
import { isPrimaryNeed } from '../shared/codes/dfe/primary-need.ts';

export type AssessmentStatus = 'in_progress' | 'awaiting_authorisation' | 'authorised';

export const ASSESSMENT_STATUS_LABELS: Readonly<Record<AssessmentStatus, string>> = {
  in_progress: 'In progress',
  awaiting_authorisation: 'Awaiting authorisation',
  authorised: 'Authorised',
};

/**
 * Seed 004 §8: at allocation the MASH social worker and the team manager reflect on these points to
 * plan the assessment (Hearth's short wording of each bullet, in the seed's order).
 */
export const PLANNING_CHECKLIST = {
  why_referred: 'Why the referral was made, the alleged or suspected risks, concerns and gaps in information',
  information_sharing: 'What information needs to be shared with the parents or carers and key agencies',
  consent_for_checks: 'Consent obtained, where appropriate, for the relevant checks',
  language_culture: 'The child’s and family’s language, cultural and communication needs',
  access_child_views: 'How to see the child and how the child’s views will be obtained',
  non_resident_parents: 'How non-resident parents’ and carers’ views will be sought',
  contributing_agencies: 'Which agencies need to contribute to the assessment',
  parental_needs: 'Communication with parents with learning disabilities, mental health, alcohol or substance misuse challenges',
  child_first: 'The Milton Keynes Child First guidance is followed',
  violence_safety_plan: 'Violence in the home and what an immediate safety plan should look like',
  unborn_non_resident_children: 'The needs of unborn children and non-resident children of the adult carers',
  contingency: 'Contingency plans for new information or circumstances that increase risk',
  exploitation: 'Social and environmental factors affecting the risk of criminal and sexual exploitation',
  family_history: 'The family history: past harm, repeated patterns and involvement with services',
} as const;

export type PlanningItem = keyof typeof PLANNING_CHECKLIST;

export const PLANNING_ITEMS = Object.keys(PLANNING_CHECKLIST) as readonly PlanningItem[];

export function isPlanningItem(value: string): value is PlanningItem {
  return Object.hasOwn(PLANNING_CHECKLIST, value);
}

/**
 * The written sections: the assessment triangle (Framework for the Assessment of Children in Need and
 * their Families, as Working Together 2023 ch.3 keeps it), the child's voice and lived experience
 * (seed 004 §6 Child First: Hear, Empower, Listen, Protect), strengths and worries (§6), the analysis,
 * and a letter written to the child in plain language (§6: "succinct and written in plain English").
 */
export const ASSESSMENT_SECTIONS = {
  planningNotes: { title: 'Planning the assessment', hint: 'What the worker and team manager agreed at allocation (seed 004 §8).', requiredToSubmit: false },
  childDevelopment: {
    title: 'The child’s developmental needs',
    hint: 'Health, education, emotional and behavioural development, identity, family and social relationships, self-care.',
    requiredToSubmit: true,
  },
  parentingCapacity: {
    title: 'Parenting capacity',
    hint: 'Basic care, safety, emotional warmth, stimulation, guidance and boundaries, stability. Include non-resident parents.',
    requiredToSubmit: true,
  },
  familyEnvironment: {
    title: 'Family and environmental factors',
    hint: 'Family history and functioning, wider family, housing, employment, income, social integration, community resources.',
    requiredToSubmit: true,
  },
  childVoice: {
    title: 'The child’s voice and lived experience',
    hint: 'Hear, Empower, Listen, Protect: what the child said, how, and what a day in their life is like, at home and online.',
    requiredToSubmit: true,
  },
  strengths: {
    title: 'Strengths and protective factors',
    hint: 'What is working well, the family’s support network and how they have coped.',
    requiredToSubmit: true,
  },
  worries: { title: 'Worries', hint: 'What we are worried about, including worries the children expressed directly.', requiredToSubmit: true },
  analysis: {
    title: 'Analysis',
    hint: 'What this means for the child, what needs to change, by when (in the child’s timescale), and the recommendation.',
    requiredToSubmit: true,
  },
  letterToChild: {
    title: 'Letter to the child',
    hint: 'The assessment written to the child, in plain language they can read or have read to them.',
    requiredToSubmit: false,
  },
} as const;

export type AssessmentSection = keyof typeof ASSESSMENT_SECTIONS;

export const SECTION_KEYS = Object.keys(ASSESSMENT_SECTIONS) as readonly AssessmentSection[];

/** Long enough for a thorough section, short enough to stay one record (characters). */
export const SECTION_MAX_LENGTH = 20000;

export interface AssessmentContent {
  readonly sections: Readonly<Record<AssessmentSection, string>>;
  readonly planningChecklist: readonly string[];
  /** ISO dates; null when not yet recorded. */
  readonly childSeenOn: string | null;
  readonly childSeenAloneOn: string | null;
  /** Why the child was not seen alone (too young, non-verbal, refused...), when there is no date. */
  readonly notSeenAloneReason: string | null;
  readonly factors: readonly string[];
  readonly primaryNeed: string | null;
}

export const SUBMISSION_MESSAGES = {
  section: (title: string) => `Enter ${title.charAt(0).toLowerCase()}${title.slice(1)}`,
  childSeenOn: 'Enter the date the child was seen: the child must be seen before the assessment is submitted',
  childSeenAlone: 'Enter the date the child was seen alone, or why they were not seen alone',
  seenBeforeReferral: 'The date the child was seen must be on or after the referral date',
  seenAloneBeforeReferral: 'The date the child was seen alone must be on or after the referral date',
  seenInFuture: 'The date the child was seen must be today or in the past',
  seenAloneInFuture: 'The date the child was seen alone must be today or in the past',
  factors: {
    'none-selected': 'Select the factors identified at the end of the assessment, or “No factors identified”',
    unknown: 'Select factors from the list',
    legacy: 'Factors 18A and 19A are no longer used: choose 18B or 18C, 19B or 19C',
    'no-factors-combined': '“No factors identified” cannot be selected with other factors',
  } satisfies Record<FactorProblem, string>,
  primaryNeed: 'Select the child’s primary need',
} as const;

/** Dates recorded on a draft must already make sense (not before the referral, not in the future). */
export function seenDateProblems(
  content: Pick<AssessmentContent, 'childSeenOn' | 'childSeenAloneOn'>,
  referredOn: LocalDate,
  today: LocalDate,
  parse: (iso: string) => LocalDate,
): Record<string, string> {
  const problems: Record<string, string> = {};
  const check = (iso: string | null, field: string, before: string, future: string) => {
    if (iso === null) return;
    const date = parse(iso);
    if (date.isBefore(referredOn)) problems[field] = before;
    else if (date.isAfter(today)) problems[field] = future;
  };
  check(content.childSeenOn, 'childSeenOn', SUBMISSION_MESSAGES.seenBeforeReferral, SUBMISSION_MESSAGES.seenInFuture);
  check(content.childSeenAloneOn, 'childSeenAloneOn', SUBMISSION_MESSAGES.seenAloneBeforeReferral, SUBMISSION_MESSAGES.seenAloneInFuture);
  return problems;
}

/**
 * What stops a worker submitting the assessment for authorisation: every required section written,
 * the child seen (seed 004 §8: visits to the child; §6: the child at the centre) and seen alone or the
 * reason why not, the DfE factors (BR-05, BR-06) and a primary need code (domain-spec §3.3).
 */
export function submissionProblems(
  content: AssessmentContent,
  referredOn: LocalDate,
  today: LocalDate,
  parse: (iso: string) => LocalDate,
): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const key of SECTION_KEYS) {
    const section = ASSESSMENT_SECTIONS[key];
    if (section.requiredToSubmit && content.sections[key].trim() === '') problems[key] = SUBMISSION_MESSAGES.section(section.title);
  }
  if (content.childSeenOn === null) problems['childSeenOn'] = SUBMISSION_MESSAGES.childSeenOn;
  if (content.childSeenAloneOn === null && (content.notSeenAloneReason ?? '').trim() === '') problems['childSeenAloneOn'] = SUBMISSION_MESSAGES.childSeenAlone;
  Object.assign(problems, seenDateProblems(content, referredOn, today, parse));
  const factorProblem = assessmentFactorsProblem(content.factors);
  if (factorProblem !== null) problems['factors'] = SUBMISSION_MESSAGES.factors[factorProblem];
  if (content.primaryNeed === null || !isPrimaryNeed(content.primaryNeed)) problems['primaryNeed'] = SUBMISSION_MESSAGES.primaryNeed;
  return problems;
}

/** Which status changes are allowed, and by whom (the worker submits; the manager returns or authorises). */
export const ASSESSMENT_TRANSITIONS = {
  submit: { from: 'in_progress', to: 'awaiting_authorisation' },
  return: { from: 'awaiting_authorisation', to: 'in_progress' },
  authorise: { from: 'awaiting_authorisation', to: 'authorised' },
} as const satisfies Record<string, { from: AssessmentStatus; to: AssessmentStatus }>;

export type AssessmentTransition = keyof typeof ASSESSMENT_TRANSITIONS;

export function canTransition(status: AssessmentStatus, transition: AssessmentTransition): boolean {
  return ASSESSMENT_TRANSITIONS[transition].from === status;
}

/** Only an assessment in progress may be edited (a submitted one waits for the manager). */
export function isEditable(status: AssessmentStatus): boolean {
  return status === 'in_progress';
}
