// The children whose pre-birth timeline "My work" lists (src/app/pre-birth/due-items.ts works out
// the open milestones): unborn children in scope, and children whose birth was recorded in Hearth on
// or after `bornSince` (the post-birth rules: issue the application, the post-birth review), with
// the milestones recorded for them. Lists apply the visibility filter (src/db/shared/visibility.ts).
import type { Transaction } from 'kysely';
import type { DueScope } from '../../domain/casework/due-items.ts';
import type { Actor } from '../../domain/shared/access/actor.ts';
import type { Database } from '../schema.ts';
import { visibleChildren } from '../shared/visibility.ts';

export interface PreBirthDueCandidate {
  readonly id: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly expectedDateOfDelivery: string | null;
  readonly teamName: string;
  readonly workerName: string | null;
  readonly bornOn: string | null;
  readonly motherMedicallyFit: boolean | null;
  readonly eddAtBirth: string | null;
  readonly pregnancyConfirmedOn: string | null;
  readonly milestones: readonly {
    readonly milestone: string;
    readonly outcome: 'done' | 'not_required';
    readonly happenedOn: string | null;
    readonly reason: string | null;
  }[];
}

export async function listPreBirthDueCandidates(
  trx: Transaction<Database>,
  actor: Actor,
  now: Date,
  scope: DueScope,
  bornSince: string,
): Promise<PreBirthDueCandidate[]> {
  if (scope.teamIds?.length === 0) return [];
  let query = trx
    .selectFrom('allocation')
    .innerJoin('person', 'person.id', 'allocation.childId')
    .innerJoin('team', 'team.id', 'allocation.teamId')
    .leftJoin('appUser', 'appUser.id', 'allocation.workerUserId')
    .leftJoin('birthRecord', 'birthRecord.childId', 'person.id')
    .leftJoin('preBirthPlan', 'preBirthPlan.childId', 'person.id')
    .select([
      'person.id',
      'person.givenName',
      'person.familyName',
      'person.expectedDateOfDelivery',
      'team.name as teamName',
      'appUser.displayName as workerName',
      'birthRecord.bornOn',
      'birthRecord.motherMedicallyFit',
      'birthRecord.expectedDateOfDelivery as eddAtBirth',
      'preBirthPlan.pregnancyConfirmedOn',
    ])
    .where('allocation.endedOn', 'is', null)
    .where('person.mergedIntoPersonId', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([eb('person.personType', '=', 'unborn'), eb('person.expectedDateOfDelivery', 'is not', null)]),
        eb.and([eb('person.personType', '=', 'child'), eb('birthRecord.bornOn', '>=', bornSince)]),
      ]),
    )
    .where(visibleChildren(actor, now));
  if (scope.workerId !== undefined) query = query.where('allocation.workerUserId', '=', scope.workerId);
  if (scope.teamIds !== undefined) query = query.where('allocation.teamId', 'in', scope.teamIds);
  const children = await query.execute();
  if (children.length === 0) return [];
  const milestones = await trx
    .selectFrom('preBirthMilestone')
    .select(['childId', 'milestone', 'outcome', 'happenedOn', 'reason'])
    .where(
      'childId',
      'in',
      children.map((c) => c.id),
    )
    .execute();
  return children.map((c) => ({ ...c, milestones: milestones.filter((m) => m.childId === c.id) }));
}
