// From validated input to the columns of a person row, in one place for creating and editing.
import type { NewPersonRow } from '../../db/people/person-repository.ts';
import { genderFor } from '../../domain/people/person-rules.ts';
import type { PersonType } from '../../domain/people/person-codes.ts';
import type { UpdatePersonInput } from './person-input.ts';

type Details = Omit<UpdatePersonInput, 'version'>;

export function personRowOf(personType: PersonType, input: Details): NewPersonRow {
  return {
    personType,
    givenName: input.givenName,
    familyName: input.familyName,
    dateOfBirth: personType === 'unborn' ? null : (input.dateOfBirth ?? null),
    dateOfBirthEstimated: personType === 'unborn' ? false : input.dateOfBirth !== undefined && input.dateOfBirthEstimated,
    expectedDateOfDelivery: input.expectedDateOfDelivery ?? null,
    gender: genderFor(personType, input.gender),
    ethnicity: input.ethnicity ?? null,
    firstLanguage: input.firstLanguage ?? null,
    interpreterNeeded: input.interpreterNeeded,
    religion: input.religion ?? null,
    disabilities: input.disabilities,
    immigrationStatus: input.immigrationStatus ?? null,
    nhsNumber: input.nhsNumber ?? null,
    upn: input.upn ?? null,
    // A reason only while there is no UPN (the input refuses both; migration 0023 checks it too).
    upnUnknownReason: input.upn === undefined ? (input.upnUnknownReason ?? null) : null,
    phone: input.phone ?? null,
    email: input.email ?? null,
    gpPractice: input.gpPractice ?? null,
    school: input.school ?? null,
  };
}

/** The fields that differ between two rows, as { field: { from, to } } for the audit event. */
export function changedFields(before: object, after: object): Record<string, { from: unknown; to: unknown }> {
  const previous = new Map<string, unknown>(Object.entries(before));
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, to] of Object.entries(after)) {
    const from: unknown = previous.get(key);
    if (JSON.stringify(from ?? null) !== JSON.stringify(to ?? null)) out[key] = { from: from ?? null, to: to ?? null };
  }
  return out;
}
