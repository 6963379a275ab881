// The "add a person" journey keeps its first step (who, names, date of birth, NHS number,
// postcode) in the draft table (CONVENTIONS.md 12) between the duplicate check and the details
// page, so nothing is carried in the session or in hidden fields; creating the person removes it in
// the same transaction (create-person.ts).
import { findDraft, upsertDraft } from '../../db/drafts/draft-repository.ts';
import { findPersonDetails } from '../../db/people/person-repository.ts';
import type { AppDeps } from '../shared/deps.ts';
import { AccessRefusedError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { guardPerson } from './person-access.ts';

export const NEW_PERSON_JOURNEY = 'people:new';

export async function saveNewPersonStep(deps: AppDeps, ctx: RequestContext, step: Record<string, unknown>): Promise<void> {
  await unitOfWork(deps, ctx, async ({ trx, now }) => {
    const actor = requirePermission(ctx, 'people:create-person');
    if (actor === null) throw new AccessRefusedError(403, 'not-signed-in', 'Sign in to continue.', null);
    await upsertDraft(trx, actor.userId, NEW_PERSON_JOURNEY, step, now);
  });
}

export async function loadNewPersonStep(deps: AppDeps, ctx: RequestContext): Promise<Record<string, unknown> | null> {
  const actor = requirePermission(ctx, 'people:create-person');
  if (actor === null) return null;
  return (await findDraft(deps.db, actor.userId, NEW_PERSON_JOURNEY)) ?? null;
}

export interface MotherSummary {
  readonly id: string;
  readonly name: string;
  readonly dateOfBirth: string | null;
  readonly familyName: string;
}

/** The mother an unborn child is being added for: she must be an adult record the actor may open. */
export async function motherFor(deps: AppDeps, ctx: RequestContext, motherId: string): Promise<MotherSummary> {
  return unitOfWork(deps, ctx, async ({ trx, now }) => {
    const guarded = await guardPerson(trx, ctx.actor, 'read', motherId, now);
    const person = await findPersonDetails(trx, motherId);
    if (person === undefined || guarded.personType !== 'adult' || person.mergedIntoPersonId !== null) throw new ValidationError({ motherId: 'Choose the mother’s current record' });
    return { id: person.id, name: `${person.givenName} ${person.familyName}`, dateOfBirth: person.dateOfBirth, familyName: person.familyName };
  });
}
