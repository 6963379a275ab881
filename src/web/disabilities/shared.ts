// What the disabilities pages share: labels and colours, the "id:version" a choice of record posts
// back (a form opened before someone else's change is refused as stale), and the due-date partial.
import { ValidationError } from '../../app/shared/errors.ts';
import { asString, type FormBody } from '../shared/forms.ts';

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
