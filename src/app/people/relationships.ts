// Recording and removing relationships. Each pair is written both ways in one transaction (the
// related person's record lists the inverse), and audited on the person it was recorded from.
import { deleteRelationshipPair, insertRelationshipPair, relationshipExists } from '../../db/people/relationship-repository.ts';
import { inverseRelationship, isRelationshipCode, relationshipLabel, relationshipProblems } from '../../domain/people/relationships.ts';
import type { AppDeps } from '../shared/deps.ts';
import { AccessRefusedError, NotFoundError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { guardPerson } from './person-access.ts';
import type { RelationshipInput } from './person-input.ts';

export async function addRelationship(deps: AppDeps, ctx: RequestContext, personId: string, input: RelationshipInput): Promise<void> {
  await unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    requirePermission(ctx, 'people:change-child');
    const guarded = await guardPerson(trx, ctx.actor, 'change', personId, now);
    if (guarded.mergedIntoPersonId !== null) throw new NotFoundError('Person');
    const problems = relationshipProblems({ personId, ...input });
    if (Object.keys(problems).length > 0) throw new ValidationError(problems);
    const related = await guardPerson(trx, ctx.actor, 'read', input.relatedPersonId, now).catch((error: unknown) => {
      if (error instanceof AccessRefusedError) throw new ValidationError({ relatedPersonId: 'Choose a person from the search results' });
      throw error;
    });
    if (related.mergedIntoPersonId !== null) throw new ValidationError({ relatedPersonId: 'That record was merged into another: choose the current record' });
    if (await relationshipExists(trx, personId, input.relatedPersonId, input.relationship)) {
      throw new ValidationError({ relationship: `This relationship (${relationshipLabel(input.relationship).toLowerCase()}) is already recorded` });
    }
    const inverse = inverseRelationship(input.relationship);
    await insertRelationshipPair(trx, { personId, relatedPersonId: input.relatedPersonId, relationship: input.relationship, inverse, parentalResponsibility: input.parentalResponsibility, livesWith: input.livesWith });
    await audit({
      action: 'people.relationship.added',
      subjectType: 'person',
      subjectId: personId,
      ...(guarded.isChild ? { childId: personId } : {}),
      changes: { relatedPersonId: input.relatedPersonId, relationship: input.relationship, inverse, parentalResponsibility: input.parentalResponsibility, livesWith: input.livesWith },
    });
  });
}

export async function removeRelationship(deps: AppDeps, ctx: RequestContext, personId: string, relatedPersonId: string, relationship: string): Promise<void> {
  await unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    requirePermission(ctx, 'people:change-child');
    const guarded = await guardPerson(trx, ctx.actor, 'change', personId, now);
    if (!isRelationshipCode(relationship)) throw new NotFoundError('Relationship');
    const inverse = inverseRelationship(relationship);
    const removed = await deleteRelationshipPair(trx, personId, relatedPersonId, relationship, inverse);
    if (removed === 0) throw new NotFoundError('Relationship');
    await audit({
      action: 'people.relationship.removed',
      subjectType: 'person',
      subjectId: personId,
      ...(guarded.isChild ? { childId: personId } : {}),
      changes: { relatedPersonId, relationship, inverse, rows: removed },
    });
  });
}
