// What every pre-birth page needs: the child id from the URL, and GOV.UK date inputs as ISO dates.
//
// The pre-birth pages name their URL parameter :preBirthChildId (not :childId) so the access matrix
// (test/security/access-matrix.ts) can try them on a child whose record began unborn: every other
// child's record answers "no pre-birth plan".
import { z } from 'zod';
import { NotFoundError } from '../../app/shared/errors.ts';
import { asString, type FormBody } from '../shared/forms.ts';
import { datePartsOf, isoFromDateParts, type DateParts } from '../records/shared.ts';

export const PRE_BIRTH_CHILD_PARAM = 'preBirthChildId';

export function preBirthChildIdOf(params: unknown): string {
  const parsed = z.object({ preBirthChildId: z.uuid() }).safeParse(params);
  if (!parsed.success) throw new NotFoundError('Child');
  return parsed.data.preBirthChildId;
}

export function datePartsFrom(body: FormBody, field: string): DateParts {
  return { day: asString(body[`${field}-day`]) ?? '', month: asString(body[`${field}-month`]) ?? '', year: asString(body[`${field}-year`]) ?? '' };
}

/**
 * A date input's value for the use case: '' when left empty (the use case decides whether it is
 * required), the ISO date, or an error for a partial or impossible date.
 */
export function dateField(parts: DateParts, label: string): { value: string } | { error: string } {
  if (parts.day.trim() === '' && parts.month.trim() === '' && parts.year.trim() === '') return { value: '' };
  const result = isoFromDateParts(parts, label, `Enter ${label.toLowerCase()}`);
  return 'iso' in result ? { value: result.iso } : result;
}

export { datePartsOf, type DateParts };

/** GOV.UK date input items for a field, with the error class when it has an error. */
export function dateItems(parts: DateParts, hasError: boolean) {
  const error = hasError ? ' govuk-input--error' : '';
  return [
    { name: 'day', classes: `govuk-input--width-2${error}`, value: parts.day },
    { name: 'month', classes: `govuk-input--width-2${error}`, value: parts.month },
    { name: 'year', classes: `govuk-input--width-4${error}`, value: parts.year },
  ];
}
