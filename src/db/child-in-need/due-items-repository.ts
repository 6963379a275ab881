// The open child in need plans in a worker's or a team's caseload, in ONE query per call ("My work"
// stays fast: no query per child), with the dates the CIN timescales count from and the quality flags
// of the version in force. Scope is the child's current allocation, as in the caseload: the visible
// children in scope (src/db/work/children-in-scope-repository.ts).
import type { Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { childIn, type ChildrenInScope } from '../work/children-in-scope-repository.ts';

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

/** The open plans of the children in scope, by child name (the scope's order), at most `limit`. */
export async function listOpenPlansInScope(trx: Transaction<Database>, inScope: ChildrenInScope, limit = 2000): Promise<OpenPlanRow[]> {
  if (inScope.ids.length === 0) return [];
  const rows = await trx
    .selectFrom('cinPlan')
    .leftJoin('cinPlanVersion', (join) => join.onRef('cinPlanVersion.planId', '=', 'cinPlan.id').on('cinPlanVersion.status', '=', 'finalised'))
    .select([
      'cinPlan.id as planId',
      'cinPlan.childId',
      'cinPlan.status',
      'cinPlan.openedOn',
      'cinPlan.agreedOn',
      'cinPlan.lastReviewedOn',
      'cinPlan.lastProgressReviewOn',
      'cinPlanVersion.qualityFlags',
      'cinPlanVersion.finalisedOn',
    ])
    .where(childIn('cinPlan.childId', inScope))
    .where('cinPlan.status', '<>', 'ended')
    .execute();
  const byChild = new Map<string, (typeof rows)[number][]>();
  for (const r of rows) byChild.set(r.childId, [...(byChild.get(r.childId) ?? []), r]);
  const out: OpenPlanRow[] = [];
  for (const c of inScope.children) {
    for (const r of byChild.get(c.childId) ?? []) {
      if (out.length >= limit) return out;
      out.push({ ...r, givenName: c.givenName, familyName: c.familyName, teamName: c.teamName, workerName: c.workerName });
    }
  }
  return out;
}
