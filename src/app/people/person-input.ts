// The schemas for a person's details, used by the pages, the JSON API and tests alike. Messages
// follow the GOV.UK pattern and live here as constants. Rules that need "today" (a date of birth not
// in the future) are in src/domain/people/person-rules.ts and run in the use cases.
import { z } from 'zod';
import { DISABILITY_CODES, disabilityCodesProblem } from '../../domain/shared/codes/dfe/disability.ts';
import { ETHNICITY_CODES } from '../../domain/shared/codes/dfe/ethnicity.ts';
import { UPN_UNKNOWN_REASON_CODES } from '../../domain/shared/codes/dfe/upn-unknown-reason.ts';
import { isValidNhsNumber } from '../../domain/shared/identifiers/nhs-number.ts';
import { normaliseUpn, upnProblem } from '../../domain/shared/identifiers/upn.ts';
import { isValidIsoDate } from '../../domain/shared/time/local-date.ts';
import { ADDABLE_NAME_TYPE_CODES, GENDERS, IMMIGRATION_STATUS_CODES, PERSON_TYPES, RELIGION_CODES } from '../../domain/people/person-codes.ts';
import { isValidPostcode, normalisePostcode } from '../../domain/people/postcode.ts';
import { RELATIONSHIP_CODES } from '../../domain/people/relationships.ts';
import { optionalSafeText, safeText } from '../shared/safe-text.ts';

export const PERSON_MESSAGES = {
  personType: 'Select who you are adding',
  givenName: 'Enter their first name',
  givenNameTooLong: 'First name must be 100 characters or fewer',
  familyName: 'Enter their last name',
  familyNameTooLong: 'Last name must be 100 characters or fewer',
  dateOfBirthInvalid: 'Date of birth must be a real date',
  eddInvalid: 'Expected date of delivery must be a real date',
  gender: 'Select their gender',
  ethnicity: 'Select their ethnicity from the list',
  religion: 'Select their religion from the list',
  immigrationStatus: 'Select their immigration status from the list',
  disability: 'Select a disability from the list',
  disabilityNoneWithOthers: 'Select “No disability” on its own, or the disabilities they have',
  disabilityRepeated: 'Select each disability once',
  interpreterNeeded: 'Select whether they need an interpreter',
  firstLanguageTooLong: 'First language must be 100 characters or fewer',
  nhsNumberFormat: 'Enter an NHS number with 10 digits, like 943 476 5919',
  nhsNumberCheck: 'Check the NHS number: it is not a valid NHS number (the last digit does not match)',
  upnFormat: 'Enter a unique pupil number of 13 characters, like H801200001001',
  upnCheck: 'Check the unique pupil number: its first letter does not match the rest of the number',
  upnUnknownReason: 'Select why the unique pupil number is not known from the list',
  upnUnknownReasonWithUpn: 'Remove the reason the unique pupil number is not known, or remove the unique pupil number',
  phone: 'Enter a telephone number, like 01632 960 001 or 07700 900 982',
  email: 'Enter an email address in the correct format, like name@example.com',
  gpPracticeTooLong: 'GP practice must be 200 characters or fewer',
  schoolTooLong: 'School must be 200 characters or fewer',
  addressLine1: 'Enter the first line of the address',
  addressTooLong: 'Address lines must be 200 characters or fewer',
  townTooLong: 'Town or city must be 100 characters or fewer',
  postcode: 'Enter the postcode',
  postcodeFormat: 'Enter a real postcode, like MK9 3HS',
  movedInInvalid: 'Date they moved in must be a real date',
  movedOutInvalid: 'Date they moved out must be a real date',
  movedOutBeforeIn: 'Date they moved out must be the same as or after the date they moved in',
  mother: 'Choose the mother’s record: open her record and select “Add an unborn baby”',
  version: 'Reload the page and make your change again',
  nameType: 'Select the kind of name',
  usedToBeforeFrom: 'Date they stopped using the name must be after the date they started',
  relationship: 'Select the relationship',
  relatedPerson: 'Choose the person they are related to',
  parentalResponsibility: 'Select whether they have parental responsibility',
  livesWith: 'Select whether they live in the same household',
  searchEmpty: 'Enter a name, date of birth, NHS number or postcode',
  searchNhsFormat: 'Enter an NHS number with 10 digits, like 943 476 5919',
  searchPostcode: 'Enter a full postcode, like MK9 3HS',
  reason: 'Enter the reason',
  contact: 'Choose the manager people should ask for access',
} as const;

