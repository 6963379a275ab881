// Multi-agency checks: the partners co-located in the MASH (seed 004 §5: police, health, children's
// social care, targeted early help, probation and the domestic abuse service; seed 000: housing and
// adult social care, with education through the schools and education services). Each is asked what
// it holds about the family and its answer is recorded.

export const PARTNER_AGENCIES = [
  'police',
  'health',
  'education',
  'probation',
  'domestic_abuse_service',
  'early_help',
  'housing',
  'adult_social_care',
] as const;

export type PartnerAgency = (typeof PARTNER_AGENCIES)[number];

export const PARTNER_AGENCY_LABELS: Readonly<Record<PartnerAgency, string>> = {
  police: 'Police',
  health: 'Health',
  education: 'Education',
  probation: 'Probation',
  domestic_abuse_service: 'Domestic abuse service',
  early_help: 'Early help',
  housing: 'Housing',
  adult_social_care: 'Adult social care',
};

export function isPartnerAgency(value: string): value is PartnerAgency {
  return (PARTNER_AGENCIES as readonly string[]).includes(value);
}

export const AGENCY_CHECK_OUTCOMES = ['information_shared', 'nothing_known', 'declined'] as const;
export type AgencyCheckOutcome = (typeof AGENCY_CHECK_OUTCOMES)[number];

export const AGENCY_CHECK_OUTCOME_LABELS: Readonly<Record<AgencyCheckOutcome, string>> = {
  information_shared: 'Information shared',
  nothing_known: 'Nothing known',
  declined: 'Declined to share',
};

export function isAgencyCheckOutcome(value: string): value is AgencyCheckOutcome {
  return (AGENCY_CHECK_OUTCOMES as readonly string[]).includes(value);
}

export type AgencyCheckStatus = 'requested' | AgencyCheckOutcome;

/** Information shared must say what was shared; the other answers may stand alone. */
export function agencyAnswerNeedsDetails(outcome: AgencyCheckOutcome): boolean {
  return outcome === 'information_shared';
}
