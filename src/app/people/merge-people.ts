// Merging two records found to be the same person (team managers and MASH managers only). In one
// transaction: every row that points at the merged record moves to the survivor (every table,
// found from the catalogue: src/db/people/merge-repository.ts), gaps in the survivor's details are
// filled from the merged record, its name is kept as a "name on a merged record", the stricter
// restriction wins, the merged record is marked merged-into (never deleted) and the merge is audited
// with what moved, so it can be explained later.
import {
  countReferences,
  deleteLinksBetween,
  demoteCurrentAddress,
  endOpenAllocation,
  findRecordClashes,
  hasOpenAllocation,
  markMerged,
  moveReference,
  personReferences,
  referenceKey,
} from '../../db/people/merge-repository.ts';
import { findPersonDetails, insertPersonName, listPersonAddresses, type PersonDetails } from '../../db/people/person-repository.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError, StaleVersionError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { londonToday } from './london-today.ts';
import { guardPerson } from './person-access.ts';
import type { MergeInput } from './person-input.ts';

/** Details copied from the merged record where the survivor has none. */
const FILLABLE = [
  'dateOfBirth', 'nhsNumber', 'upn', 'ethnicity', 'firstLanguage', 'religion', 'immigrationStatus', 'phone', 'email', 'gpPractice', 'school',
] as const satisfies readonly (keyof PersonDetails)[];

export interface MergePreview {
  readonly survivor: PersonDetails;
  readonly merged: PersonDetails;
  /** Rows pointing at the merged record that will move, by "table.column". */
  readonly toMove: Readonly<Record<string, number>>;
  readonly filled: readonly string[];
  /** Why the merge cannot go ahead yet (both records hold a record only one may hold), if it cannot. */
  readonly blockedBy: string | null;
}

/**
 * What a worker must do first when both records hold a record of work that a child can only have
 * one of. Tables not named here (added by later journeys) get a general sentence naming the table.
 */
const CLASH_ADVICE: Readonly<Record<string, string>> = {
  cin_episode: 'Both records have an open child in need episode. Close the episode on one record first, then merge',
  cin_plan: 'Both records have an open child in need plan. End the plan on one record first, then merge',
  early_help_episode: 'Both records have an open early help episode. Close the episode on one record first, then merge',
  cp_conference: 'Both records have an initial child protection conference waiting to be held. Record or cancel one of them first, then merge',
  cp_plan: 'Both records have an active child protection plan. End the plan on one record first, then merge',
  pre_birth_plan: 'Both records have a pre-birth plan. Ask a team manager to close one of them first, then merge',
  birth_record: 'Both records have a birth recorded. Correct the birth record on one of them first, then merge',
  strategy_discussion_child: 'Both records are children in the same strategy discussion. Remove one from the discussion first, then merge',
  section47_enquiry: 'Both records have a section 47 enquiry from the same strategy discussion. Resolve one of them first, then merge',
};

function clashAdvice(table: string): string {
  return CLASH_ADVICE[table] ?? `Both records have a ${table.replace(/_/g, ' ')} record that a person can only have one of. Close or end one of them first, then merge`;
}

/** The first reason the rows cannot move yet, or null: checked inside the merge's own transaction. */
async function clashProblem(trx: Parameters<typeof findRecordClashes>[0], mergedId: string, survivorId: string): Promise<string | null> {
  // Open allocations and current addresses are settled by the merge itself (see mergePeople).
  const refs = (await personReferences(trx)).filter((ref) => ref.table !== 'allocation' && ref.table !== 'person_address');
  const clashes = await findRecordClashes(trx, refs, mergedId, survivorId);
  const first = clashes[0];
  return first === undefined ? null : clashAdvice(first.table);
}

function mergeProblem(survivor: PersonDetails, merged: PersonDetails): string | null {
  if (survivor.id === merged.id) return 'Choose two different records';
  if (survivor.mergedIntoPersonId !== null || merged.mergedIntoPersonId !== null) return 'One of these records has already been merged';
  if (survivor.restriction === 'sealed' || merged.restriction === 'sealed') return 'A sealed adoption record cannot be merged here: ask the adoption service';
  if ((survivor.personType === 'adult') !== (merged.personType === 'adult')) return 'A child’s record cannot be merged with an adult’s';
  return null;
}

function gapsFilled(survivor: PersonDetails, merged: PersonDetails): Partial<Record<(typeof FILLABLE)[number], string>> {
  const out: Partial<Record<(typeof FILLABLE)[number], string>> = {};
  for (const field of FILLABLE) {
    const mine = survivor[field];
    const theirs = merged[field];
    if ((mine === null || (field === 'ethnicity' && mine === 'NOBT')) && theirs !== null && theirs !== 'NOBT') out[field] = theirs;
  }
  return out;
}

export async function previewMerge(deps: AppDeps, ctx: RequestContext, survivorId: string, mergedId: string): Promise<MergePreview> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    requirePermission(ctx, 'people:merge');
    const first = await guardPerson(trx, ctx.actor, 'change', survivorId, now);
    const second = await guardPerson(trx, ctx.actor, 'change', mergedId, now);
    const [survivor, merged] = [await findPersonDetails(trx, survivorId), await findPersonDetails(trx, mergedId)];
    if (survivor === undefined || merged === undefined) throw new NotFoundError('Person');
    const problem = mergeProblem(survivor, merged);
    if (problem !== null) throw new ValidationError({ mergedId: problem });
    const toMove = await countReferences(trx, await personReferences(trx), mergedId);
    // Both records are shown side by side: a view of each.
    for (const [guarded, id, other] of [[first, survivorId, mergedId], [second, mergedId, survivorId]] as const) {
      await audit({ action: 'people.merge.previewed', subjectType: 'person', subjectId: id, ...(guarded.isChild ? { childId: id } : {}), changes: { with: other, view: 'merge' } });
    }
    return { survivor, merged, toMove, filled: Object.keys(gapsFilled(survivor, merged)), blockedBy: await clashProblem(trx, mergedId, survivorId) };
  });
}

