// What an authorised child and family assessment concludes (seed 004 §8 "Completed assessments will
// determine..."; domain-spec §1.3 ASS-02 and the journey transitions §4.2 T9-T13), and the specialist
// services an assessment may refer on to (seed 004 §13, §15, §17, §18, §19, §20; seed 000 team remits).
import type { PrimaryNeed } from '../shared/codes/dfe/primary-need.ts';
import type { TimescaleRule } from '../shared/timescales/rule.ts';
import { ACCOMMODATION_DECISION, CHILD_IN_NEED_PLAN_AGREED, SPECIALIST_REFERRAL_MADE, STRATEGY_DISCUSSION_HELD } from './timescales.ts';

export const ASSESSMENT_OUTCOMES = {
  nfa: 'No further action',
  step_down_early_help: 'Step down to targeted early help',
  cin_plan: 'Child in need plan (section 17)',
  accommodation_s20: 'Accommodation (section 20)',
  strategy_s47: 'Strategy discussion and section 47 enquiry',
  specialist_service: 'Referral to a specialist service',
} as const;

export type AssessmentOutcome = keyof typeof ASSESSMENT_OUTCOMES;

export const ASSESSMENT_OUTCOME_CODES = Object.keys(ASSESSMENT_OUTCOMES) as readonly AssessmentOutcome[];

export function isAssessmentOutcome(value: string): value is AssessmentOutcome {
  return Object.hasOwn(ASSESSMENT_OUTCOMES, value);
}

/** Hints for the manager's choice: what each outcome opens next (src/app/assessments/next-records.ts). */
export const ASSESSMENT_OUTCOME_HINTS: Readonly<Record<AssessmentOutcome, string>> = {
  nfa: 'The assessment closes. No further service from children’s social care (CIN closure reason RC8).',
  step_down_early_help: 'Opens a referral to Targeted Early Help at level 3. The family must consent (seed 004 §7).',
  cin_plan: 'The child needs services under section 17. A Family Support Meeting agrees a child in need plan.',
  accommodation_s20: 'The child needs to be accommodated under section 20. Records a next step to look after the child.',
  strategy_s47: 'There is reasonable cause to suspect significant harm. A strategy discussion is needed.',
  specialist_service: 'The child’s needs are best met by a specialist service. Choose which.',
};

/**
 * Specialist services an assessment may refer on to, from the teams and services seed 004 names:
 * Children with Disabilities Team and Short Breaks (§13), SEND/EHC plan (§15), young carers (§17),
 * Youth Justice Service (§18), UASC and age assessment (§19), private fostering (§20), and the
 * Family Assessment and Support Team's specialist assessment and intervention (seed 000, FAST/SAIT).
 */
export const SPECIALIST_SERVICES = {
  CWD: 'Children with Disabilities Team (seed 004 §13)',
  SHORT_BREAKS: 'Short Breaks service (seed 004 §13)',
  SEND: 'SEND team: education, health and care plan (seed 004 §15)',
  YOUNG_CARERS: 'Young carers’ needs assessment (seed 004 §17)',
  YJS: 'Youth Justice Service (seed 004 §18)',
  UASC: 'Unaccompanied asylum-seeking children and age assessment (seed 004 §19)',
  PRIVATE_FOSTERING: 'Private fostering assessment (seed 004 §20)',
  FAST_SAIT: 'Family Assessment and Support Team: specialist assessment and intervention (seed 000)',
} as const;

export type SpecialistService = keyof typeof SPECIALIST_SERVICES;

export function isSpecialistService(value: string): value is SpecialistService {
  return Object.hasOwn(SPECIALIST_SERVICES, value);
}

/** The next steps an outcome leaves to be done, each with its timescale. */
export const NEXT_STEP_KINDS = {
  cin_plan: { label: 'Agree the child in need plan', rule: CHILD_IN_NEED_PLAN_AGREED },
  strategy_discussion: { label: 'Hold a strategy discussion', rule: STRATEGY_DISCUSSION_HELD },
  accommodation_s20: { label: 'Accommodate under section 20', rule: ACCOMMODATION_DECISION },
  specialist_service: { label: 'Refer to the specialist service', rule: SPECIALIST_REFERRAL_MADE },
} as const satisfies Record<string, { label: string; rule: TimescaleRule }>;

export type NextStepKind = keyof typeof NEXT_STEP_KINDS;

/** The next step each outcome leaves open (null: the outcome opens nothing that is due). */
export const NEXT_STEP_OF_OUTCOME: Readonly<Record<AssessmentOutcome, NextStepKind | null>> = {
  nfa: null,
  step_down_early_help: null,
  cin_plan: 'cin_plan',
  accommodation_s20: 'accommodation_s20',
  strategy_s47: 'strategy_discussion',
  specialist_service: 'specialist_service',
};

export interface AuthorisationChoice {
  readonly outcome: string;
  readonly rationale: string;
  readonly specialistService: string | null;
  readonly familyConsent: boolean | null;
}

export const AUTHORISATION_MESSAGES = {
  outcome: 'Select the outcome of the assessment',
  rationale: 'Enter why you are authorising this outcome',
  specialistService: 'Select the specialist service',
  familyConsent: 'The family must consent to a referral to targeted early help. Record their consent, or choose another outcome',
  primaryNeed: 'A child in need plan or accommodation means the child is in need: the primary need cannot be N9 (cases other than children in need)',
} as const;

/**
 * The manager's authorisation, checked against the assessment's primary need. Every problem at once,
 * keyed by field. N9 "Cases other than children in need" (domain-spec §3.3) contradicts an outcome that
 * provides services to a child in need (CIN plan, s20 accommodation): the census would then report a
 * child in need whose primary need says otherwise.
 */
export function authorisationProblems(choice: AuthorisationChoice, primaryNeed: PrimaryNeed | null): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!isAssessmentOutcome(choice.outcome)) {
    problems['outcome'] = AUTHORISATION_MESSAGES.outcome;
  } else {
    if (choice.outcome === 'specialist_service' && (choice.specialistService === null || !isSpecialistService(choice.specialistService))) {
      problems['specialistService'] = AUTHORISATION_MESSAGES.specialistService;
    }
    if (choice.outcome === 'step_down_early_help' && choice.familyConsent !== true) problems['familyConsent'] = AUTHORISATION_MESSAGES.familyConsent;
    if ((choice.outcome === 'cin_plan' || choice.outcome === 'accommodation_s20') && primaryNeed === 'N9')
      problems['outcome'] = AUTHORISATION_MESSAGES.primaryNeed;
  }
  if (choice.rationale.trim() === '') problems['rationale'] = AUTHORISATION_MESSAGES.rationale;
  return problems;
}
