// Linking the people a contact names to their records (DESIGN.md: nobody creates a duplicate of a
// child whose history exists). The people module's duplicate check lists the likely matches, with
// restricted records as "ask <manager>"; the practitioner links one, or creates a new record through
// the people module and links that.
import { linkContactPerson as linkRow, markScreening } from '../../db/front-door/contact-repository.ts';
import { loadContact, type ContactPersonRow } from '../../db/front-door/contact-repository.ts';
import type { AppDeps } from '../shared/deps.ts';
import { AccessRefusedError, NotFoundError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { createPerson } from '../people/create-person.ts';
import { findLikelyDuplicates } from '../people/find-likely-duplicates.ts';
import { guardPerson } from '../people/person-access.ts';
import type { CreatePersonInput } from '../people/person-input.ts';
import type { PersonHit } from '../people/person-matching.ts';
import { guardContact } from './contact-access.ts';
import { openScreeningStep } from './screening-step.ts';
import { isOpen } from '../../domain/front-door/contact.ts';

export const LINK_MESSAGES = {
  person: 'Choose a record from the list, or create a new one',
  wrongType: (role: 'child' | 'adult') => (role === 'child' ? 'Choose a child’s record for a child' : 'Choose an adult’s record for an adult'),
  merged: 'That record was merged into another: choose the current record',
} as const;

export interface PersonToLink {
  readonly contactId: string;
  readonly reference: string;
  readonly person: ContactPersonRow;
  readonly address: { readonly addressLine1: string | null; readonly town: string | null; readonly postcode: string | null };
  readonly open: boolean;
  readonly matches: readonly PersonHit[];
}

/** The person as the contact names them, and the records that may be them. */
export async function findRecordsFor(deps: AppDeps, ctx: RequestContext, contactId: string, contactPersonId: string): Promise<PersonToLink> {
  const loaded = await unitOfWork(deps, ctx, async ({ trx, now }) => {
    await guardContact(trx, ctx.actor, 'read', contactId, now, 'front-door:screen');
    const contact = await loadContact(trx, contactId);
    const person = contact?.people.find((p) => p.id === contactPersonId);
    if (contact === undefined || person === undefined) throw new NotFoundError('Person on contact');
    return { contact, person };
  });
  const { contact, person } = loaded;
  const matches = await findLikelyDuplicates(deps, ctx, {
    givenName: person.givenName,
    familyName: person.familyName,
    ...(person.dateOfBirth === null ? {} : { dateOfBirth: person.dateOfBirth }),
    ...(contact.postcode === null ? {} : { postcode: contact.postcode }),
  });
  return {
    contactId,
    reference: contact.reference,
    person,
    address: { addressLine1: contact.addressLine1, town: contact.town, postcode: contact.postcode },
    open: isOpen(contact.status),
    matches,
  };
}

/** Links the person named on the contact to an existing record the actor may change. */
export async function linkContactPerson(deps: AppDeps, ctx: RequestContext, contactId: string, contactPersonId: string, personId: string): Promise<void> {
  await unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, guarded } = await openScreeningStep(trx, ctx, contactId, now);
    const named = guarded.people.find((p) => p.id === contactPersonId);
    if (named === undefined) throw new NotFoundError('Person on contact');
    if (named.personId === personId) return;
    const record = await guardPerson(trx, actor, 'change', personId, now).catch((error: unknown) => {
      if (error instanceof AccessRefusedError && error.status === 404) throw new ValidationError({ personId: LINK_MESSAGES.person });
      throw error;
    });
    if (record.mergedIntoPersonId !== null) throw new ValidationError({ personId: LINK_MESSAGES.merged });
    if ((named.role === 'child') !== record.isChild) throw new ValidationError({ personId: LINK_MESSAGES.wrongType(named.role) });
    await linkRow(trx, contactId, contactPersonId, personId, actor.userId, now);
    await markScreening(trx, contactId);
    await audit({
      action: 'front-door.person.linked',
      subjectType: 'contact',
      subjectId: contactId,
      ...(record.isChild ? { childId: personId } : {}),
      changes: { contactPersonId, role: named.role, personId, previousPersonId: named.personId },
    });
  });
}

/**
 * Creates a record for a person the duplicate check did not find (through the people module, which
 * checks and audits it) and links it. Two transactions: if the link fails, the new record stands on
 * its own and can be linked from the list.
 */
export async function createAndLinkPerson(deps: AppDeps, ctx: RequestContext, contactId: string, contactPersonId: string, input: CreatePersonInput): Promise<{ personId: string }> {
  await unitOfWork(deps, ctx, async ({ trx, now }) => {
    const { guarded } = await openScreeningStep(trx, ctx, contactId, now);
    const named = guarded.people.find((p) => p.id === contactPersonId);
    if (named === undefined) throw new NotFoundError('Person on contact');
    if (named.personId !== null) throw new ValidationError({ _form: 'This person is already linked to a record' });
    if ((named.role === 'child') !== (input.personType !== 'adult')) throw new ValidationError({ personType: LINK_MESSAGES.wrongType(named.role) });
  });
  const { id } = await createPerson(deps, ctx, input);
  await linkContactPerson(deps, ctx, contactId, contactPersonId, id);
  return { personId: id };
}