const isoDate = (message: string) => z.string({ error: message }).trim().refine(isValidIsoDate, { error: message });
const optionalIsoDate = (message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === undefined || v === '' ? undefined : v))
    .pipe(isoDate(message).optional());

const nhsNumber = z
  .string()
  .optional()
  .transform((v) => (v === undefined ? undefined : v.replace(/[\s-]+/g, '')))
  .transform((v) => (v === '' ? undefined : v))
  .superRefine((v, ctx) => {
    if (v === undefined) return;
    if (!/^\d{10}$/.test(v)) ctx.addIssue({ code: 'custom', message: PERSON_MESSAGES.nhsNumberFormat });
    else if (!isValidNhsNumber(v)) ctx.addIssue({ code: 'custom', message: PERSON_MESSAGES.nhsNumberCheck });
  });

const upn = z
  .string()
  .optional()
  .transform((v) => (v === undefined ? undefined : normaliseUpn(v)))
  .transform((v) => (v === '' ? undefined : v))
  .superRefine((v, ctx) => {
    if (v === undefined) return;
    const problem = upnProblem(v);
    if (problem === 'format') ctx.addIssue({ code: 'custom', message: PERSON_MESSAGES.upnFormat });
    if (problem === 'check-letter') ctx.addIssue({ code: 'custom', message: PERSON_MESSAGES.upnCheck });
  });

const postcode = z
  .string({ error: PERSON_MESSAGES.postcode })
  .trim()
  .min(1, { error: PERSON_MESSAGES.postcode })
  .refine(isValidPostcode, { error: PERSON_MESSAGES.postcodeFormat })
  .transform(normalisePostcode);

const phone = optionalSafeText(30).pipe(
  z
    .string()
    .regex(/^\+?[\d\s()-]{7,25}$/, { error: PERSON_MESSAGES.phone })
    .refine((v) => v.replace(/\D/g, '').length >= 7, { error: PERSON_MESSAGES.phone })
    .optional(),
);
const email = optionalSafeText(320).pipe(z.email({ error: PERSON_MESSAGES.email }).optional());

function codeOrUndefined<T extends [string, ...string[]]>(codes: T, message: string) {
  return z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === '' ? undefined : v))
    .pipe(z.enum(codes, { error: message }).optional());
}

const disabilities = z
  .array(z.enum(DISABILITY_CODES, { error: PERSON_MESSAGES.disability }))
  .max(DISABILITY_CODES.length)
  .default([])
  .superRefine((codes, ctx) => {
    const problem = disabilityCodesProblem(codes);
    if (problem === 'none-with-others') ctx.addIssue({ code: 'custom', message: PERSON_MESSAGES.disabilityNoneWithOthers });
    if (problem === 'repeated') ctx.addIssue({ code: 'custom', message: PERSON_MESSAGES.disabilityRepeated });
  });

/** A reason the UPN is not known only when there is no UPN (a field error on the reason). */
function upnReasonOnlyWithoutUpn(p: { upn?: string | undefined; upnUnknownReason?: string | undefined }, ctx: z.RefinementCtx): void {
  if (p.upn !== undefined && p.upnUnknownReason !== undefined)
    ctx.addIssue({ code: 'custom', path: ['upnUnknownReason'], message: PERSON_MESSAGES.upnUnknownReasonWithUpn });
}

