// Adds a child, an unborn child or an adult, with their current address; an unborn child is linked
// to their mother at once. One transaction: the person, the address, the link and the audit event
// are saved together or not at all.
import { addPersonAddress, insertPerson } from '../../db/people/person-repository.ts';
import { insertRelationshipPair } from '../../db/people/relationship-repository.ts';
import { deleteDraft } from '../../db/drafts/draft-repository.ts';
import { personDateErrors } from '../../domain/people/person-rules.ts';
import { parseLocalDate } from '../../domain/shared/time/local-date.ts';
import type { AppDeps } from '../shared/deps.ts';
import { AccessRefusedError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { once, type Submission } from '../shared/idempotency.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { CROSS_CASE_ROLES } from '../../domain/shared/access/roles.ts';
import { londonToday } from './london-today.ts';
import { guardPerson } from './person-access.ts';
import { PERSON_MESSAGES, type CreatePersonInput } from './person-input.ts';
import { personRowOf } from './person-values.ts';

export interface CreatePersonOptions {
  /** The create journey's draft to remove in the same transaction, once the person is saved. */
  readonly draftJourney?: string;
  /** A form's `_submission` token or an API Idempotency-Key: a repeat creates nobody new. */
  readonly submission?: Submission | undefined;
}

/**
 * Whoever adds a child may open what they added until it is allocated: without it, a worker who is
 * neither allocated nor in a cross-case role could not open the record they just made. A named,
 * time-boxed grant (RELIABILITY.md §3.2 rule 7), audited with the creation.
 */
export const CREATOR_GRANT_DAYS = 14;

export async function createPerson(deps: AppDeps, ctx: RequestContext, input: CreatePersonInput, options: CreatePersonOptions = {}): Promise<{ id: string }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const actor = requirePermission(ctx, 'people:create-person');
    const today = londonToday(now);
    const errors = personDateErrors(input, parseLocalDate(today));
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    if (input.personType === 'unborn') {
      if (actor === null) throw new AccessRefusedError(403, 'not-signed-in', 'Sign in to continue.', null);
      const motherId = input.motherId ?? '';
      const mother = await guardPerson(trx, actor, 'read', motherId, now).catch((error: unknown) => {
        if (error instanceof AccessRefusedError && error.status === 404) throw new ValidationError({ motherId: PERSON_MESSAGES.mother });
        throw error;
      });
      if (mother.personType !== 'adult' || mother.mergedIntoPersonId !== null) throw new ValidationError({ motherId: 'The mother must be an adult’s current record' });
    }
    const written = await once({ trx, now, audit }, ctx, options.submission, 'people.person.created', async () => {
      const row = personRowOf(input.personType, input);
      const id = await insertPerson(trx, row, now);
      if (input.address !== undefined) {
        await addPersonAddress(
          trx,
          id,
          { addressLine1: input.address.addressLine1, addressLine2: input.address.addressLine2 ?? null, town: input.address.town ?? null, postcode: input.address.postcode, movedIn: input.address.movedIn ?? null, movedOut: null },
          true,
          now,
          today,
        );
      }
      if (input.personType === 'unborn' && input.motherId !== undefined) {
        await insertRelationshipPair(trx, { personId: id, relatedPersonId: input.motherId, relationship: 'parent', inverse: 'child', parentalResponsibility: true, livesWith: true });
      }
      if (options.draftJourney !== undefined && actor !== null) await deleteDraft(trx, actor.userId, options.draftJourney);
      const creatorGrant = input.personType !== 'adult' && actor !== null && !actor.roles.some((r) => CROSS_CASE_ROLES.includes(r));
      if (creatorGrant) {
        await trx
          .insertInto('accessGrant')
          .values({ personId: id, userId: actor.userId, grantedByUserId: actor.userId, reason: 'Added this record (until it is allocated)', expiresAt: new Date(now.getTime() + CREATOR_GRANT_DAYS * 86_400_000), createdAt: now })
          .execute();
      }
      await audit({
        action: 'people.person.created',
        subjectType: 'person',
        subjectId: id,
        ...(input.personType === 'adult' ? {} : { childId: id }),
        changes: {
          personType: input.personType,
          fields: Object.entries(row).filter(([, v]) => v !== null && v !== false && !(Array.isArray(v) && v.length === 0)).map(([k]) => k),
          address: input.address === undefined ? null : { postcode: input.address.postcode },
          motherId: input.motherId ?? null,
          creatorGrantDays: creatorGrant ? CREATOR_GRANT_DAYS : null,
        },
      });
      return { id };
    });
    return written.result;
  });
}
