import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../domain/shared/access/actor.ts';
import type { Database } from '../schema.ts';
import { visibleChildren } from '../shared/visibility.ts';

export interface CaseloadRow {
  readonly id: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly dateOfBirth: string | null;
  readonly personType: 'child' | 'unborn' | 'adult';
  readonly teamName: string;
  readonly workerName: string | null;
  readonly startedOn: string;
}

/** Children allocated to the given worker, or to any of the given teams, that the actor may see. */
export async function listCaseload(
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor,
  now: Date,
  scope: { readonly workerId?: string; readonly teamIds?: readonly string[] },
  limit = 200,
): Promise<CaseloadRow[]> {
  let query = db
    .selectFrom('allocation')
    .innerJoin('person', 'person.id', 'allocation.childId')
    .innerJoin('team', 'team.id', 'allocation.teamId')
    .leftJoin('appUser', 'appUser.id', 'allocation.workerUserId')
    .select([
      'person.id', 'person.givenName', 'person.familyName', 'person.dateOfBirth', 'person.personType',
      'team.name as teamName', 'appUser.displayName as workerName', 'allocation.startedOn',
    ])
    .where('allocation.endedOn', 'is', null)
    .where(visibleChildren(actor, now));
  if (scope.workerId !== undefined) query = query.where('allocation.workerUserId', '=', scope.workerId);
  if (scope.teamIds !== undefined) {
    if (scope.teamIds.length === 0) return [];
    query = query.where('allocation.teamId', 'in', scope.teamIds);
  }
  return query.orderBy('person.familyName').orderBy('person.givenName').limit(limit).execute();
}
