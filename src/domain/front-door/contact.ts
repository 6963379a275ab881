// A contact: anything that reaches the front door about a child, by the public referral form (MARF),
// phone, email or in person (seed 004 §4-5; domain-spec §4 states CONTACT and MASH). It names the
// referrer, the children and the adults around them, the worries in plain words, what has been tried,
// whether the family knows and agrees, and any immediate risk.

// 'early_help_step_up': recorded by an early help worker stepping a child up to social care (seed 004 §3 Level 3).
export const CONTACT_CHANNELS = ['online_form', 'phone', 'email', 'in_person', 'letter', 'early_help_step_up'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const CONTACT_CHANNEL_LABELS: Readonly<Record<ContactChannel, string>> = {
  online_form: 'Online referral form (MARF)',
  phone: 'Phone',
  email: 'Email',
  in_person: 'In person',
  letter: 'Letter',
  early_help_step_up: 'Step up from early help',
};

/** Channels a practitioner records by hand (the online form records itself). */
export const RECORDED_CHANNELS: readonly ContactChannel[] = ['phone', 'email', 'in_person', 'letter'];

export function isContactChannel(value: string): value is ContactChannel {
  return (CONTACT_CHANNELS as readonly string[]).includes(value);
}

/** Whether the family knows about and agrees to the referral (the referrer's answer on the MARF). */
export const FAMILY_CONSENT = ['yes', 'no', 'not_asked'] as const;
export type FamilyConsent = (typeof FAMILY_CONSENT)[number];

export const FAMILY_CONSENT_LABELS: Readonly<Record<FamilyConsent, string>> = {
  yes: 'Yes, the family agrees to this referral',
  no: 'No, the family does not agree',
  not_asked: 'The family has not been asked',
};

export function isFamilyConsent(value: string): value is FamilyConsent {
  return (FAMILY_CONSENT as readonly string[]).includes(value);
}

export const ADULT_RELATIONSHIPS = ['mother', 'father', 'step_parent', 'carer', 'grandparent', 'other_relative', 'other'] as const;
export type AdultRelationship = (typeof ADULT_RELATIONSHIPS)[number];

export const ADULT_RELATIONSHIP_LABELS: Readonly<Record<AdultRelationship, string>> = {
  mother: 'Mother',
  father: 'Father',
  step_parent: 'Step-parent',
  carer: 'Carer',
  grandparent: 'Grandparent',
  other_relative: 'Other relative',
  other: 'Other',
};

export function isAdultRelationship(value: string): value is AdultRelationship {
  return (ADULT_RELATIONSHIPS as readonly string[]).includes(value);
}

/** Limits on what one contact may carry (a public form is open to abuse: RELIABILITY.md §4.5). */
export const CONTACT_LIMITS = {
  children: 4,
  adults: 3,
  name: 100,
  shortText: 200,
  worries: 10_000,
  tried: 5_000,
  reason: 2_000,
} as const;

/** Where a contact is on the front-door journey (domain-spec §4.1: CONTACT, then MASH, then an outcome). */
export const CONTACT_STATUSES = ['received', 'screening', 'decided'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

export const CONTACT_STATUS_LABELS: Readonly<Record<ContactStatus, string>> = {
  received: 'Awaiting screening',
  screening: 'Screening',
  decided: 'Decided',
};

/** T1 (domain-spec §4.2): any screening step moves a received contact into MASH screening. */
export function statusAfterScreeningStep(status: ContactStatus): ContactStatus {
  return status === 'received' ? 'screening' : status;
}

/** Screening and decisions are for contacts not yet decided. */
export function isOpen(status: ContactStatus): boolean {
  return status !== 'decided';
}
