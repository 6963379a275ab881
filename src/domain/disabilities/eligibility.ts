// Eligibility for the Children with Disabilities (CWD) service: Milton Keynes safeguarding protocol,
// seed 004 §13 "Children with Disability Service" (domain-spec §3.12.2, ASS-05, BR-10), in Hearth's
// own words. The worker answers every criterion and every exclusion as met or not met, with the
// evidence for each answer that is met; this file works out the outcome and the reason for it,
// citing the criterion or exclusion it rests on. The team manager then confirms the decision.
//
// How the seed's two lists combine (seed 004 §13):
// - "The CWD Team will carry out an assessment where the child has" one of ten criteria: at least
//   one must be met for the child to be eligible;
// - "The CWD team will not routinely work with" three groups of children: where the child's needs
//   arise mainly from one of them, the child is not eligible, even if a criterion is also ticked
//   (the seed's own wording for ASD/ADHD contradicts the ASD criterion, so both cannot be met);
// - "the eligibility criteria must be met in order to receive paid services" (BR-10): short breaks
//   and personal budgets need a confirmed eligible decision (src/domain/disabilities/services.ts);
// - "Where a child does not meet the criteria ... the parents will receive advice and information
//   about what services may be more appropriate": a not-eligible decision records that advice.
import type { LocalDate } from '@js-joda/core';
import { isValidIsoDate, parseLocalDate } from '../shared/time/local-date.ts';

export const SEED_SECTION = 'Milton Keynes safeguarding protocol (seed 004), section 13 “Children with Disability Service”';

/** The ten criteria (seed 004 §13 "Assessment Criteria"; codes from domain-spec §3.12.2). */
export const CRITERIA = {
  SEVERE_LEARNING_DISABILITY: 'A substantial or severe learning disability',
  LONG_TERM_PHYSICAL_DISABILITY: 'A long-term or permanent physical disability which seriously limits activities of daily life',
  LIFE_LIMITING_ILLNESS: 'A chronic, life-threatening or life-limiting illness',
  PROFOUND_HEARING_LOSS:
    'A profound loss of hearing that significantly affects the child’s educational and social development and needs substantial or very substantial support',
  NONCORRECTABLE_VISION_LOSS:
    'A loss of vision that cannot be corrected (complete or partial) and significantly affects the child’s educational and social development',
  SUBSTANTIAL_DEVELOPMENTAL_DELAY:
    'A substantial developmental delay, with evidence that the child’s physical, social or educational activities are seriously limited',
  ASD_SIGNIFICANT_IMPACT:
    'Autistic spectrum disorder that significantly affects the child’s developmental progress (substantial or very substantial support, or a specialist school); a diagnosis is not essential but independent verification is',
  EHCP_NEEDS_SOCIAL_CARE_TO_ATTEND:
    'An education, health and care plan needing significant support at school or college, without which the child could not attend without social care involvement',
  SEND_INCLUSION_PRESCHOOL_INTERVENTION: 'Specialist pre-school intervention through the council’s SEND inclusion team',
  MULTIPLE_DISABILITIES: 'Multiple disabilities or difficulties which together, though perhaps not severe on their own, limit the child',
} as const;

/** The three groups the CWD team will not routinely work with (seed 004 §13). */
export const EXCLUSIONS = {
  NON_PERMANENT_MEDICAL_CONDITION: 'The child’s needs arise mainly from a medical condition which is not permanent or severe',
  SEMH_ONLY: 'The child’s needs arise mainly from social, emotional and behavioural, mental health or wellbeing difficulties',
  ASD_ADHD_NO_SIGNIFICANT_IMPACT: 'The child has ASD or ADHD with no significant impact on their developmental progress as a direct result of it',
} as const;

export type CriterionCode = keyof typeof CRITERIA;
export type ExclusionCode = keyof typeof EXCLUSIONS;
export type EligibilityCode = CriterionCode | ExclusionCode;

