// What is due on disabled children in a worker's or a team's caseload, in the page's one statement ("My work"
// stays fast: no query per child, no query per kind): eligibility decisions awaiting the team manager, active
// short breaks (for their reviews) and personal budget requests awaiting the panel's decision.
// Scope is the child's current allocation, as in the caseload, through the visibility filter: the
// visible children in scope (src/db/work/children-in-scope-repository.ts), worked out once per page.
import { sql } from 'kysely';
import { IN_SCOPE, type ChildrenInScope, type ScopedRead } from '../work/children-in-scope-repository.ts';

interface ChildColumns {
  readonly childId: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly teamName: string;
  readonly workerName: string | null;
}

// The child's columns, from the children in scope (allocation, visibility filter), worked out once per page.
function withChild<T extends { readonly childId: string }>(rows: readonly T[], inScope: ChildrenInScope): (T & ChildColumns)[] {
  return rows.flatMap((r) => {
    const c = inScope.byId.get(r.childId);
    return c === undefined
      ? []
      : [{ ...r, childId: c.childId, givenName: c.givenName, familyName: c.familyName, teamName: c.teamName, workerName: c.workerName }];
  });
}

/** Rows in the scope's order (by child name), as the caseload lists them. */
function byChildName<T extends { readonly childId: string }>(rows: readonly T[], inScope: ChildrenInScope): T[] {
  const order = new Map(inScope.ids.map((id, i) => [id, i]));
  return [...rows].sort((a, b) => (order.get(a.childId) ?? 0) - (order.get(b.childId) ?? 0));
}

export interface AwaitingDecisionRow extends ChildColumns {
  readonly recordedAt: Date;
}

export interface ActiveShortBreakRow extends ChildColumns {
  readonly breakType: 'daytime_care' | 'overnight_care' | 'activities' | 'evenings_weekends_holidays';
  readonly status: 'active' | 'ended';
  readonly startsOn: string;
  readonly endsOn: string | null;
  readonly lastReviewedOn: string | null;
}

export interface AwaitingPanelRow extends ChildColumns {
  readonly panelDate: string;
}

export interface DisabilityDue {
  readonly awaiting: readonly AwaitingDecisionRow[];
  readonly shortBreaks: readonly ActiveShortBreakRow[];
  readonly requests: readonly AwaitingPanelRow[];
}

type Kinds = {
  readonly awaiting: { childId: string; recordedAt: string }[];
  readonly shortBreaks: (Omit<ActiveShortBreakRow, keyof ChildColumns> & { childId: string })[];
  readonly requests: { childId: string; panelDate: string }[];
};

/**
 * The three kinds, a json array each, for the page's one statement: eligibility decisions awaiting the
 * manager, active short breaks, and budget requests awaiting the panel by panel date.
 */
export const DISABILITY_DUE_READS: readonly ScopedRead[] = [
  sql`(select coalesce(json_agg(json_build_object('childId', d.child_id, 'recordedAt', d.recorded_at)), '[]'::json)
     from cwd_eligibility_decision d where d.child_id = ${IN_SCOPE} and d.status = 'recorded')`,
  sql`(select coalesce(json_agg(json_build_object('childId', s.child_id, 'breakType', s.break_type, 'status', s.status, 'startsOn', s.starts_on,
     'endsOn', s.ends_on, 'lastReviewedOn', s.last_reviewed_on)), '[]'::json)
     from cwd_short_break s where s.child_id = ${IN_SCOPE} and s.status = 'active')`,
  sql`(select coalesce(json_agg(json_build_object('childId', b.child_id, 'panelDate', b.panel_date) order by b.panel_date), '[]'::json)
     from cwd_budget_request b where b.child_id = ${IN_SCOPE} and b.status in ('submitted', 'deferred'))`,
];

/**
 * What DISABILITY_DUE_READS returned: eligibility decisions awaiting the manager and active short
 * breaks in the scope's order (by child name), requests by panel date; at most `limit` of each.
 */
export function disabilityDueOf(rows: readonly (readonly unknown[])[], inScope: ChildrenInScope, limit = 2000): DisabilityDue {
  const [awaiting = [], shortBreaks = [], requests = []] = rows as [Kinds['awaiting']?, Kinds['shortBreaks']?, Kinds['requests']?];
  return {
    awaiting: withChild(
      byChildName(awaiting, inScope).map((r) => ({ childId: r.childId, recordedAt: new Date(r.recordedAt) })),
      inScope,
    ).slice(0, limit),
    shortBreaks: withChild(byChildName(shortBreaks, inScope), inScope).slice(0, limit),
    requests: withChild(requests, inScope).slice(0, limit),
  };
}
