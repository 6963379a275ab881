// What the disabilities pages share: labels and colours, the "id:version" a choice of record posts
// back (a form opened before someone else's change is refused as stale), and the due-date partial.
import { ValidationError } from '../../app/shared/errors.ts';
import { asString, type FormBody } from '../shared/forms.ts';
import { isoFromDateParts } from '../records/shared.ts';

export const RAG_COLOUR: Readonly<Record<string, string>> = { red: 'red', amber: 'orange', green: 'green' };

export const DECISION_STATUS_COLOUR: Readonly<Record<string, string>> = { recorded: 'yellow', confirmed: 'green', returned: 'red', superseded: 'grey' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A radio's value `id:version`; `field` names the radio for the error when nothing was chosen. */
export function idAndVersionOf(body: FormBody, name: string, message: string): { id: string; version: number } {
  const value = asString(body[name]) ?? '';
  const [id = '', version = ''] = value.split(':');
  if (!UUID.test(id) || !/^\d{1,9}$/.test(version) || Number(version) < 1) throw new ValidationError({ [name]: message });
  return { id, version: Number(version) };
}

/** A hidden uuid field the form posts back; without it the form cannot be acted on (400). */
export function uuidFieldOf(body: FormBody, name: string): string {
  const value = asString(body[name]) ?? '';
  if (!UUID.test(value)) throw new ValidationError({ [name]: 'The form was incomplete. Go back, reload the page and try again.' });
  return value;
}

export function textOf(body: FormBody, name: string): string {
  return asString(body[name]) ?? '';
}

const DATE_PARTS = ['day', 'month', 'year'] as const;

/** The typed values of a form's text fields and GOV.UK date fields (`<name>-day` etc.), to show again. */
export function valuesOf(body: FormBody, names: readonly string[], dates: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const n of names) values[n] = textOf(body, n);
  for (const d of dates) for (const p of DATE_PARTS) values[`${d}-${p}`] = textOf(body, `${d}-${p}`);
  return values;
}

/** The ISO date of a date field from `valuesOf`, or its error; an optional field left blank is ''. */
export function dateFrom(values: Record<string, string>, field: string, label: string, required: string, optional: boolean): { iso: string } | { error: string } {
  const parts = { day: values[`${field}-day`] ?? '', month: values[`${field}-month`] ?? '', year: values[`${field}-year`] ?? '' };
  if (optional && parts.day.trim() === '' && parts.month.trim() === '' && parts.year.trim() === '') return { iso: '' };
  return isoFromDateParts(parts, label, required);
}
