// Before a person is added: the records already on Hearth that may be the same person, with why,
// so nobody creates a second record of someone whose history exists. Restricted records show as
// "ask <manager>", a child held by another team as "ask that team", sealed ones not at all. Also
// used to list the likely duplicates of an existing record before a merge. Audited with the ids shown.
import type { AppDeps } from '../shared/deps.ts';
import { AccessRefusedError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { LEVEL_THRESHOLDS } from '../../domain/people/duplicate-score.ts';
import { findPersonDetails } from '../../db/people/person-repository.ts';
import { guardPerson } from './person-access.ts';
import { scoredCandidates, toHits, type MatchSubject, type PersonHit } from './person-matching.ts';

const MAX_SHOWN = 10;

export async function findLikelyDuplicates(deps: AppDeps, ctx: RequestContext, subject: MatchSubject, options: { excludeIds?: readonly string[] } = {}): Promise<PersonHit[]> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const actor = requirePermission(ctx, 'people:search');
    if (actor === null) throw new AccessRefusedError(403, 'not-signed-in', 'Sign in to continue.', null);
    const scored = await scoredCandidates(trx, actor, now, subject, options.excludeIds ?? []);
    const hits = (await toHits(trx, scored.filter((c) => c.score.score >= LEVEL_THRESHOLDS.possible))).slice(0, MAX_SHOWN);
    await audit({
      action: 'people.duplicate-check.performed',
      subjectType: 'person-search',
      changes: { shownPersonIds: hits.flatMap((h) => (h.kind === 'person' ? [h.id] : [])), placeholders: hits.filter((h) => h.kind !== 'person').length },
    });
    return hits;
  });
}

/** The likely duplicates of an existing record (for a merge), itself and merged records left out. */
export async function findDuplicatesOf(deps: AppDeps, ctx: RequestContext, personId: string): Promise<PersonHit[]> {
  const subject = await unitOfWork(deps, ctx, async ({ trx, now }) => {
    await guardPerson(trx, ctx.actor, 'read', personId, now);
    const person = await findPersonDetails(trx, personId);
    if (person === undefined) return null;
    const parents = await trx
      .selectFrom('personRelationship')
      .select('relatedPersonId')
      .where('personId', '=', personId)
      .where('relationship', 'in', ['parent', 'step_parent', 'carer'])
      .execute();
    const s: MatchSubject = {
      parentIds: parents.map((p) => p.relatedPersonId),
      givenName: person.givenName,
      familyName: person.familyName,
      ...(person.dateOfBirth === null ? {} : { dateOfBirth: person.dateOfBirth }),
      ...(person.expectedDateOfDelivery === null ? {} : { expectedDateOfDelivery: person.expectedDateOfDelivery }),
      ...(person.nhsNumber === null ? {} : { nhsNumber: person.nhsNumber }),
      ...(person.postcode === null ? {} : { postcode: person.postcode }),
      gender: person.gender,
      dateOfBirthEstimated: person.dateOfBirthEstimated,
    };
    return s;
  });
  if (subject === null) return [];
  return findLikelyDuplicates(deps, ctx, subject, { excludeIds: [personId] });
}
