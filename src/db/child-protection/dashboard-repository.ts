// The rows behind the child protection dashboard and the CP chair's conference list, for the children
// the actor may see (src/db/shared/visibility.ts).
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../domain/shared/access/actor.ts';
import type { Database } from '../schema.ts';
import { visibleChildren } from '../shared/visibility.ts';

type Db = Transaction<Database> | Kysely<Database>;

export async function listActivePlanFacts(db: Db, actor: Actor, now: Date) {
  return db
    .selectFrom('cpPlan as p')
    .innerJoin('person', 'person.id', 'p.childId')
    .select([
      'p.id',
      'p.childId',
      'person.givenName',
      'person.familyName',
      'p.latestCategory',
      'p.startedOn',
      'p.planNumber',
      'p.contingencyPlan',
      'p.leadWorkerUserId',
    ])
    .select((eb) => [
      eb
        .selectFrom('cpPlanOutcome as o')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('o.planId', '=', 'p.id')
        .as('outcomes'),
      eb
        .selectFrom('cpPlanAction as a')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('a.planId', '=', 'p.id')
        .as('actions'),
      eb
        .selectFrom('cpPlanAction as a')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('a.planId', '=', 'p.id')
        .where('a.owner', 'is', null)
        .as('actionsWithoutOwner'),
      eb
        .selectFrom('cpPlanAction as a')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('a.planId', '=', 'p.id')
        .where('a.dueOn', 'is', null)
        .as('actionsWithoutDate'),
      eb
        .selectFrom('cpCoreGroupMember as m')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('m.planId', '=', 'p.id')
        .as('coreGroupMembers'),
    ])
    .where('p.status', '=', 'active')
    .where(visibleChildren(actor, now))
    .orderBy('p.startedOn')
    .execute();
}

/** Conferences held, core groups and visits recorded since `since` (ISO), with whether each met its timescale. */
export async function listTimelinessSince(db: Db, actor: Actor, now: Date, since: string) {
  const [conferences, coreGroups, visits] = await Promise.all([
    db
      .selectFrom('cpConference as c')
      .innerJoin('person', 'person.id', 'c.childId')
      .select(['c.kind', 'c.withinTimescale'])
      .where('c.status', '=', 'held')
      .where('c.heldOn', '>=', since)
      .where(visibleChildren(actor, now))
      .execute(),
    db
      .selectFrom('cpCoreGroupMeeting as m')
      .innerJoin('person', 'person.id', 'm.childId')
      .select(['m.withinTimescale'])
      .where('m.heldOn', '>=', since)
      .where(visibleChildren(actor, now))
      .execute(),
    db
      .selectFrom('cpVisit as v')
      .innerJoin('person', 'person.id', 'v.childId')
      .select(['v.withinTimescale'])
      .where('v.visitedOn', '>=', since)
      .where(visibleChildren(actor, now))
      .execute(),
  ]);
  return { conferences, coreGroups, visits };
}

export async function listOpenConferences(db: Db, actor: Actor, now: Date) {
  return db
    .selectFrom('cpConference as c')
    .innerJoin('person', 'person.id', 'c.childId')
    .innerJoin('team', 'team.id', 'c.teamId')
    .select(['c.id', 'c.childId', 'c.kind', 'c.preBirth', 'c.dueOn', 'c.dueRuleId', 'person.givenName', 'person.familyName', 'team.name as teamName'])
    .where('c.status', '=', 'to_be_held')
    .where(visibleChildren(actor, now))
    .orderBy('c.dueOn')
    .limit(500)
    .execute();
}