export const CRITERION_CODES = Object.keys(CRITERIA) as readonly CriterionCode[];
export const EXCLUSION_CODES = Object.keys(EXCLUSIONS) as readonly ExclusionCode[];
export const ELIGIBILITY_CODES: readonly EligibilityCode[] = [...CRITERION_CODES, ...EXCLUSION_CODES];

export function isCriterion(code: string): code is CriterionCode {
  return Object.hasOwn(CRITERIA, code);
}
export function isExclusion(code: string): code is ExclusionCode {
  return Object.hasOwn(EXCLUSIONS, code);
}
export function eligibilityText(code: EligibilityCode): string {
  return isCriterion(code) ? CRITERIA[code] : EXCLUSIONS[code];
}

/** Where the evidence for an answer comes from. */
export const EVIDENCE_SOURCES = {
  diagnosis_letter: 'Diagnosis letter',
  ehcp: 'Education, health and care plan',
  medical_report: 'Medical report',
  specialist_assessment: 'Specialist assessment (therapist, psychologist, sensory team)',
  school_report: 'School or nursery report',
  parent_carer_report: 'Parent or carer’s account',
  social_work_assessment: 'Social work assessment',
  other: 'Other',
} as const;
export type EvidenceSource = keyof typeof EVIDENCE_SOURCES;
export function isEvidenceSource(value: string): value is EvidenceSource {
  return Object.hasOwn(EVIDENCE_SOURCES, value);
}

/**
 * The ASD criterion needs "independent verification of the presentation of the child" (seed 004
 * §13): the parents' own account is not independent, so it cannot be the evidence for it.
 */
export const NOT_INDEPENDENT: readonly EvidenceSource[] = ['parent_carer_report'];

export interface EligibilityAnswer {
  readonly code: EligibilityCode;
  /** null: not answered yet (a draft). */
  readonly met: boolean | null;
  readonly evidence: string;
  readonly evidenceSource: EvidenceSource | null;
  /** ISO date of the evidence (the letter, the plan, the report), or ''. */
  readonly evidenceDate: string;
}

export const ELIGIBILITY_MESSAGES = {
  answer: 'Select whether this is met or not met',
  evidence: 'Enter the evidence for this answer',
  evidenceSource: 'Select where the evidence comes from',
  evidenceDate: 'Enter the date of the evidence',
  evidenceDateReal: 'The date of the evidence must be a real date',
  evidenceDateFuture: 'The date of the evidence must be today or in the past',
  asdIndependent:
    'Autistic spectrum disorder needs independent verification of how the child presents (seed 004 section 13): a parent or carer’s account is not enough on its own',
  asdContradiction: 'ASD cannot both significantly affect and not significantly affect the child’s development: check these two answers',
} as const;

/** Field key of one answer's part, as the form names it: `SEVERE_LEARNING_DISABILITY-evidence`. */
export const answerField = (code: EligibilityCode, part: 'met' | 'evidence' | 'evidenceSource' | 'evidenceDate'): string =>
  part === 'met' ? code : `${code}-${part}`;

/**
 * Why a complete set of answers cannot be recorded (field → message), or an empty object. Every
 * code must be answered; every answer that is met needs its evidence, its source and its date (on
 * or before today).
 */
