// The person form's values as posted (strings, kept as typed so a failed save shows them again),
// turned into the use cases' input, and the items for its radios, selects and checkboxes.
import type { FieldErrors } from '../../../app/shared/errors.ts';
import type { PersonDetails } from '../../../app/people/person-types.ts';
import { DISABILITIES } from '../../../domain/shared/codes/dfe/disability.ts';
import { ETHNICITIES } from '../../../domain/shared/codes/dfe/ethnicity.ts';
import { UPN_UNKNOWN_REASONS } from '../../../domain/shared/codes/dfe/upn-unknown-reason.ts';
import { GENDERS, GENDER_LABELS, IMMIGRATION_STATUSES, RELIGIONS } from '../../../domain/people/person-codes.ts';
import { asArray, asString, type FormBody } from '../../shared/forms.ts';
import { dateParts, datePartsOf, parseDateParts, type DateParts } from './date-input.ts';

export interface PersonFormValues {
  readonly givenName: string;
  readonly familyName: string;
  readonly dateOfBirth: DateParts;
  readonly dateOfBirthEstimated: boolean;
  readonly expectedDateOfDelivery: DateParts;
  readonly gender: string;
  readonly ethnicity: string;
  readonly firstLanguage: string;
  readonly interpreterNeeded: string;
  readonly religion: string;
  readonly disabilities: readonly string[];
  readonly immigrationStatus: string;
  readonly nhsNumber: string;
  readonly upn: string;
  readonly upnUnknownReason: string;
  readonly phone: string;
  readonly email: string;
  readonly gpPractice: string;
  readonly school: string;
  readonly addressLine1: string;
  readonly addressLine2: string;
  readonly town: string;
  readonly postcode: string;
  readonly movedIn: DateParts;
  readonly version: string;
}

/** The order fields appear in, for the error summary. */
export const PERSON_FIELDS = [
  'personType', 'givenName', 'familyName', 'dateOfBirth', 'expectedDateOfDelivery', 'gender', 'ethnicity', 'firstLanguage', 'interpreterNeeded',
  'religion', 'disabilities', 'immigrationStatus', 'nhsNumber', 'upn', 'upnUnknownReason', 'addressLine1', 'addressLine2', 'town', 'postcode', 'movedIn', 'phone',
  'email', 'gpPractice', 'school', 'motherId',
] as const;

const text = (body: FormBody, name: string) => asString(body[name]) ?? '';

export function personFormValues(body: FormBody): PersonFormValues {
  return {
    givenName: text(body, 'givenName'),
    familyName: text(body, 'familyName'),
    dateOfBirth: dateParts(body, 'dateOfBirth'),
    dateOfBirthEstimated: asArray(body['dateOfBirthEstimated']).includes('yes'),
    expectedDateOfDelivery: dateParts(body, 'expectedDateOfDelivery'),
    gender: text(body, 'gender'),
    ethnicity: text(body, 'ethnicity'),
    firstLanguage: text(body, 'firstLanguage'),
    interpreterNeeded: text(body, 'interpreterNeeded'),
    religion: text(body, 'religion'),
    disabilities: asArray(body['disabilities']),
    immigrationStatus: text(body, 'immigrationStatus'),
    nhsNumber: text(body, 'nhsNumber'),
    upn: text(body, 'upn'),
    upnUnknownReason: text(body, 'upnUnknownReason'),
    phone: text(body, 'phone'),
    email: text(body, 'email'),
    gpPractice: text(body, 'gpPractice'),
    school: text(body, 'school'),
    addressLine1: text(body, 'addressLine1'),
    addressLine2: text(body, 'addressLine2'),
    town: text(body, 'town'),
    postcode: text(body, 'postcode'),
    movedIn: dateParts(body, 'movedIn'),
    version: text(body, 'version'),
  };
}

export function personFormFromDetails(p: PersonDetails): PersonFormValues {
  return {
    givenName: p.givenName,
    familyName: p.familyName,
    dateOfBirth: datePartsOf(p.dateOfBirth),
    dateOfBirthEstimated: p.dateOfBirthEstimated,
    expectedDateOfDelivery: datePartsOf(p.expectedDateOfDelivery),
    gender: p.gender,
    ethnicity: p.ethnicity ?? '',
    firstLanguage: p.firstLanguage ?? '',
    interpreterNeeded: p.interpreterNeeded ? 'yes' : 'no',
    religion: p.religion ?? '',
    disabilities: [...p.disabilities],
    immigrationStatus: p.immigrationStatus ?? '',
    nhsNumber: p.nhsNumber ?? '',
    upn: p.upn ?? '',
    upnUnknownReason: p.upnUnknownReason ?? '',
    phone: p.phone ?? '',
    email: p.email ?? '',
    gpPractice: p.gpPractice ?? '',
    school: p.school ?? '',
    addressLine1: p.addressLine1 ?? '',
    addressLine2: p.addressLine2 ?? '',
    town: p.town ?? '',
    postcode: p.postcode ?? '',
    movedIn: { day: '', month: '', year: '' },
    version: String(p.version),
  };
}

