// What is due on disabled children in a worker's or a team's caseload, one query per kind ("My
// work" stays fast: no query per child): eligibility decisions awaiting the team manager, active
// short breaks (for their reviews) and personal budget requests awaiting the panel's decision.
// Scope is the child's current allocation, as in the caseload, through the visibility filter.
import type { Transaction } from 'kysely';
import type { Actor } from '../../domain/shared/access/actor.ts';
import type { Database } from '../schema.ts';
import { visibleChildren } from '../shared/visibility.ts';

export interface Scope {
  readonly workerId?: string;
  readonly teamIds?: readonly string[];
}

interface ChildColumns {
  readonly childId: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly teamName: string;
  readonly workerName: string | null;
}

function base(trx: Transaction<Database>, actor: Actor, now: Date, scope: Scope) {
  let query = trx
    .selectFrom('person')
    .innerJoin('allocation', (join) => join.onRef('allocation.childId', '=', 'person.id').on('allocation.endedOn', 'is', null))
    .innerJoin('team', 'team.id', 'allocation.teamId')
    .leftJoin('appUser', 'appUser.id', 'allocation.workerUserId')
    .where(visibleChildren(actor, now));
  if (scope.workerId !== undefined) query = query.where('allocation.workerUserId', '=', scope.workerId);
  if (scope.teamIds !== undefined) query = query.where('allocation.teamId', 'in', scope.teamIds);
  return query;
}

const childColumns = ['person.id as childId', 'person.givenName', 'person.familyName', 'team.name as teamName', 'appUser.displayName as workerName'] as const;

export interface AwaitingDecisionRow extends ChildColumns {
  readonly recordedAt: Date;
}

export async function listDecisionsAwaitingManager(
  trx: Transaction<Database>,
  actor: Actor,
  now: Date,
  scope: Scope,
  limit = 2000,
): Promise<AwaitingDecisionRow[]> {
  if (scope.teamIds?.length === 0) return [];
  return base(trx, actor, now, scope)
    .innerJoin('cwdEligibilityDecision as d', (join) => join.onRef('d.childId', '=', 'person.id').on('d.status', '=', 'recorded'))
    .select([...childColumns, 'd.recordedAt'])
    .orderBy('person.familyName')
    .limit(limit)
    .execute();
}

export interface ActiveShortBreakRow extends ChildColumns {
  readonly breakType: 'daytime_care' | 'overnight_care' | 'activities' | 'evenings_weekends_holidays';
  readonly status: 'active' | 'ended';
  readonly startsOn: string;
  readonly endsOn: string | null;
  readonly lastReviewedOn: string | null;
}

export async function listActiveShortBreaks(trx: Transaction<Database>, actor: Actor, now: Date, scope: Scope, limit = 2000): Promise<ActiveShortBreakRow[]> {
  if (scope.teamIds?.length === 0) return [];
  return base(trx, actor, now, scope)
    .innerJoin('cwdShortBreak as s', (join) => join.onRef('s.childId', '=', 'person.id').on('s.status', '=', 'active'))
    .select([...childColumns, 's.breakType', 's.status', 's.startsOn', 's.endsOn', 's.lastReviewedOn'])
    .orderBy('person.familyName')
    .limit(limit)
    .execute();
}

export interface AwaitingPanelRow extends ChildColumns {
  readonly panelDate: string;
}

export async function listRequestsAwaitingPanel(trx: Transaction<Database>, actor: Actor, now: Date, scope: Scope, limit = 2000): Promise<AwaitingPanelRow[]> {
  if (scope.teamIds?.length === 0) return [];
  return base(trx, actor, now, scope)
    .innerJoin('cwdBudgetRequest as b', (join) => join.onRef('b.childId', '=', 'person.id').on('b.status', 'in', ['submitted', 'deferred']))
    .select([...childColumns, 'b.panelDate'])
    .orderBy('b.panelDate')
    .limit(limit)
    .execute();
}
