// What the child in need pages share: labels for decisions, reasons and statuses, and the plan id
// and version every form posts back (a form opened before someone else's change is refused as stale).
import { z } from 'zod';
import { ValidationError } from '../../app/shared/errors.ts';
import { asString, type FormBody } from '../shared/forms.ts';

export const PLAN_STATUS_TEXT: Readonly<Record<string, { text: string; colour: string }>> = {
  draft: { text: 'Draft: not yet agreed', colour: 'yellow' },
  active: { text: 'Agreed', colour: 'green' },
  ended: { text: 'Ended', colour: 'grey' },
};

export const RAG_COLOUR: Readonly<Record<string, string>> = { red: 'red', amber: 'orange', green: 'green' };

const planFields = z.object({ planId: z.uuid(), version: z.coerce.number().int().min(1).max(1_000_000_000) });

/** The plan id and version a form posted; without them the form cannot be acted on (400). */
export function planFieldsOf(body: FormBody): { planId: string; version: number } {
  const parsed = planFields.safeParse({ planId: asString(body['planId']), version: asString(body['version']) });
  if (!parsed.success) throw new ValidationError({ plan: 'The form was incomplete. Go back, reload the page and try again.' });
  return parsed.data;
}
