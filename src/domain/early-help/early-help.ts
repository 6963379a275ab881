// Targeted early help (seed 004 §7; domain-spec §4.2 T3, T6, T7, T12): who does it, what a Signs of
// Safety wellbeing assessment asks, the consent a plan needs, and how an episode ends.

/**
 * The team that takes targeted early help referrals in the demo authority: Children and Family
 * Practices, "short term early help for families with complex needs" (seed 000, the teams page).
 */
export const EARLY_HELP_TEAM_CODE = 'CFP';

/** Signs of Safety scaling question: 0 (the worries are so bad the child must be helped by social care) to 10 (everything needed is in place). */
export const SCALING_MIN = 0;
export const SCALING_MAX = 10;

export function isScaling(value: number): boolean {
  return Number.isInteger(value) && value >= SCALING_MIN && value <= SCALING_MAX;
}

/**
 * How an early help episode ends (domain-spec §4.2): T7 outcomes met, or consent withdrawn with no
 * safeguarding concern; T6 no improvement, so a referral to the MASH with the early help history
 * (seed 004 §3 Level 3: "submit a MARF through the MASH attaching the EHA, stating what interventions
 * have already been tried"); or stepped down to universal services (seed 004 §3 Levels 1-2).
 */
export const CLOSURE_OUTCOMES = ['needs_met', 'step_up', 'step_down_universal', 'consent_withdrawn'] as const;
export type ClosureOutcome = (typeof CLOSURE_OUTCOMES)[number];

export const CLOSURE_OUTCOME_LABELS: Readonly<Record<ClosureOutcome, string>> = {
  needs_met: 'Needs met: the plan’s outcomes were achieved',
  step_up: 'Step up to children’s social care through the MASH',
  step_down_universal: 'Step down to universal services',
  consent_withdrawn: 'The family withdrew their consent',
};

export function isClosureOutcome(value: string): value is ClosureOutcome {
  return (CLOSURE_OUTCOMES as readonly string[]).includes(value);
}

/**
 * The DfE referral source for a step-up contact: 5D "LA services: early help" (CIN census
 * ReferralSource, domain-spec §3.3).
 */
export const STEP_UP_REFERRAL_SOURCE = '5D';

/** Early help is consent-based (seed 004 §7: "All referrals for Targeted Early Help Support are made with parental consent"): no consent, no plan. */
export type PlanProblem = 'no-consent' | 'consent-after-agreement' | 'no-actions' | 'agreed-before-assessment';

export function planProblems(input: {
  readonly familyConsents: boolean;
  readonly consentGivenOn: string | null;
  readonly agreedOn: string;
  readonly assessmentCompletedOn: string | null;
  readonly actions: number;
}): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (!input.familyConsents) problems.push('no-consent');
  else if (input.consentGivenOn !== null && input.consentGivenOn > input.agreedOn) problems.push('consent-after-agreement');
  if (input.assessmentCompletedOn === null || input.agreedOn < input.assessmentCompletedOn) problems.push('agreed-before-assessment');
  if (input.actions === 0) problems.push('no-actions');
  return problems;
}

/** The state an open episode is in, for the record page and the queue. */
export type EpisodeStage = 'assessment' | 'plan' | 'reviewing' | 'closed';

export function episodeStage(e: { readonly closed: boolean; readonly assessed: boolean; readonly planned: boolean }): EpisodeStage {
  if (e.closed) return 'closed';
  if (!e.assessed) return 'assessment';
  if (!e.planned) return 'plan';
  return 'reviewing';
}
