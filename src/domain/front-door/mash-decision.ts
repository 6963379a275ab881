// The MASH decision on a contact (seed 004 §3-5, §7, §9; domain-spec §3.2 contact outcomes and §4.2
// transitions T2-T5), taken by a MASH manager within one working day of receipt (timescales.ts).
// Each outcome says which journey state the child moves to and which record the next step needs.
import type { ConsentToChecks } from './consent.ts';
import type { NeedLevel } from './levels-of-need.ts';

export const MASH_OUTCOMES = ['nfa', 'universal_signpost', 'targeted_early_help', 'social_care_assessment', 'strategy_discussion'] as const;
export type MashOutcome = (typeof MASH_OUTCOMES)[number];

export const MASH_OUTCOME_LABELS: Readonly<Record<MashOutcome, string>> = {
  nfa: 'No further action',
  universal_signpost: 'Universal services or signposting',
  targeted_early_help: 'Targeted early help (referral to the early help service, with consent)',
  social_care_assessment: 'Referral to children’s social care for a child and family assessment',
  strategy_discussion: 'Strategy discussion: significant harm suspected',
};

export const MASH_OUTCOME_SHORT_LABELS: Readonly<Record<MashOutcome, string>> = {
  nfa: 'No further action',
  universal_signpost: 'Signposted',
  targeted_early_help: 'Targeted early help',
  social_care_assessment: 'Social care assessment',
  strategy_discussion: 'Strategy discussion',
};

export function isMashOutcome(value: string): value is MashOutcome {
  return (MASH_OUTCOMES as readonly string[]).includes(value);
}

/** Journey states after the MASH (domain-spec §4.1). */
export type JourneyState = 'CONTACT' | 'MASH' | 'CLOSED' | 'EARLY_HELP' | 'REFERRAL' | 'S47';

/** T2-T5: where each outcome takes the child. */
export const NEXT_STATE: Readonly<Record<MashOutcome, JourneyState>> = {
  nfa: 'CLOSED',
  universal_signpost: 'CLOSED',
  targeted_early_help: 'EARLY_HELP',
  social_care_assessment: 'REFERRAL',
  strategy_discussion: 'S47',
};

/** Which record the next step starts with: a social care referral (T4, and T5 records one at the same moment), or an early help referral (T3). */
export type NextRecord = 'none' | 'social_care_referral' | 'early_help_referral';

export function nextRecordFor(outcome: MashOutcome): NextRecord {
  if (outcome === 'social_care_assessment' || outcome === 'strategy_discussion') return 'social_care_referral';
  if (outcome === 'targeted_early_help') return 'early_help_referral';
  return 'none';
}

/** The referral's purpose in the social care queue. */
export type ReferralPurpose = 'assessment' | 'strategy_discussion';

export function referralPurposeFor(outcome: MashOutcome): ReferralPurpose | null {
  if (outcome === 'social_care_assessment') return 'assessment';
  if (outcome === 'strategy_discussion') return 'strategy_discussion';
  return null;
}

export interface DecisionFacts {
  readonly outcome: MashOutcome;
  /** The team that will hold a social care referral. */
  readonly teamChosen: boolean;
  /** The family's agreement to a targeted early help referral (seed 004 §7: always with consent). */
  readonly familyConsentsToEarlyHelp: boolean | null;
  /** The screening must be complete: consent to checks recorded, a level of need chosen, every child linked. */
  readonly consentToChecks: ConsentToChecks | null;
  readonly level: NeedLevel | null;
  readonly unlinkedChildren: number;
}

export type DecisionProblem =
  | 'children-not-linked'
  | 'consent-not-recorded'
  | 'level-not-recorded'
  | 'team-required'
  | 'early-help-consent-required';

/** What stops a decision being recorded (empty when it may be). */
export function decisionProblems(facts: DecisionFacts): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  if (facts.unlinkedChildren > 0) problems.push('children-not-linked');
  if (facts.consentToChecks === null) problems.push('consent-not-recorded');
  if (facts.level === null) problems.push('level-not-recorded');
  if (nextRecordFor(facts.outcome) === 'social_care_referral' && !facts.teamChosen) problems.push('team-required');
  if (facts.outcome === 'targeted_early_help' && facts.familyConsentsToEarlyHelp !== true) problems.push('early-help-consent-required');
  return problems;
}

/** The level of need that usually goes with each outcome (seed 004 §3), to flag a decision that departs from it. */
export const USUAL_LEVELS: Readonly<Record<MashOutcome, readonly NeedLevel[]>> = {
  nfa: [1],
  universal_signpost: [1, 2],
  targeted_early_help: [2, 3],
  social_care_assessment: [4],
  strategy_discussion: [4],
};

export function departsFromLevel(outcome: MashOutcome, level: NeedLevel): boolean {
  return !USUAL_LEVELS[outcome].includes(level);
}
