// The schemas for a contact's details, shared by the public referral form (MARF), the form a MASH
// practitioner fills in for a phone or email contact, and tests. The form posts flat fields
// (`child1GivenName`, `child1DobDay`...) so each error can point at its own field; the schema turns
// them into a structured contact. Messages follow the GOV.UK pattern.
import { z } from 'zod';
import {
  ADULT_RELATIONSHIPS,
  CONTACT_LIMITS,
  FAMILY_CONSENT,
  RECORDED_CHANNELS,
  type AdultRelationship,
  type ContactChannel,
  type FamilyConsent,
} from '../../domain/front-door/contact.ts';
import { isValidPostcode, normalisePostcode } from '../../domain/people/postcode.ts';
import { calendarRangeProblem } from '../../domain/shared/calendar/index.ts';
import { isValidIsoDate, parseLocalDate } from '../../domain/shared/time/local-date.ts';
import { isReferralSource, PROFESSIONAL_REFERRAL_SOURCES, type ReferralSource } from '../../domain/shared/codes/dfe/referral-source.ts';
import { isStorableText } from '../shared/safe-text.ts';

export const CONTACT_MESSAGES = {
  referrerName: 'Enter your full name',
  referrerRole: 'Enter your job title or role',
  referrerOrganisation: 'Enter the name of your organisation',
  referrerEmail: 'Enter an email address in the correct format, like name@example.com',
  referrerPhone: 'Enter a telephone number, like 01632 960 001 or 07700 900 982',
  referralSource: 'Select the kind of organisation you work for',
  referralSourceRecorded: 'Select who made the contact',
  childGivenName: 'Enter the child’s first name',
  childFamilyName: 'Enter the child’s last name',
  childDob: 'Date of birth must be a real date',
  childDobFuture: 'Date of birth must be today or in the past',
  childIncomplete: 'Enter both the first and last name of the child, or leave both empty',
  atLeastOneChild: 'Enter the first and last name of at least one child',
  adultIncomplete: 'Enter the first name, last name and relationship of the adult, or leave them all empty',
  adultRelationship: 'Select the adult’s relationship to the child',
  postcode: 'Enter a real postcode, like MK9 3HS',
  worries: 'Describe what you are worried about',
  worriesTooLong: `What you are worried about must be ${String(CONTACT_LIMITS.worries)} characters or fewer`,
  familyConsent: 'Select whether the family agrees to this referral',
  familyConsentReason: 'Explain why the family does not agree, or why they have not been asked',
  immediateRisk: 'Select whether the child is at risk of harm right now',
  immediateRiskDetails: 'Describe the risk to the child right now',
  earlyHelpAssessment: 'Select whether there has been an Early Help Assessment',
  channel: 'Select how the contact was made',
  receivedDate: 'Date received must be a real date',
  receivedDateFuture: 'Date received must be today or in the past',
  /** The prefix of the calendar-range message (the calendar adds "must be on or after …"). */
  receivedDateNamed: 'Date received',
  receivedTime: 'Enter the time received, like 09:30 or 14:05',
  receivedTimeFuture: 'Time received must be now or in the past',
  tooLong: (what: string, max: number) => `${what} must be ${String(max)} characters or fewer`,
  unstorable: 'Remove the characters that cannot be stored (control or broken characters)',
} as const;

export const CHILD_SLOTS = Array.from({ length: CONTACT_LIMITS.children }, (_, i) => i + 1);
export const ADULT_SLOTS = Array.from({ length: CONTACT_LIMITS.adults }, (_, i) => i + 1);

export interface ContactChildInput {
  readonly givenName: string;
  readonly familyName: string;
  readonly dateOfBirth: string | null;
}

export interface ContactAdultInput {
  readonly givenName: string;
  readonly familyName: string;
  readonly relationship: AdultRelationship;
}

