// What every screening step does first: the front-door permission, the contact's access rules for a
// change, and a lock on the contact, which must still be awaiting its decision.
import type { Transaction } from 'kysely';
import { lockContact } from '../../db/front-door/contact-repository.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/shared/access/actor.ts';
import type { Permission } from '../../domain/shared/access/permissions.ts';
import { isOpen } from '../../domain/front-door/contact.ts';
import { AccessRefusedError, NotFoundError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { guardContact, type GuardedContact } from './contact-access.ts';

export const ALREADY_DECIDED = 'This contact has already been decided, so its screening cannot change';

export type LockedContact = NonNullable<Awaited<ReturnType<typeof lockContact>>>;

export async function openScreeningStep(
  trx: Transaction<Database>,
  ctx: RequestContext,
  contactId: string,
  now: Date,
  permission: Permission = 'front-door:screen',
): Promise<{ actor: Actor; guarded: GuardedContact; contact: LockedContact }> {
  requirePermission(ctx, permission);
  const guarded = await guardContact(trx, ctx.actor, 'change', contactId, now, permission);
  const contact = await lockContact(trx, contactId);
  if (contact === undefined) throw new NotFoundError('Contact');
  if (!isOpen(contact.status)) throw new ValidationError({ _form: ALREADY_DECIDED });
  if (ctx.actor === null) throw new AccessRefusedError(403, 'not-signed-in', 'Sign in to continue.', null);
  return { actor: guarded.actor, guarded, contact };
}
