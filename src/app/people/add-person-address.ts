// Records an address a person lives or lived at, with dates. A new current address closes the one
// before it on the day of the move and becomes the address every page shows.
import { addPersonAddress, listPersonAddresses, touchPerson } from '../../db/people/person-repository.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { formatLongDate } from '../../domain/shared/time/local-date.ts';
import { londonToday } from './london-today.ts';
import { guardPerson } from './person-access.ts';
import type { NewAddressInput } from './person-input.ts';

export async function addAddress(deps: AppDeps, ctx: RequestContext, personId: string, input: NewAddressInput): Promise<{ id: string }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    requirePermission(ctx, 'people:change-child');
    const guarded = await guardPerson(trx, ctx.actor, 'change', personId, now);
    if (guarded.mergedIntoPersonId !== null) throw new NotFoundError('Person');
    const today = londonToday(now);
    const { address } = input;
    if (address.movedIn !== undefined && address.movedIn > today) throw new ValidationError({ movedIn: 'Date they moved in must be today or in the past' });
    if (address.movedOut !== undefined && address.movedOut > today) throw new ValidationError({ movedOut: 'Date they moved out must be today or in the past' });
    if (input.current) {
      const previous = (await listPersonAddresses(trx, personId)).find((a) => a.isCurrent);
      const moveDay = address.movedIn ?? today;
      if (previous?.movedIn != null && previous.movedIn > moveDay) {
        throw new ValidationError({ movedIn: `Date they moved in must be on or after ${formatLongDate(previous.movedIn)}, when they moved into their current address` });
      }
    }
    const values = { addressLine1: address.addressLine1, addressLine2: address.addressLine2 ?? null, town: address.town ?? null, postcode: address.postcode, movedIn: address.movedIn ?? null, movedOut: address.movedOut ?? null };
    const { id, closedId } = await addPersonAddress(trx, personId, values, input.current, now, today);
    if (input.current) await touchPerson(trx, personId, now);
    await audit({
      action: 'people.person-address.added',
      subjectType: 'person',
      subjectId: personId,
      ...(guarded.isChild ? { childId: personId } : {}),
      changes: { addressId: id, current: input.current, postcode: address.postcode, movedIn: values.movedIn, movedOut: values.movedOut, closedAddressId: closedId },
    });
    return { id };
  });
}
