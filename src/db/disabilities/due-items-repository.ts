// What is due on disabled children in a worker's or a team's caseload, one query per kind ("My
// work" stays fast: no query per child): eligibility decisions awaiting the team manager, active
// short breaks (for their reviews) and personal budget requests awaiting the panel's decision.
// Scope is the child's current allocation, as in the caseload, through the visibility filter: the
// visible children in scope (src/db/work/children-in-scope-repository.ts), worked out once per page.
import type { Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { childIn, type ChildrenInScope } from '../work/children-in-scope-repository.ts';

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
    return c === undefined ? [] : [{ ...r, childId: c.childId, givenName: c.givenName, familyName: c.familyName, teamName: c.teamName, workerName: c.workerName }];
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

export async function listDecisionsAwaitingManager(trx: Transaction<Database>, inScope: ChildrenInScope, limit = 2000): Promise<AwaitingDecisionRow[]> {
  if (inScope.ids.length === 0) return [];
  const rows = await trx
    .selectFrom('cwdEligibilityDecision as d')
    .select(['d.childId', 'd.recordedAt'])
    .where(childIn('d.childId', inScope))
    .where('d.status', '=', 'recorded')
    .execute();
  return withChild(byChildName(rows, inScope), inScope).slice(0, limit);
}

export interface ActiveShortBreakRow extends ChildColumns {
  readonly breakType: 'daytime_care' | 'overnight_care' | 'activities' | 'evenings_weekends_holidays';
  readonly status: 'active' | 'ended';
  readonly startsOn: string;
  readonly endsOn: string | null;
  readonly lastReviewedOn: string | null;
}

export async function listActiveShortBreaks(trx: Transaction<Database>, inScope: ChildrenInScope, limit = 2000): Promise<ActiveShortBreakRow[]> {
  if (inScope.ids.length === 0) return [];
  const rows = await trx
    .selectFrom('cwdShortBreak as s')
    .select(['s.childId', 's.breakType', 's.status', 's.startsOn', 's.endsOn', 's.lastReviewedOn'])
    .where(childIn('s.childId', inScope))
    .where('s.status', '=', 'active')
    .execute();
  return withChild(byChildName(rows, inScope), inScope).slice(0, limit);
}

export interface AwaitingPanelRow extends ChildColumns {
  readonly panelDate: string;
}

export async function listRequestsAwaitingPanel(trx: Transaction<Database>, inScope: ChildrenInScope, limit = 2000): Promise<AwaitingPanelRow[]> {
  if (inScope.ids.length === 0) return [];
  const rows = await trx
    .selectFrom('cwdBudgetRequest as b')
    .select(['b.childId', 'b.panelDate'])
    .where(childIn('b.childId', inScope))
    .where('b.status', 'in', ['submitted', 'deferred'])
    .orderBy('b.panelDate')
    .execute();
  return withChild(rows, inScope).slice(0, limit);
}
