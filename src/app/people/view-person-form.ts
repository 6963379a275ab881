// Opens a person's details for editing: the same access check as saving (change), and audited as a
// view of the record (the form shows every detail).
import { findPersonDetails, type PersonDetails } from '../../db/people/person-repository.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { guardPerson } from './person-access.ts';
import { listPersonAddresses, listPersonNames, type PersonAddressRow, type PersonNameRow } from '../../db/people/person-repository.ts';

export interface PersonForm {
  readonly person: PersonDetails;
  readonly isChild: boolean;
  readonly names: readonly PersonNameRow[];
  readonly addresses: readonly PersonAddressRow[];
}

export async function viewPersonForm(deps: AppDeps, ctx: RequestContext, personId: string, form: 'details' | 'names' | 'addresses'): Promise<PersonForm> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    requirePermission(ctx, 'people:change-child');
    const guarded = await guardPerson(trx, ctx.actor, 'change', personId, now);
    const person = await findPersonDetails(trx, personId);
    if (person === undefined || person.mergedIntoPersonId !== null) throw new NotFoundError('Person');
    const names = form === 'names' ? await listPersonNames(trx, personId) : [];
    const addresses = form === 'addresses' ? await listPersonAddresses(trx, personId) : [];
    await audit({ action: 'people.person-form.viewed', subjectType: 'person', subjectId: personId, ...(guarded.isChild ? { childId: personId } : {}), changes: { view: form, basis: guarded.basis } });
    return { person, isChild: guarded.isChild, names, addresses };
  });
}