export async function mergePeople(deps: AppDeps, ctx: RequestContext, input: MergeInput): Promise<{ moved: Record<string, number> }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const actor = requirePermission(ctx, 'people:merge');
    const survivorGuard = await guardPerson(trx, ctx.actor, 'change', input.survivorId, now);
    await guardPerson(trx, ctx.actor, 'change', input.mergedId, now);
    // Both rows locked in a fixed order, so two merges of the same pair cannot interleave.
    for (const id of [input.survivorId, input.mergedId].sort()) await trx.selectFrom('person').select('id').where('id', '=', id).forUpdate().execute();
    const survivor = await findPersonDetails(trx, input.survivorId);
    const merged = await findPersonDetails(trx, input.mergedId);
    if (survivor === undefined || merged === undefined) throw new NotFoundError('Person');
    const problem = mergeProblem(survivor, merged);
    if (problem !== null) throw new ValidationError({ mergedId: problem });
    if (survivor.version !== input.survivorVersion) throw new StaleVersionError('person', survivor.id, survivor);
    if (merged.version !== input.mergedVersion) throw new StaleVersionError('person', merged.id, merged);
    const today = londonToday(now);

    // Before the rows move: what cannot sit on one record twice.
    const linksRemoved = await deleteLinksBetween(trx, survivor.id, merged.id);
    const allocationsEnded = (await hasOpenAllocation(trx, survivor.id)) ? await endOpenAllocation(trx, merged.id, today) : 0;
    await demoteCurrentAddress(trx, merged.id);
    const mergedAddresses = await listPersonAddresses(trx, merged.id);
    if (mergedAddresses.length === 0 && merged.addressLine1 !== null && merged.postcode !== null && merged.postcode.length >= 5 && merged.postcode.length <= 8) {
      await trx
        .insertInto('personAddress')
        .values({ personId: merged.id, addressLine1: merged.addressLine1, addressLine2: merged.addressLine2, town: merged.town, postcode: merged.postcode, isCurrent: false, createdAt: now })
        .execute();
    }
    const sameName = survivor.givenName.toLowerCase() === merged.givenName.toLowerCase() && survivor.familyName.toLowerCase() === merged.familyName.toLowerCase();
    if (!sameName) await insertPersonName(trx, merged.id, { nameType: 'merged', givenName: merged.givenName, familyName: merged.familyName, usedFrom: null, usedTo: null }, now);

    // A record of work held on both sides (an open episode, an active plan) is never dropped as a
    // duplicate: the merge is refused, and the whole transaction (the steps above too) rolls back.
    const clash = await clashProblem(trx, merged.id, survivor.id);
    if (clash !== null) throw new ValidationError({ mergedId: clash });

    const moved: Record<string, number> = {};
    const removedAsDuplicates: Record<string, number> = {};
    for (const ref of await personReferences(trx)) {
      const counts = await moveReference(trx, ref, merged.id, survivor.id);
      if (counts.moved > 0) moved[referenceKey(ref)] = counts.moved;
      if (counts.removedAsDuplicates > 0) removedAsDuplicates[referenceKey(ref)] = counts.removedAsDuplicates;
    }

    const filled = gapsFilled(survivor, merged);
    const addressFilled = survivor.addressLine1 === null && merged.addressLine1 !== null;
    const restrictionTaken = survivor.restriction === 'none' && merged.restriction === 'restricted';
    await trx
      .updateTable('person')
      .set((eb) => ({
        ...filled,
        ...(filled.dateOfBirth === undefined ? {} : { dateOfBirthEstimated: merged.dateOfBirthEstimated }),
        // A UPN from the merged record answers why it was not known (migration 0023: not both).
        ...(filled.upn === undefined ? {} : { upnUnknownReason: null }),
        ...(survivor.disabilities.length === 0 && merged.disabilities.length > 0 ? { disabilities: [...merged.disabilities] } : {}),
        ...(addressFilled ? { addressLine1: merged.addressLine1, addressLine2: merged.addressLine2, town: merged.town, postcode: merged.postcode } : {}),
        ...(restrictionTaken
          ? { restriction: 'restricted' as const, restrictionContactUserId: merged.restrictionContactUserId, restrictionReason: merged.restrictionReason, restrictedAt: now }
          : {}),
        version: eb('version', '+', 1),
        updatedAt: now,
      }))
      .where('id', '=', survivor.id)
      .execute();
    if (!(await markMerged(trx, merged.id, survivor.id, input.mergedVersion, actor?.userId ?? null, now))) throw new StaleVersionError('person', merged.id, merged);

    await audit({
      action: 'people.person.merged',
      subjectType: 'person',
      subjectId: survivor.id,
      ...(survivorGuard.isChild ? { childId: survivor.id } : {}),
      changes: {
        survivorId: survivor.id,
        mergedId: merged.id,
        reason: input.reason,
        moved,
        removedAsDuplicates,
        linksBetweenRemoved: linksRemoved,
        allocationsEnded,
        filled: Object.keys(filled).concat(addressFilled ? ['address'] : []),
        restrictionTaken,
        mergedName: sameName ? null : `${merged.givenName} ${merged.familyName}`,
      },
    });
    return { moved };
  });
}
