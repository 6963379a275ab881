// Shaping a person's details for the pages: labels for codes, dates in GOV.UK style, ages. Pure.
import { upnUnknownReasonLabel } from '../../../domain/shared/codes/dfe/upn-unknown-reason.ts';
import { disabilityLabel } from '../../../domain/shared/codes/dfe/disability.ts';
import { ethnicityLabel } from '../../../domain/shared/codes/dfe/ethnicity.ts';
import { formatNhsNumber } from '../../../domain/shared/identifiers/nhs-number.ts';
import { ageOn, formatLongDate, parseLocalDate } from '../../../domain/shared/time/local-date.ts';
import { codeLabel, GENDER_LABELS, IMMIGRATION_STATUSES, NAME_TYPES, PERSON_TYPE_LABELS, RELIGIONS, type Gender, type PersonType } from '../../../domain/people/person-codes.ts';

export interface SummaryRow {
  readonly key: { readonly text: string };
  readonly value: { readonly text?: string; readonly html?: string };
}

export interface PersonForView {
  readonly personType: PersonType;
  readonly dateOfBirth: string | null;
  readonly dateOfBirthEstimated?: boolean;
  readonly expectedDateOfDelivery: string | null;
  readonly gender: string;
  readonly ethnicity?: string | null;
  readonly firstLanguage?: string | null;
  readonly interpreterNeeded?: boolean;
  readonly religion?: string | null;
  readonly disabilities?: readonly string[];
  readonly immigrationStatus?: string | null;
  readonly nhsNumber: string | null;
  readonly upn?: string | null;
  readonly upnUnknownReason?: string | null;
  readonly phone?: string | null;
  readonly email?: string | null;
  readonly gpPractice?: string | null;
  readonly school?: string | null;
  readonly addressLine1: string | null;
  readonly addressLine2?: string | null;
  readonly town: string | null;
  readonly postcode: string | null;
}

const notRecorded = 'Not recorded';

export function ageText(dateOfBirth: string | null, today: string): string | null {
  if (dateOfBirth === null) return null;
  const dob = parseLocalDate(dateOfBirth);
  const now = parseLocalDate(today);
  return now.isBefore(dob) ? null : String(ageOn(dob, now));
}

export function dateOfBirthText(p: Pick<PersonForView, 'personType' | 'dateOfBirth' | 'dateOfBirthEstimated' | 'expectedDateOfDelivery'>, today: string): string {
  if (p.personType === 'unborn') return p.expectedDateOfDelivery === null ? 'Unborn' : `Due ${formatLongDate(p.expectedDateOfDelivery)}`;
  if (p.dateOfBirth === null) return 'Not known';
  const age = ageText(p.dateOfBirth, today);
  return `${formatLongDate(p.dateOfBirth)}${p.dateOfBirthEstimated === true ? ' (estimated)' : ''}${age === null ? '' : ` (age ${age})`}`;
}

export function genderText(gender: string): string {
  return gender in GENDER_LABELS ? GENDER_LABELS[gender as Gender] : gender;
}

export function addressLines(p: Pick<PersonForView, 'addressLine1' | 'addressLine2' | 'town' | 'postcode'>): string[] {
  return [p.addressLine1, p.addressLine2 ?? null, p.town, p.postcode].filter((l): l is string => l !== null && l !== '');
}

export function personSummaryRows(p: PersonForView, today: string): SummaryRow[] {
  const row = (key: string, text: string): SummaryRow => ({ key: { text: key }, value: { text } });
  const rows: SummaryRow[] = [
    row('Record type', PERSON_TYPE_LABELS[p.personType]),
    row(p.personType === 'unborn' ? 'Expected date of delivery' : 'Date of birth', dateOfBirthText(p, today)),
    row('Gender', genderText(p.gender)),
    row('Ethnicity', p.ethnicity === null || p.ethnicity === undefined ? notRecorded : `${ethnicityLabel(p.ethnicity)} (${p.ethnicity})`),
    row('First language', p.firstLanguage ?? notRecorded),
    row('Interpreter needed', p.interpreterNeeded === true ? 'Yes' : 'No'),
    row('Religion', codeLabel(RELIGIONS, p.religion)),
    row('Disability', p.disabilities === undefined || p.disabilities.length === 0 ? notRecorded : p.disabilities.map(disabilityLabel).join(', ')),
    row('Immigration status', codeLabel(IMMIGRATION_STATUSES, p.immigrationStatus)),
    row('NHS number', p.nhsNumber === null ? notRecorded : formatNhsNumber(p.nhsNumber)),
  ];
  if (p.personType !== 'adult') {
    const unknown = p.upnUnknownReason ?? null;
    rows.push(row('Unique pupil number', p.upn ?? (unknown === null ? notRecorded : `Not known: ${upnUnknownReasonLabel(unknown)} (${unknown})`)));
  }
  rows.push(
    row('Address', addressLines(p).join(', ') || notRecorded),
    row('Telephone', p.phone ?? notRecorded),
    row('Email', p.email ?? notRecorded),
    row('GP practice', p.gpPractice ?? notRecorded),
  );
  if (p.personType !== 'adult') rows.push(row('School or nursery', p.school ?? notRecorded));
  return rows;
}

export function nameTypeLabel(code: string): string {
  return codeLabel(NAME_TYPES, code);
}

export function longDateOrBlank(iso: string | null): string {
  return iso === null ? '' : formatLongDate(iso);
}