/** The details of a person shared by creating and editing. */
export const personDetailsShape = {
  givenName: safeText({ required: PERSON_MESSAGES.givenName, tooLong: PERSON_MESSAGES.givenNameTooLong }, 100),
  familyName: safeText({ required: PERSON_MESSAGES.familyName, tooLong: PERSON_MESSAGES.familyNameTooLong }, 100),
  dateOfBirth: optionalIsoDate(PERSON_MESSAGES.dateOfBirthInvalid),
  dateOfBirthEstimated: z.boolean().default(false),
  expectedDateOfDelivery: optionalIsoDate(PERSON_MESSAGES.eddInvalid),
  gender: z.enum(GENDERS, { error: PERSON_MESSAGES.gender }),
  ethnicity: codeOrUndefined(ETHNICITY_CODES, PERSON_MESSAGES.ethnicity),
  firstLanguage: optionalSafeText(100, PERSON_MESSAGES.firstLanguageTooLong),
  interpreterNeeded: z.boolean({ error: PERSON_MESSAGES.interpreterNeeded }).default(false),
  religion: codeOrUndefined(RELIGION_CODES, PERSON_MESSAGES.religion),
  disabilities,
  immigrationStatus: codeOrUndefined(IMMIGRATION_STATUS_CODES, PERSON_MESSAGES.immigrationStatus),
  nhsNumber,
  upn,
  upnUnknownReason: codeOrUndefined(UPN_UNKNOWN_REASON_CODES, PERSON_MESSAGES.upnUnknownReason),
  phone,
  email,
  gpPractice: optionalSafeText(200, PERSON_MESSAGES.gpPracticeTooLong),
  school: optionalSafeText(200, PERSON_MESSAGES.schoolTooLong),
};

export const addressInput = z
  .object({
    addressLine1: safeText({ required: PERSON_MESSAGES.addressLine1, tooLong: PERSON_MESSAGES.addressTooLong }, 200),
    addressLine2: optionalSafeText(200, PERSON_MESSAGES.addressTooLong),
    town: optionalSafeText(100, PERSON_MESSAGES.townTooLong),
    postcode,
    movedIn: optionalIsoDate(PERSON_MESSAGES.movedInInvalid),
    movedOut: optionalIsoDate(PERSON_MESSAGES.movedOutInvalid),
  })
  .superRefine((a, ctx) => {
    if (a.movedIn !== undefined && a.movedOut !== undefined && a.movedOut < a.movedIn) ctx.addIssue({ code: 'custom', path: ['movedOut'], message: PERSON_MESSAGES.movedOutBeforeIn });
  });
export type AddressInput = z.infer<typeof addressInput>;

export const createPersonInput = z
  .object({
    personType: z.enum(PERSON_TYPES, { error: PERSON_MESSAGES.personType }),
    ...personDetailsShape,
    motherId: z.uuid({ error: PERSON_MESSAGES.mother }).optional(),
    address: addressInput.optional(),
  })
  .superRefine((p, ctx) => {
    if (p.personType === 'unborn' && p.motherId === undefined) ctx.addIssue({ code: 'custom', path: ['motherId'], message: PERSON_MESSAGES.mother });
    upnReasonOnlyWithoutUpn(p, ctx);
  });
export type CreatePersonInput = z.infer<typeof createPersonInput>;

/** The first step of adding a person: enough to look for an existing record first. */
export const newPersonStepInput = z
  .object({
    personType: z.enum(PERSON_TYPES, { error: PERSON_MESSAGES.personType }),
    givenName: personDetailsShape.givenName,
    familyName: personDetailsShape.familyName,
    dateOfBirth: personDetailsShape.dateOfBirth,
    dateOfBirthEstimated: personDetailsShape.dateOfBirthEstimated,
    expectedDateOfDelivery: personDetailsShape.expectedDateOfDelivery,
    nhsNumber,
    postcode: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v === undefined || v === '' ? undefined : v))
      .pipe(z.string().refine(isValidPostcode, { error: PERSON_MESSAGES.postcodeFormat }).transform(normalisePostcode).optional()),
    motherId: z.uuid({ error: PERSON_MESSAGES.mother }).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.personType === 'unborn' && p.motherId === undefined) ctx.addIssue({ code: 'custom', path: ['motherId'], message: PERSON_MESSAGES.mother });
  });
export type NewPersonStep = z.infer<typeof newPersonStepInput>;