/** A contact's details, whoever records them. */
export interface ContactDetails {
  readonly referrerName: string | null;
  readonly referrerRole: string | null;
  readonly referrerOrganisation: string | null;
  readonly referrerEmail: string | null;
  readonly referrerPhone: string | null;
  readonly referralSource: ReferralSource;
  readonly children: readonly ContactChildInput[];
  readonly adults: readonly ContactAdultInput[];
  readonly addressLine1: string | null;
  readonly town: string | null;
  readonly postcode: string | null;
  readonly worries: string;
  readonly childViews: string | null;
  readonly whatTried: string | null;
  readonly earlyHelpAssessmentDone: boolean;
  readonly familyConsent: FamilyConsent;
  readonly familyConsentReason: string | null;
  readonly immediateRisk: boolean;
  readonly immediateRiskDetails: string | null;
}

export interface RecordedContactDetails extends ContactDetails {
  readonly channel: ContactChannel;
  /** YYYY-MM-DD and HH:MM, Europe/London. */
  readonly receivedDate: string;
  readonly receivedTime: string;
}

/** Every field the forms post, as strings (absent fields are empty). */
export type ContactForm = Readonly<Record<string, string>>;

type Errors = Record<string, string>;

function text(form: ContactForm, key: string, errors: Errors, opts: { max: number; required?: string; label: string }): string | null {
  const value = (form[key] ?? '').trim();
  if (value === '') {
    if (opts.required !== undefined) errors[key] = opts.required;
    return null;
  }
  if (value.length > opts.max) errors[key] = CONTACT_MESSAGES.tooLong(opts.label, opts.max);
  else if (!isStorableText(value)) errors[key] = CONTACT_MESSAGES.unstorable;
  return value;
}

