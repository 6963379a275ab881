// Rules on a person's dates and type that need "today" (so they are not in the input schema):
// a date of birth is not in the future nor more than 120 years ago (a plausibility bound, not a
// statutory rule: it catches a mistyped year, such as 1900 for 2000, from the form or the API); an
// expected date of delivery is near (a pregnancy is at most about ten months, and an unborn child
// whose date has long passed should be recorded as born).
// BR-01 (domain-spec §1.19): a child includes the unborn; records for unborn children carry an EDD
// and sex "U" (CIN census rule 8750), so an unborn child's gender is always "not known".
import type { LocalDate } from '@js-joda/core';
import { parseLocalDate } from '../shared/time/local-date.ts';
import type { Gender, PersonType } from './person-codes.ts';

export const PERSON_DATE_MESSAGES = {
  dobInFuture: 'Date of birth must be today or in the past',
  dobTooOld: 'Date of birth must be within the last 120 years',
  dobRequired: 'Enter the date of birth, or an estimate of it',
  eddRequired: 'Enter the expected date of delivery',
  eddTooFar: 'Expected date of delivery must be within the next 10 months',
  eddPassed: 'Expected date of delivery is more than 3 months ago: if the baby has been born, record their date of birth',
  unbornHasDob: 'An unborn child has an expected date of delivery, not a date of birth',
} as const;

export interface PersonDates {
  readonly personType: PersonType;
  readonly dateOfBirth?: string | undefined;
  readonly expectedDateOfDelivery?: string | undefined;
}

/** The oldest a person on the record can plausibly be, in years. */
const MAX_AGE_YEARS = 120;

export function personDateErrors(input: PersonDates, today: LocalDate): Record<string, string> {
  const errors: Record<string, string> = {};
  if (input.personType === 'unborn') {
    if (input.dateOfBirth !== undefined) errors['dateOfBirth'] = PERSON_DATE_MESSAGES.unbornHasDob;
    if (input.expectedDateOfDelivery === undefined) {
      errors['expectedDateOfDelivery'] = PERSON_DATE_MESSAGES.eddRequired;
    } else {
      const edd = parseLocalDate(input.expectedDateOfDelivery);
      if (edd.isAfter(today.plusMonths(10))) errors['expectedDateOfDelivery'] = PERSON_DATE_MESSAGES.eddTooFar;
      else if (edd.isBefore(today.minusMonths(3))) errors['expectedDateOfDelivery'] = PERSON_DATE_MESSAGES.eddPassed;
    }
    return errors;
  }
  if (input.dateOfBirth === undefined) {
    if (input.personType === 'child') errors['dateOfBirth'] = PERSON_DATE_MESSAGES.dobRequired;
    return errors;
  }
  const dob = parseLocalDate(input.dateOfBirth);
  if (dob.isAfter(today)) errors['dateOfBirth'] = PERSON_DATE_MESSAGES.dobInFuture;
  else if (dob.isBefore(today.minusYears(MAX_AGE_YEARS))) errors['dateOfBirth'] = PERSON_DATE_MESSAGES.dobTooOld;
  return errors;
}

/**
 * The type a record has after an edit: an unborn child given a date of birth has been born and
 * becomes a child (same person, same id: domain-spec §4.3, "converts to a born child record at
 * birth"). Other types never change by editing.
 */
export function personTypeAfterEdit(before: PersonType, dateOfBirth: string | undefined): PersonType {
  return before === 'unborn' && dateOfBirth !== undefined ? 'child' : before;
}

/** An unborn child's gender is always "not known" (CIN census rule 8750: sex U). */
export function genderFor(personType: PersonType, gender: Gender): Gender {
  return personType === 'unborn' ? 'not_known' : gender;
}
