// Consent to multi-agency checks (seed 004 §5; domain-spec BR-02, MASH-04). Consent must be obtained
// before the MASH partners share what they hold about a family, unless there is a clear risk to the
// child or it is in the public interest not to seek it. When checks go ahead without consent, the
// reason, and why it was proportionate, must be recorded; every decision to share without consent is
// recorded too.

export const CONSENT_TO_CHECKS = ['given', 'refused', 'not_sought'] as const;
export type ConsentToChecks = (typeof CONSENT_TO_CHECKS)[number];

export const CONSENT_TO_CHECKS_LABELS: Readonly<Record<ConsentToChecks, string>> = {
  given: 'Given',
  refused: 'Refused',
  not_sought: 'Not sought',
};

/** The only grounds seed 004 §5 gives for checks without consent. */
export const OVERRIDE_REASONS = ['clear_risk_to_child', 'public_interest'] as const;
export type OverrideReason = (typeof OVERRIDE_REASONS)[number];

export const OVERRIDE_REASON_LABELS: Readonly<Record<OverrideReason, string>> = {
  clear_risk_to_child: 'There is a clear risk to the child',
  public_interest: 'It is in the public interest',
};

export function isConsentToChecks(value: string): value is ConsentToChecks {
  return (CONSENT_TO_CHECKS as readonly string[]).includes(value);
}

export function isOverrideReason(value: string): value is OverrideReason {
  return (OVERRIDE_REASONS as readonly string[]).includes(value);
}

export interface ConsentDecision {
  readonly consent: ConsentToChecks;
  /** Whether checks go ahead when consent was refused or not sought. */
  readonly proceedWithoutConsent: boolean;
  readonly overrideReason: OverrideReason | null;
  /** Why going ahead without consent is proportionate, or why consent was not sought. */
  readonly rationale: string | null;
}

export type ConsentProblem =
  | 'override-reason-required'
  | 'rationale-required'
  | 'override-not-needed';

/** What is missing or contradictory in a consent decision (empty when it may be recorded). */
export function consentProblems(decision: ConsentDecision): ConsentProblem[] {
  const problems: ConsentProblem[] = [];
  if (decision.consent === 'given') {
    if (decision.proceedWithoutConsent || decision.overrideReason !== null) problems.push('override-not-needed');
    return problems;
  }
  // Refused or not sought: the reason is always recorded (why not sought / what was refused), and
  // going ahead needs one of the two grounds and why it is proportionate.
  if (decision.rationale === null || decision.rationale.trim() === '') problems.push('rationale-required');
  if (decision.proceedWithoutConsent && decision.overrideReason === null) problems.push('override-reason-required');
  if (!decision.proceedWithoutConsent && decision.overrideReason !== null) problems.push('override-not-needed');
  return problems;
}

/** Whether partner agencies may be asked for what they hold. */
export function mayRequestAgencyChecks(decision: Pick<ConsentDecision, 'consent' | 'proceedWithoutConsent'> | null): boolean {
  if (decision === null) return false;
  return decision.consent === 'given' || decision.proceedWithoutConsent;
}

/** True when information will be shared without consent: such decisions are listed and audited (MASH-04). */
export function sharesWithoutConsent(decision: Pick<ConsentDecision, 'consent' | 'proceedWithoutConsent'>): boolean {
  return decision.consent !== 'given' && decision.proceedWithoutConsent;
}
