// What the child protection due items are computed from, for the children in a worker's or teams'
// caseload that the actor may see (src/db/shared/visibility.ts): initial conferences waiting to be
// held, and open plans with the dates their schedule needs.
import { sql } from 'kysely';
import { IN_SCOPE, type ChildrenInScope, type ScopedRead } from '../work/children-in-scope-repository.ts';

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

export interface OpenInitialConferenceRow {
  readonly childId: string;
  readonly conferenceId: string;
  readonly strategyHeldOn: string | null;
  readonly preBirth: boolean;
  readonly dueOn: string;
}

export interface PlanDates {
  readonly coreGroups: readonly string[];
  readonly reviews: readonly string[];
  readonly seen: readonly string[];
}

export interface ActivePlanRow {
  readonly childId: string;
  readonly planId: string;
  readonly startedOn: string;
  readonly preBirth: boolean;
  readonly motherMedicallyFit: boolean | null;
  readonly dates: PlanDates;
}

/**
 * Initial conferences waiting to be held, and active plans with the dates their schedule needs (core
 * groups, review conferences held, visits the child was seen on): two reads for the page's one statement.
 */
export const CHILD_PROTECTION_DUE_READS: readonly ScopedRead[] = [
  sql`(select coalesce(json_agg(json_build_object('childId', c.child_id, 'conferenceId', c.id, 'strategyHeldOn', c.strategy_held_on,
      'preBirth', c.pre_birth, 'dueOn', c.due_on)), '[]'::json)
    from cp_conference c where c.child_id = ${IN_SCOPE} and c.kind = 'initial' and c.status = 'to_be_held')`,
  // CP-06 reads the mother's fitness from the birth record (the pre-birth module's fact).
  sql`(select coalesce(json_agg(json_build_object('childId', p.child_id, 'planId', p.id, 'startedOn', p.started_on, 'preBirth', p.pre_birth,
      'motherMedicallyFit', b.mother_medically_fit, 'dates', json_build_object(
        'coreGroups', (select coalesce(json_agg(g.held_on), '[]'::json) from cp_core_group_meeting g where g.plan_id = p.id),
        'reviews', (select coalesce(json_agg(r.held_on), '[]'::json) from cp_conference r
          where r.plan_id = p.id and r.kind = 'review' and r.status = 'held' and r.held_on is not null),
        'seen', (select coalesce(json_agg(v.visited_on), '[]'::json) from cp_visit v where v.plan_id = p.id and v.child_seen)))), '[]'::json)
    from cp_plan p left join birth_record b on b.child_id = p.child_id where p.child_id = ${IN_SCOPE} and p.status = 'active')`,
];

/** What CHILD_PROTECTION_DUE_READS returned, with each child's columns. */
export function childProtectionDueOf(rows: readonly (readonly unknown[])[], inScope: ChildrenInScope) {
  const [conferences = [], plans = []] = rows as [OpenInitialConferenceRow[]?, ActivePlanRow[]?];
  return { conferences: withChild(conferences, inScope), plans: withChild(plans, inScope) };
}
