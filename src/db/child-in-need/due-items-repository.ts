// The open child in need plans in a worker's or a team's caseload, in ONE query per call ("My work"
// stays fast: no query per child), with the dates the CIN timescales count from and the quality flags
// of the version in force. Scope is the child's current allocation, as in the caseload.
import type { Transaction } from 'kysely';
import type { Actor } from '../../domain/shared/access/actor.ts';
import type { Database } from '../schema.ts';
import { visibleChildren } from '../shared/visibility.ts';

export interface OpenPlanRow {
  readonly planId: string;
  readonly childId: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly teamName: string;
  readonly workerName: string | null;
  readonly status: 'draft' | 'active' | 'ended';
  readonly openedOn: string;
  readonly agreedOn: string | null;
  readonly lastReviewedOn: string | null;
  readonly lastProgressReviewOn: string | null;
  readonly qualityFlags: readonly string[] | null;
  readonly finalisedOn: string | null;
}

export async function listOpenPlansInScope(
  trx: Transaction<Database>,
  actor: Actor,
  now: Date,
  scope: { readonly workerId?: string; readonly teamIds?: readonly string[] },
  limit = 2000,
): Promise<OpenPlanRow[]> {
  if (scope.teamIds?.length === 0) return [];
  let query = trx
    .selectFrom('cinPlan')
    .innerJoin('person', 'person.id', 'cinPlan.childId')
    .innerJoin('allocation', (join) => join.onRef('allocation.childId', '=', 'cinPlan.childId').on('allocation.endedOn', 'is', null))
    .innerJoin('team', 'team.id', 'allocation.teamId')
    .leftJoin('appUser', 'appUser.id', 'allocation.workerUserId')
    .leftJoin('cinPlanVersion', (join) => join.onRef('cinPlanVersion.planId', '=', 'cinPlan.id').on('cinPlanVersion.status', '=', 'finalised'))
    .select([
      'cinPlan.id as planId',
      'person.id as childId',
      'person.givenName',
      'person.familyName',
      'team.name as teamName',
      'appUser.displayName as workerName',
      'cinPlan.status',
      'cinPlan.openedOn',
      'cinPlan.agreedOn',
      'cinPlan.lastReviewedOn',
      'cinPlan.lastProgressReviewOn',
      'cinPlanVersion.qualityFlags',
      'cinPlanVersion.finalisedOn',
    ])
    .where('cinPlan.status', '<>', 'ended')
    .where(visibleChildren(actor, now));
  if (scope.workerId !== undefined) query = query.where('allocation.workerUserId', '=', scope.workerId);
  if (scope.teamIds !== undefined) query = query.where('allocation.teamId', 'in', scope.teamIds);
  return query.orderBy('person.familyName').orderBy('person.givenName').limit(limit).execute();
}