export function answerProblems(answers: readonly EligibilityAnswer[], today: LocalDate): Record<string, string> {
  const problems: Record<string, string> = {};
  const byCode = new Map(answers.map((a) => [a.code, a]));
  for (const code of ELIGIBILITY_CODES) {
    const a = byCode.get(code);
    if (a?.met === null || a === undefined) {
      problems[answerField(code, 'met')] = ELIGIBILITY_MESSAGES.answer;
      continue;
    }
    if (!a.met) continue;
    if (a.evidence.trim() === '') problems[answerField(code, 'evidence')] = ELIGIBILITY_MESSAGES.evidence;
    if (a.evidenceSource === null) problems[answerField(code, 'evidenceSource')] = ELIGIBILITY_MESSAGES.evidenceSource;
    else if (code === 'ASD_SIGNIFICANT_IMPACT' && NOT_INDEPENDENT.includes(a.evidenceSource))
      problems[answerField(code, 'evidenceSource')] = ELIGIBILITY_MESSAGES.asdIndependent;
    if (a.evidenceDate === '') problems[answerField(code, 'evidenceDate')] = ELIGIBILITY_MESSAGES.evidenceDate;
    else if (!isValidIsoDate(a.evidenceDate)) problems[answerField(code, 'evidenceDate')] = ELIGIBILITY_MESSAGES.evidenceDateReal;
    else if (parseLocalDate(a.evidenceDate).isAfter(today)) problems[answerField(code, 'evidenceDate')] = ELIGIBILITY_MESSAGES.evidenceDateFuture;
  }
  if (byCode.get('ASD_SIGNIFICANT_IMPACT')?.met === true && byCode.get('ASD_ADHD_NO_SIGNIFICANT_IMPACT')?.met === true) {
    problems[answerField('ASD_ADHD_NO_SIGNIFICANT_IMPACT', 'met')] = ELIGIBILITY_MESSAGES.asdContradiction;
  }
  return problems;
}

export type EligibilityOutcome = 'eligible' | 'not_eligible';

export const OUTCOME_TEXT: Readonly<Record<EligibilityOutcome, string>> = {
  eligible: 'Eligible for the Children with Disabilities service',
  not_eligible: 'Not eligible for the Children with Disabilities service',
};

export interface EligibilityResult {
  readonly outcome: EligibilityOutcome;
  /** The reason, in plain English, citing what it rests on and the seed. */
  readonly reason: string;
  /** The criteria (eligible) or the exclusions / unmet criteria (not eligible) the outcome rests on. */
  readonly decidingCodes: readonly EligibilityCode[];
}

const quote = (codes: readonly EligibilityCode[]): string => codes.map((c) => `“${eligibilityText(c)}”`).join('; ');

/**
 * The outcome of a complete set of answers (answerProblems must be empty first):
 * - an exclusion met: not eligible, citing each exclusion met;
 * - otherwise at least one criterion met: eligible, citing each criterion met;
 * - otherwise: not eligible, as no criterion is met.
 */
export function eligibilityOutcome(answers: readonly EligibilityAnswer[]): EligibilityResult {
  const met = (code: EligibilityCode) => answers.some((a) => a.code === code && a.met === true);
  const exclusions = EXCLUSION_CODES.filter(met);
  const criteria = CRITERION_CODES.filter(met);
  if (exclusions.length > 0) {
    return {
      outcome: 'not_eligible',
      reason: `The CWD team does not routinely work with a child where: ${quote(exclusions)} (${SEED_SECTION}, “will not routinely work with”).`,
      decidingCodes: exclusions,
    };
  }
  if (criteria.length > 0) {
    return {
      outcome: 'eligible',
      reason: `The child meets ${criteria.length === 1 ? 'the criterion' : 'the criteria'}: ${quote(criteria)} (${SEED_SECTION}, “Assessment Criteria”).`,
      decidingCodes: criteria,
    };
  }
  return {
    outcome: 'not_eligible',
    reason: `None of the ten criteria for the CWD service is met (${SEED_SECTION}, “Assessment Criteria”). The parents receive advice and information about services that may be more appropriate.`,
    decidingCodes: [],
  };
}

export const DECISION_STATUS_TEXT = {
  recorded: 'Awaiting the team manager',
  confirmed: 'Confirmed by the team manager',
  returned: 'Not confirmed: returned to the worker',
  superseded: 'Replaced by a later decision',
} as const;
export type DecisionStatus = keyof typeof DECISION_STATUS_TEXT;

/** The team manager's review of a recorded decision. */
export const MANAGER_DECISIONS = {
  confirm: 'Confirm the decision',
  return: 'Do not confirm: return it to the worker with my reasons',
} as const;
export type ManagerDecision = keyof typeof MANAGER_DECISIONS;
export function isManagerDecision(value: string): value is ManagerDecision {
  return Object.hasOwn(MANAGER_DECISIONS, value);
}
