// Other names a person has had or used: add one, remove one. Each is its own transaction, audited.
import { deletePersonName, insertPersonName } from '../../db/people/person-repository.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { guardPerson } from './person-access.ts';
import type { PersonNameInput } from './person-input.ts';

export async function addPersonName(deps: AppDeps, ctx: RequestContext, personId: string, input: PersonNameInput): Promise<{ id: string }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    requirePermission(ctx, 'people:change-child');
    const guarded = await guardPerson(trx, ctx.actor, 'change', personId, now);
    if (guarded.mergedIntoPersonId !== null) throw new NotFoundError('Person');
    const id = await insertPersonName(trx, personId, { nameType: input.nameType, givenName: input.givenName, familyName: input.familyName, usedFrom: input.usedFrom ?? null, usedTo: input.usedTo ?? null }, now);
    await audit({
      action: 'people.person-name.added',
      subjectType: 'person',
      subjectId: personId,
      ...(guarded.isChild ? { childId: personId } : {}),
      changes: { nameId: id, nameType: input.nameType, givenName: input.givenName, familyName: input.familyName },
    });
    return { id };
  });
}

export async function removePersonName(deps: AppDeps, ctx: RequestContext, personId: string, nameId: string): Promise<void> {
  await unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    requirePermission(ctx, 'people:change-child');
    const guarded = await guardPerson(trx, ctx.actor, 'change', personId, now);
    const removed = await deletePersonName(trx, personId, nameId);
    if (removed === undefined) throw new NotFoundError('Name');
    await audit({
      action: 'people.person-name.removed',
      subjectType: 'person',
      subjectId: personId,
      ...(guarded.isChild ? { childId: personId } : {}),
      changes: { nameId, nameType: removed.nameType, givenName: removed.givenName, familyName: removed.familyName },
    });
  });
}