/** Day, month and year fields as an ISO date; undefined when all are empty, null when not a real date. */
export function dateFromParts(day: string | undefined, month: string | undefined, year: string | undefined): string | null | undefined {
  const [d, m, y] = [day, month, year].map((v) => (v ?? '').trim());
  if (d === '' && m === '' && y === '') return undefined;
  if (!/^\d{1,2}$/.test(d ?? '') || !/^\d{1,2}$/.test(m ?? '') || !/^\d{4}$/.test(y ?? '')) return null;
  const iso = `${y ?? ''}-${(m ?? '').padStart(2, '0')}-${(d ?? '').padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

const emailShape = z.email();
const PHONE = /^\+?[\d\s()-]{7,25}$/;

function yesNo(value: string | undefined): boolean | undefined {
  return value === 'yes' ? true : value === 'no' ? false : undefined;
}

/**
 * The details of a contact from its form, with every problem at once. `who` decides what is
 * required: a professional on the public form names themselves and their organisation; a
 * practitioner recording a call may not know them (an anonymous caller).
 */
export function parseContactDetails(form: ContactForm, who: 'public' | 'practitioner', today: string): { details: ContactDetails | null; errors: Errors } {
  const errors: Errors = {};
  const publicForm = who === 'public';
  const referrerName = text(form, 'referrerName', errors, { max: 200, label: 'Name', ...(publicForm ? { required: CONTACT_MESSAGES.referrerName } : {}) });
  const referrerRole = text(form, 'referrerRole', errors, { max: 200, label: 'Job title', ...(publicForm ? { required: CONTACT_MESSAGES.referrerRole } : {}) });
  const referrerOrganisation = text(form, 'referrerOrganisation', errors, { max: 200, label: 'Organisation', ...(publicForm ? { required: CONTACT_MESSAGES.referrerOrganisation } : {}) });
  const referrerEmail = text(form, 'referrerEmail', errors, { max: 320, label: 'Email address', ...(publicForm ? { required: CONTACT_MESSAGES.referrerEmail } : {}) });
  if (referrerEmail !== null && errors['referrerEmail'] === undefined && !emailShape.safeParse(referrerEmail).success) errors['referrerEmail'] = CONTACT_MESSAGES.referrerEmail;
  const referrerPhone = text(form, 'referrerPhone', errors, { max: 30, label: 'Telephone number', ...(publicForm ? { required: CONTACT_MESSAGES.referrerPhone } : {}) });
  if (referrerPhone !== null && errors['referrerPhone'] === undefined && (!PHONE.test(referrerPhone) || referrerPhone.replace(/\D/g, '').length < 7)) {
    errors['referrerPhone'] = CONTACT_MESSAGES.referrerPhone;
  }

  const source = form['referralSource'] ?? '';
  const allowed = publicForm ? PROFESSIONAL_REFERRAL_SOURCES.includes(source as ReferralSource) : isReferralSource(source);
  if (!allowed) errors['referralSource'] = publicForm ? CONTACT_MESSAGES.referralSource : CONTACT_MESSAGES.referralSourceRecorded;

  const children: ContactChildInput[] = [];
  for (const n of CHILD_SLOTS) {
    const key = `child${String(n)}`;
    const givenName = text(form, `${key}GivenName`, errors, { max: CONTACT_LIMITS.name, label: 'First name' });
    const familyName = text(form, `${key}FamilyName`, errors, { max: CONTACT_LIMITS.name, label: 'Last name' });
    const dob = dateFromParts(form[`${key}DobDay`], form[`${key}DobMonth`], form[`${key}DobYear`]);
    if (dob === null) errors[`${key}Dob`] = CONTACT_MESSAGES.childDob;
    else if (dob !== undefined && dob > today) errors[`${key}Dob`] = CONTACT_MESSAGES.childDobFuture;
    if (givenName === null && familyName === null) {
      if (dob !== undefined && n > 1) errors[`${key}GivenName`] = CONTACT_MESSAGES.childIncomplete;
      continue;
    }
    if (givenName === null || familyName === null) {
      errors[givenName === null ? `${key}GivenName` : `${key}FamilyName`] = givenName === null ? CONTACT_MESSAGES.childGivenName : CONTACT_MESSAGES.childFamilyName;
      continue;
    }
    children.push({ givenName, familyName, dateOfBirth: dob ?? null });
  }
  if (children.length === 0 && errors['child1GivenName'] === undefined && errors['child1FamilyName'] === undefined) {
    errors['child1GivenName'] = CONTACT_MESSAGES.atLeastOneChild;
  }

  const adults: ContactAdultInput[] = [];
  for (const n of ADULT_SLOTS) {
    const key = `adult${String(n)}`;
    const givenName = text(form, `${key}GivenName`, errors, { max: CONTACT_LIMITS.name, label: 'First name' });
    const familyName = text(form, `${key}FamilyName`, errors, { max: CONTACT_LIMITS.name, label: 'Last name' });
    const relationship = form[`${key}Relationship`] ?? '';
    if (givenName === null && familyName === null && relationship === '') continue;
    if (givenName === null || familyName === null) {
      errors[givenName === null ? `${key}GivenName` : `${key}FamilyName`] = CONTACT_MESSAGES.adultIncomplete;
      continue;
    }
    if (!(ADULT_RELATIONSHIPS as readonly string[]).includes(relationship)) {
      errors[`${key}Relationship`] = CONTACT_MESSAGES.adultRelationship;
      continue;
    }
    adults.push({ givenName, familyName, relationship: relationship as AdultRelationship });
  }

  const addressLine1 = text(form, 'addressLine1', errors, { max: 200, label: 'Address' });
  const town = text(form, 'town', errors, { max: 100, label: 'Town or city' });
  let postcode = text(form, 'postcode', errors, { max: 10, label: 'Postcode' });
  if (postcode !== null && errors['postcode'] === undefined) {
    if (isValidPostcode(postcode)) postcode = normalisePostcode(postcode);
    else errors['postcode'] = CONTACT_MESSAGES.postcode;
  }

  const worries = text(form, 'worries', errors, { max: CONTACT_LIMITS.worries, label: 'What you are worried about', required: CONTACT_MESSAGES.worries });
  const childViews = text(form, 'childViews', errors, { max: 5000, label: 'What the child has said' });
  const whatTried = text(form, 'whatTried', errors, { max: CONTACT_LIMITS.tried, label: 'What has been tried' });
  const eha = yesNo(form['earlyHelpAssessment']);
  if (eha === undefined) errors['earlyHelpAssessment'] = CONTACT_MESSAGES.earlyHelpAssessment;

  const consent = form['familyConsent'] ?? '';
  const familyConsent = (FAMILY_CONSENT as readonly string[]).includes(consent) ? (consent as FamilyConsent) : null;
  if (familyConsent === null) errors['familyConsent'] = CONTACT_MESSAGES.familyConsent;
  const familyConsentReason = text(form, 'familyConsentReason', errors, {
    max: CONTACT_LIMITS.reason,
    label: 'The reason',
    ...(familyConsent !== null && familyConsent !== 'yes' ? { required: CONTACT_MESSAGES.familyConsentReason } : {}),
  });

  const immediateRisk = yesNo(form['immediateRisk']);
  if (immediateRisk === undefined) errors['immediateRisk'] = CONTACT_MESSAGES.immediateRisk;
  const immediateRiskDetails = text(form, 'immediateRiskDetails', errors, {
    max: CONTACT_LIMITS.reason,
    label: 'The risk',
    ...(immediateRisk === true ? { required: CONTACT_MESSAGES.immediateRiskDetails } : {}),
  });

  if (Object.keys(errors).length > 0 || worries === null || familyConsent === null || immediateRisk === undefined || eha === undefined) {
    return { details: null, errors };
  }
  return {
    details: {
      referrerName,
      referrerRole,
      referrerOrganisation,
      referrerEmail,
      referrerPhone,
      referralSource: source as ReferralSource,
      children,
      adults,
      addressLine1,
      town,
      postcode,
      worries,
      childViews,
      whatTried,
      earlyHelpAssessmentDone: eha,
      familyConsent,
      familyConsentReason: familyConsent === 'yes' ? null : familyConsentReason,
      immediateRisk,
      immediateRiskDetails: immediateRisk ? immediateRiskDetails : null,
    },
    errors,
  };
}

/** The practitioner's form: the contact's details plus how and when it was received. */
export function parseRecordedContact(form: ContactForm, today: string, nowTime: string): { details: RecordedContactDetails | null; errors: Errors } {
  const { details, errors } = parseContactDetails(form, 'practitioner', today);
  const channel = form['channel'] ?? '';
  if (!(RECORDED_CHANNELS as readonly string[]).includes(channel)) errors['channel'] = CONTACT_MESSAGES.channel;
  const receivedDate = dateFromParts(form['receivedDay'], form['receivedMonth'], form['receivedYear']);
  if (receivedDate === null || receivedDate === undefined) errors['received'] = CONTACT_MESSAGES.receivedDate;
  else if (receivedDate > today) errors['received'] = CONTACT_MESSAGES.receivedDateFuture;
  else {
    // The decision timescale (FD-01) is counted in working days from receipt.
    const outOfRange = calendarRangeProblem(parseLocalDate(receivedDate), CONTACT_MESSAGES.receivedDateNamed);
    if (outOfRange !== null) errors['received'] = outOfRange;
  }
  const time = (form['receivedTime'] ?? '').trim();
  const match = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(time);
  const receivedTime = match === null ? null : `${(match[1] ?? '').padStart(2, '0')}:${match[2] ?? ''}`;
  if (receivedTime === null) errors['receivedTime'] = CONTACT_MESSAGES.receivedTime;
  else if (receivedDate === today && receivedTime > nowTime) errors['receivedTime'] = CONTACT_MESSAGES.receivedTimeFuture;
  if (details === null || Object.keys(errors).length > 0 || receivedTime === null || typeof receivedDate !== 'string') return { details: null, errors };
  return { details: { ...details, channel: channel as ContactChannel, receivedDate, receivedTime }, errors };
}

/** The order errors are listed in the summary: the order of the form. */
export const CONTACT_FIELD_ORDER = [
  'channel',
  'received',
  'receivedTime',
  'referrerName',
  'referrerRole',
  'referrerOrganisation',
  'referralSource',
  'referrerEmail',
  'referrerPhone',
  ...CHILD_SLOTS.flatMap((n) => [`child${String(n)}GivenName`, `child${String(n)}FamilyName`, `child${String(n)}Dob`]),
  ...ADULT_SLOTS.flatMap((n) => [`adult${String(n)}GivenName`, `adult${String(n)}FamilyName`, `adult${String(n)}Relationship`]),
  'addressLine1',
  'town',
  'postcode',
  'worries',
  'childViews',
  'whatTried',
  'earlyHelpAssessment',
  'familyConsent',
  'familyConsentReason',
  'immediateRisk',
  'immediateRiskDetails',
];
