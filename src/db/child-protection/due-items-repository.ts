// What the child protection due items are computed from, for the children in a worker's or teams'
// caseload that the actor may see (src/db/shared/visibility.ts): initial conferences waiting to be
// held, and open plans with the dates their schedule needs.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { childIn, type ChildrenInScope } from '../work/children-in-scope-repository.ts';

type Db = Transaction<Database> | Kysely<Database>;

export interface DueChild {
  readonly childId: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly dateOfBirth: string | null;
  readonly expectedDateOfDelivery: string | null;
  readonly teamName: string;
  readonly workerName: string | null;
}

// The children in scope (allocation, visibility filter) come from src/db/work/children-in-scope-repository.ts,
// worked out once per page; the child's columns are theirs.
function withChild<T extends { readonly childId: string }>(rows: readonly T[], inScope: ChildrenInScope): (T & DueChild)[] {
  return rows.flatMap((r) => {
    const c = inScope.byId.get(r.childId);
    if (c === undefined) return [];
    const child: DueChild = {
      childId: c.childId,
      givenName: c.givenName,
      familyName: c.familyName,
      dateOfBirth: c.dateOfBirth,
      expectedDateOfDelivery: c.expectedDateOfDelivery,
      teamName: c.teamName,
      workerName: c.workerName,
    };
    return [{ ...r, ...child }];
  });
}

export async function listOpenInitialConferencesInScope(db: Db, inScope: ChildrenInScope) {
  if (inScope.ids.length === 0) return [];
  const rows = await db
    .selectFrom('cpConference as c')
    .select(['c.childId', 'c.id as conferenceId', 'c.strategyHeldOn', 'c.preBirth', 'c.dueOn'])
    .where(childIn('c.childId', inScope))
    .where('c.kind', '=', 'initial')
    .where('c.status', '=', 'to_be_held')
    .execute();
  return withChild(rows, inScope);
}

export interface PlanDates {
  readonly coreGroups: readonly string[];
  readonly reviews: readonly string[];
  readonly seen: readonly string[];
}

export async function listActivePlansInScope(db: Db, inScope: ChildrenInScope) {
  if (inScope.ids.length === 0) return [];
  const plans = withChild(
    await db
      .selectFrom('cpPlan as p')
      // CP-06 reads the mother's fitness from the birth record (the pre-birth module's fact).
      .leftJoin('birthRecord as b', 'b.childId', 'p.childId')
      .select(['p.childId', 'p.id as planId', 'p.startedOn', 'p.preBirth', 'b.motherMedicallyFit'])
      .where(childIn('p.childId', inScope))
      .where('p.status', '=', 'active')
      .execute(),
    inScope,
  );
  const ids = plans.map((p) => p.planId);
  const dates = new Map<string, { coreGroups: string[]; reviews: string[]; seen: string[] }>(ids.map((id) => [id, { coreGroups: [], reviews: [], seen: [] }]));
  if (ids.length > 0) {
    // the three kinds of date in one statement
    const planIds = sql`any(${ids}::uuid[])`;
    const rows = await sql<{ kind: 'core-group' | 'review' | 'seen'; planId: string; on: string }>`
      select 'core-group' as kind, plan_id as "planId", held_on::text as "on" from cp_core_group_meeting where plan_id = ${planIds}
      union all
      select 'review', plan_id, held_on::text from cp_conference
        where plan_id = ${planIds} and kind = 'review' and status = 'held' and held_on is not null
      union all
      select 'seen', plan_id, visited_on::text from cp_visit where plan_id = ${planIds} and child_seen`.execute(db);
    for (const r of rows.rows) {
      const d = dates.get(r.planId);
      if (d === undefined) continue;
      if (r.kind === 'core-group') d.coreGroups.push(r.on);
      else if (r.kind === 'review') d.reviews.push(r.on);
      else d.seen.push(r.on);
    }
  }
  return plans.map((p) => ({ ...p, dates: dates.get(p.planId) ?? { coreGroups: [], reviews: [], seen: [] } }));
}
