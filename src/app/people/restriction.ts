// Restricting a person's record (for example a relative of a member of staff) to the allocated
// worker, a named contact manager and named grants, and lifting the restriction. A sealed
// (adoption) record is not changed here. Takes effect on everyone's next request, because the policy
// reads the record's restriction every time (src/domain/shared/access/child-record-policy.ts).
import { findPersonDetails } from '../../db/people/person-repository.ts';
import { listManagers, setRestriction, type ManagerChoice } from '../../db/people/restriction-repository.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError, StaleVersionError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { rolesWithPermission } from '../../domain/shared/access/permissions.ts';
import { guardPerson } from './person-access.ts';
import { PERSON_MESSAGES, type LiftRestrictionInput, type RestrictInput } from './person-input.ts';
import type { PersonDetails } from '../../db/people/person-repository.ts';

const SEALED = 'A sealed adoption record is managed by the adoption service, not here';

export interface RestrictionPage {
  readonly person: PersonDetails;
  readonly isChild: boolean;
  readonly managers: readonly ManagerChoice[];
}

/** The restriction page: the record's current state and the managers who may be named. */
export async function viewRestriction(deps: AppDeps, ctx: RequestContext, personId: string): Promise<RestrictionPage> {
  return unitOfWork(deps, ctx, async ({ trx, now }) => {
    requirePermission(ctx, 'people:restrict');
    const guarded = await guardPerson(trx, ctx.actor, 'change', personId, now);
    const person = await findPersonDetails(trx, personId);
    if (person === undefined || person.mergedIntoPersonId !== null) throw new NotFoundError('Person');
    const managers = await listManagers(trx, rolesWithPermission('people:restrict'));
    return { person, isChild: guarded.isChild, managers };
  });
}

export async function restrictPerson(deps: AppDeps, ctx: RequestContext, personId: string, input: RestrictInput): Promise<void> {
  await unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    requirePermission(ctx, 'people:restrict');
    const guarded = await guardPerson(trx, ctx.actor, 'change', personId, now);
    const before = await findPersonDetails(trx, personId);
    if (before === undefined || before.mergedIntoPersonId !== null) throw new NotFoundError('Person');
    if (before.restriction === 'sealed') throw new ValidationError({ contactUserId: SEALED });
    const managers = await listManagers(trx, rolesWithPermission('people:restrict'));
    if (!managers.some((m) => m.id === input.contactUserId)) throw new ValidationError({ contactUserId: PERSON_MESSAGES.contact });
    const saved = await setRestriction(trx, personId, input.version, { restriction: 'restricted', contactUserId: input.contactUserId, reason: input.reason, at: now }, now);
    if (!saved) throw new StaleVersionError('person', personId, before, guarded.isChild ? { childId: personId } : {});
    await audit({
      action: 'people.restriction.applied',
      subjectType: 'person',
      subjectId: personId,
      ...(guarded.isChild ? { childId: personId } : {}),
      changes: {
        restriction: { from: before.restriction, to: 'restricted' },
        contactUserId: { from: before.restrictionContactUserId, to: input.contactUserId },
        reason: input.reason,
      },
    });
  });
}

export async function liftRestriction(deps: AppDeps, ctx: RequestContext, personId: string, input: LiftRestrictionInput): Promise<void> {
  await unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    requirePermission(ctx, 'people:restrict');
    const guarded = await guardPerson(trx, ctx.actor, 'change', personId, now);
    const before = await findPersonDetails(trx, personId);
    if (before === undefined || before.mergedIntoPersonId !== null) throw new NotFoundError('Person');
    if (before.restriction === 'sealed') throw new ValidationError({ reason: SEALED });
    if (before.restriction !== 'restricted') throw new ValidationError({ reason: 'This record is not restricted' });
    const saved = await setRestriction(trx, personId, input.version, { restriction: 'none', contactUserId: null, reason: null, at: null }, now);
    if (!saved) throw new StaleVersionError('person', personId, before, guarded.isChild ? { childId: personId } : {});
    await audit({
      action: 'people.restriction.lifted',
      subjectType: 'person',
      subjectId: personId,
      ...(guarded.isChild ? { childId: personId } : {}),
      changes: { restriction: { from: 'restricted', to: 'none' }, contactUserId: { from: before.restrictionContactUserId, to: null }, reason: input.reason },
    });
  });
}
