// The open child in need plans in a worker's or a team's caseload, in ONE query per call ("My work"
// stays fast: no query per child), with the dates the CIN timescales count from and the quality flags
// of the version in force. Scope is the child's current allocation, as in the caseload: the visible
// children in scope (src/db/work/children-in-scope-repository.ts).
import { sql } from 'kysely';
import { IN_SCOPE, type ChildrenInScope, type ScopedRead } from '../work/children-in-scope-repository.ts';

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

type PlanColumns = Omit<OpenPlanRow, 'givenName' | 'familyName' | 'teamName' | 'workerName'>;

/** The open plans of the children in scope (with the version in force's quality check): a read for the page's one statement. */
export const OPEN_PLANS_READ: ScopedRead = sql`(select coalesce(json_agg(json_build_object('planId', p.id, 'childId', p.child_id, 'status', p.status,
    'openedOn', p.opened_on, 'agreedOn', p.agreed_on, 'lastReviewedOn', p.last_reviewed_on, 'lastProgressReviewOn', p.last_progress_review_on,
    'qualityFlags', v.quality_flags, 'finalisedOn', v.finalised_on)), '[]'::json)
  from cin_plan p left join cin_plan_version v on v.plan_id = p.id and v.status = 'finalised'
  where p.child_id = ${IN_SCOPE} and p.status <> 'ended')`;

// The rows of one statement are read twice on a manager's page (the due items and the weak plans).
const plansOfRows = new WeakMap<readonly unknown[], { inScope: ChildrenInScope; limit: number; plans: readonly OpenPlanRow[] }>();

/** What OPEN_PLANS_READ returned, by child name (the scope's order), at most `limit`. */
export function openPlansOf(rows: readonly unknown[], inScope: ChildrenInScope, limit = 2000): readonly OpenPlanRow[] {
  const hit = plansOfRows.get(rows);
  if (hit !== undefined && hit.inScope === inScope && hit.limit === limit) return hit.plans;
  const plans = plansOf(rows, inScope, limit);
  plansOfRows.set(rows, { inScope, limit, plans });
  return plans;
}

function plansOf(rows: readonly unknown[], inScope: ChildrenInScope, limit: number): OpenPlanRow[] {
  const byChild = new Map<string, PlanColumns[]>();
  for (const r of rows as readonly PlanColumns[]) {
    const list = byChild.get(r.childId);
    if (list === undefined) byChild.set(r.childId, [r]);
    else list.push(r);
  }
  const out: OpenPlanRow[] = [];
  for (const c of inScope.children) {
    for (const r of byChild.get(c.childId) ?? []) {
      if (out.length >= limit) return out;
      out.push({ ...r, givenName: c.givenName, familyName: c.familyName, teamName: c.teamName, workerName: c.workerName });
    }
  }
  return out;
}
