// GOV.UK date input: day, month and year fields ("dateOfBirth-day", "dateOfBirth-month",
// "dateOfBirth-year") turned into an ISO date, with the design system's messages for each way a
// date can be wrong ("Date of birth must include a month", "... must be a real date").
import { isValidIsoDate } from '../../../domain/shared/time/local-date.ts';
import { asString, type FormBody } from '../../shared/forms.ts';

export interface DateParts {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

export type DateResult = { readonly kind: 'empty' } | { readonly kind: 'date'; readonly iso: string } | { readonly kind: 'error'; readonly message: string };

export function dateParts(body: FormBody, name: string): DateParts {
  const part = (p: string) => (asString(body[`${name}-${p}`]) ?? '').trim();
  return { day: part('day'), month: part('month'), year: part('year') };
}

export function datePartsOf(iso: string | null | undefined): DateParts {
  if (iso === null || iso === undefined || !isValidIsoDate(iso)) return { day: '', month: '', year: '' };
  return { day: String(Number(iso.slice(8, 10))), month: String(Number(iso.slice(5, 7))), year: iso.slice(0, 4) };
}

/** `label` is how the message names the date, capitalised: "Date of birth". */
export function parseDateParts(parts: DateParts, label: string): DateResult {
  const { day, month, year } = parts;
  if (day === '' && month === '' && year === '') return { kind: 'empty' };
  const missing = [day === '' ? 'day' : null, month === '' ? 'month' : null, year === '' ? 'year' : null].filter((m): m is string => m !== null);
  if (missing.length > 0) return { kind: 'error', message: `${label} must include a ${missing.join(' and ')}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return { kind: 'error', message: `${label} must be a real date` };
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? { kind: 'date', iso } : { kind: 'error', message: `${label} must be a real date` };
}

/** The items for govukDateInput, marking every part in error when the date is wrong. */
export function dateItems(parts: DateParts, hasError: boolean) {
  const error = hasError ? ' govuk-input--error' : '';
  return [
    { name: 'day', label: 'Day', value: parts.day, classes: `govuk-input--width-2${error}` },
    { name: 'month', label: 'Month', value: parts.month, classes: `govuk-input--width-2${error}` },
    { name: 'year', label: 'Year', value: parts.year, classes: `govuk-input--width-4${error}` },
  ];
}