export const updatePersonInput = z
  .object({ ...personDetailsShape, version: z.number({ error: PERSON_MESSAGES.version }).int().positive() })
  .superRefine(upnReasonOnlyWithoutUpn);
export type UpdatePersonInput = z.infer<typeof updatePersonInput>;

export const personNameInput = z
  .object({
    nameType: z.enum(ADDABLE_NAME_TYPE_CODES, { error: PERSON_MESSAGES.nameType }),
    givenName: safeText({ required: PERSON_MESSAGES.givenName, tooLong: PERSON_MESSAGES.givenNameTooLong }, 100),
    familyName: safeText({ required: PERSON_MESSAGES.familyName, tooLong: PERSON_MESSAGES.familyNameTooLong }, 100),
    usedFrom: optionalIsoDate('Date they started using the name must be a real date'),
    usedTo: optionalIsoDate('Date they stopped using the name must be a real date'),
  })
  .superRefine((n, ctx) => {
    if (n.usedFrom !== undefined && n.usedTo !== undefined && n.usedTo < n.usedFrom) ctx.addIssue({ code: 'custom', path: ['usedTo'], message: PERSON_MESSAGES.usedToBeforeFrom });
  });
export type PersonNameInput = z.infer<typeof personNameInput>;

export const newAddressInput = z.object({ address: addressInput, current: z.boolean() });
export type NewAddressInput = z.infer<typeof newAddressInput>;

export const relationshipInput = z.object({
  relatedPersonId: z.uuid({ error: PERSON_MESSAGES.relatedPerson }),
  relationship: z.enum(RELATIONSHIP_CODES, { error: PERSON_MESSAGES.relationship }),
  parentalResponsibility: z.boolean({ error: PERSON_MESSAGES.parentalResponsibility }),
  livesWith: z.boolean({ error: PERSON_MESSAGES.livesWith }),
});
export type RelationshipInput = z.infer<typeof relationshipInput>;

export const personSearchQuery = z
  .object({
    name: optionalSafeText(200),
    dateOfBirth: optionalIsoDate(PERSON_MESSAGES.dateOfBirthInvalid),
    nhsNumber: z
      .string()
      .optional()
      .transform((v) => (v === undefined ? undefined : v.replace(/[\s-]+/g, '')))
      .transform((v) => (v === '' ? undefined : v))
      .pipe(z.string().regex(/^\d{10}$/, { error: PERSON_MESSAGES.searchNhsFormat }).optional()),
    postcode: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v === undefined || v === '' ? undefined : v))
      .pipe(z.string().refine(isValidPostcode, { error: PERSON_MESSAGES.searchPostcode }).transform(normalisePostcode).optional()),
    limit: z.number().int().min(1).max(100).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.name === undefined && q.dateOfBirth === undefined && q.nhsNumber === undefined && q.postcode === undefined) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: PERSON_MESSAGES.searchEmpty });
    }
  });
export type PersonSearchQuery = z.input<typeof personSearchQuery>;

export const restrictInput = z.object({
  contactUserId: z.uuid({ error: PERSON_MESSAGES.contact }),
  reason: safeText({ required: PERSON_MESSAGES.reason, tooLong: 'Reason must be 500 characters or fewer' }, 500),
  version: z.number().int().positive(),
});
export type RestrictInput = z.infer<typeof restrictInput>;

export const liftRestrictionInput = z.object({
  reason: safeText({ required: PERSON_MESSAGES.reason, tooLong: 'Reason must be 500 characters or fewer' }, 500),
  version: z.number().int().positive(),
});
export type LiftRestrictionInput = z.infer<typeof liftRestrictionInput>;

export const mergeInput = z.object({
  survivorId: z.uuid(),
  mergedId: z.uuid(),
  survivorVersion: z.number().int().positive(),
  mergedVersion: z.number().int().positive(),
  reason: safeText({ required: 'Enter why these records are the same person', tooLong: 'Reason must be 500 characters or fewer' }, 500),
});
export type MergeInput = z.infer<typeof mergeInput>;