/** The dates typed, as ISO dates, with a message for each one that is not a real date. */
export function formDates(values: PersonFormValues): { dateOfBirth?: string; expectedDateOfDelivery?: string; movedIn?: string; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const out: { dateOfBirth?: string; expectedDateOfDelivery?: string; movedIn?: string } = {};
  const take = (key: 'dateOfBirth' | 'expectedDateOfDelivery' | 'movedIn', parts: DateParts, label: string) => {
    const result = parseDateParts(parts, label);
    if (result.kind === 'date') out[key] = result.iso;
    if (result.kind === 'error') errors[key] = result.message;
  };
  take('dateOfBirth', values.dateOfBirth, 'Date of birth');
  take('expectedDateOfDelivery', values.expectedDateOfDelivery, 'Expected date of delivery');
  take('movedIn', values.movedIn, 'Date they moved in');
  return { ...out, errors };
}

const blankToUndefined = (v: string) => (v.trim() === '' ? undefined : v);

/** The details part of the use cases' input (everything but the type, address and version). */
export function detailsInputOf(values: PersonFormValues, dates: ReturnType<typeof formDates>): Record<string, unknown> {
  return {
    givenName: values.givenName,
    familyName: values.familyName,
    dateOfBirth: dates.dateOfBirth,
    dateOfBirthEstimated: values.dateOfBirthEstimated,
    expectedDateOfDelivery: dates.expectedDateOfDelivery,
    gender: values.gender === '' ? undefined : values.gender,
    ethnicity: blankToUndefined(values.ethnicity),
    firstLanguage: values.firstLanguage,
    interpreterNeeded: values.interpreterNeeded === 'yes',
    religion: blankToUndefined(values.religion),
    disabilities: values.disabilities,
    immigrationStatus: blankToUndefined(values.immigrationStatus),
    nhsNumber: values.nhsNumber,
    upn: values.upn,
    upnUnknownReason: blankToUndefined(values.upnUnknownReason),
    phone: values.phone,
    email: values.email,
    gpPractice: values.gpPractice,
    school: values.school,
  };
}

export function addressInputOf(values: PersonFormValues, dates: ReturnType<typeof formDates>): Record<string, unknown> | undefined {
  const any = [values.addressLine1, values.addressLine2, values.town, values.postcode].some((v) => v.trim() !== '') || dates.movedIn !== undefined;
  if (!any) return undefined;
  return { addressLine1: values.addressLine1, addressLine2: values.addressLine2, town: values.town, postcode: values.postcode, movedIn: dates.movedIn };
}

/** Errors from `address.postcode` and the like shown on the fields of the same name. */
export function flattenAddressErrors(errors: FieldErrors): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) out[key.startsWith('address.') ? key.slice('address.'.length) : key] = message;
  return out;
}

type CheckboxItem = { value: string; text: string; checked: boolean; behaviour?: 'exclusive' } | { divider: string };

export function personChoiceItems(values: PersonFormValues) {
  return {
    genderItems: GENDERS.map((g) => ({ value: g, text: GENDER_LABELS[g], checked: values.gender === g })),
    ethnicityItems: [{ value: '', text: 'Not recorded yet' }, ...ETHNICITIES.map((e) => ({ value: e.code, text: `${e.group}: ${e.label} (${e.code})`, selected: values.ethnicity === e.code }))],
    religionItems: [{ value: '', text: 'Not recorded yet' }, ...RELIGIONS.map((r) => ({ value: r.code, text: r.label, selected: values.religion === r.code }))],
    upnUnknownReasonItems: [
      { value: '', text: 'Not recorded' },
      ...UPN_UNKNOWN_REASONS.map((r) => ({ value: r.code, text: `${r.label} (${r.code})`, selected: values.upnUnknownReason === r.code })),
    ],
    immigrationItems: [{ value: '', text: 'Not recorded yet' }, ...IMMIGRATION_STATUSES.map((s) => ({ value: s.code, text: s.label, selected: values.immigrationStatus === s.code }))],
    disabilityItems: [
      ...DISABILITIES.filter((d) => d.code !== 'NONE').map((d): CheckboxItem => ({ value: d.code, text: d.label, checked: values.disabilities.includes(d.code) })),
      { divider: 'or' },
      { value: 'NONE', text: 'No disability', checked: values.disabilities.includes('NONE'), behaviour: 'exclusive' },
    ] satisfies CheckboxItem[],
    interpreterItems: [
      { value: 'yes', text: 'Yes', checked: values.interpreterNeeded === 'yes' },
      { value: 'no', text: 'No', checked: values.interpreterNeeded === 'no' },
    ],
  };
}
