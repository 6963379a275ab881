// What the child protection due items are computed from, for the children in a worker's or teams'
// caseload that the actor may see (src/db/shared/visibility.ts): initial conferences waiting to be
// held, and open plans with the dates their schedule needs.
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../domain/shared/access/actor.ts';
import type { Database } from '../schema.ts';
import { visibleChildren } from '../shared/visibility.ts';

type Db = Transaction<Database> | Kysely<Database>;

export interface CaseScope {
  readonly workerId?: string;
  readonly teamIds?: readonly string[];
}

export interface DueChild {
  readonly childId: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly dateOfBirth: string | null;
  readonly expectedDateOfDelivery: string | null;
  readonly teamName: string;
  readonly workerName: string | null;
}

function inScope(db: Db, actor: Actor, now: Date, scope: CaseScope) {
  let query = db
    .selectFrom('allocation')
    .innerJoin('person', 'person.id', 'allocation.childId')
    .innerJoin('team', 'team.id', 'allocation.teamId')
    .leftJoin('appUser', 'appUser.id', 'allocation.workerUserId')
    .where('allocation.endedOn', 'is', null)
    .where(visibleChildren(actor, now));
  if (scope.workerId !== undefined) query = query.where('allocation.workerUserId', '=', scope.workerId);
  if (scope.teamIds !== undefined)
    query = query.where('allocation.teamId', 'in', scope.teamIds.length === 0 ? ['00000000-0000-0000-0000-000000000000'] : scope.teamIds);
  return query;
}

const CHILD_COLUMNS = [
  'person.id as childId',
  'person.givenName',
  'person.familyName',
  'person.dateOfBirth',
  'person.expectedDateOfDelivery',
  'team.name as teamName',
  'appUser.displayName as workerName',
] as const;

export async function listOpenInitialConferencesInScope(db: Db, actor: Actor, now: Date, scope: CaseScope) {
  return inScope(db, actor, now, scope)
    .innerJoin('cpConference as c', 'c.childId', 'person.id')
    .select([...CHILD_COLUMNS, 'c.id as conferenceId', 'c.strategyHeldOn', 'c.preBirth', 'c.dueOn'])
    .where('c.kind', '=', 'initial')
    .where('c.status', '=', 'to_be_held')
    .execute();
}

export interface PlanDates {
  readonly coreGroups: readonly string[];
  readonly reviews: readonly string[];
  readonly seen: readonly string[];
}

export async function listActivePlansInScope(db: Db, actor: Actor, now: Date, scope: CaseScope) {
  const plans = await inScope(db, actor, now, scope)
    .innerJoin('cpPlan as p', 'p.childId', 'person.id')
    // CP-06 reads the mother's fitness from the birth record (the pre-birth module's fact).
    .leftJoin('birthRecord as b', 'b.childId', 'p.childId')
    .select([...CHILD_COLUMNS, 'p.id as planId', 'p.startedOn', 'p.preBirth', 'b.motherMedicallyFit'])
    .where('p.status', '=', 'active')
    .execute();
  const ids = plans.map((p) => p.planId);
  const dates = new Map<string, { coreGroups: string[]; reviews: string[]; seen: string[] }>(ids.map((id) => [id, { coreGroups: [], reviews: [], seen: [] }]));
  if (ids.length > 0) {
    const [coreGroups, reviews, visits] = await Promise.all([
      db.selectFrom('cpCoreGroupMeeting').select(['planId', 'heldOn']).where('planId', 'in', ids).execute(),
      db.selectFrom('cpConference').select(['planId', 'heldOn']).where('planId', 'in', ids).where('kind', '=', 'review').where('status', '=', 'held').execute(),
      db.selectFrom('cpVisit').select(['planId', 'visitedOn']).where('planId', 'in', ids).where('childSeen', '=', true).execute(),
    ]);
    for (const c of coreGroups) dates.get(c.planId)?.coreGroups.push(c.heldOn);
    for (const r of reviews) if (r.planId !== null && r.heldOn !== null) dates.get(r.planId)?.reviews.push(r.heldOn);
    for (const v of visits) dates.get(v.planId)?.seen.push(v.visitedOn);
  }
  return plans.map((p) => ({ ...p, dates: dates.get(p.planId) ?? { coreGroups: [], reviews: [], seen: [] } }));
}
