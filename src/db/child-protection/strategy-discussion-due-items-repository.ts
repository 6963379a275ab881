// The open strategy discussions and section 47 enquiries for "My work": the children in the scope asked
// for (one worker's allocated children, or teams', or both: the allocation must match both), visible to
// the actor (src/db/work/children-in-scope-repository.ts), labelled with their allocation.
import type { Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { childIn, withLabels, type ChildrenInScope } from '../work/children-in-scope-repository.ts';

export interface OpenStrategyItem {
  readonly strategyDiscussionId: string;
  readonly childId: string;
  readonly childName: string;
  readonly teamName: string | null;
  readonly workerName: string | null;
  readonly openedOn: string;
  readonly urgent: boolean;
  readonly dueOn: string;
  readonly kind: 'initial' | 'review';
  readonly sourceKind: string;
}

export interface OpenSection47Item {
  readonly section47Id: string;
  readonly childId: string;
  readonly childName: string;
  readonly teamName: string | null;
  readonly workerName: string | null;
  readonly anchorOn: string;
  readonly dueOn: string;
}

export async function openStrategyItems(trx: Transaction<Database>, inScope: ChildrenInScope): Promise<OpenStrategyItem[]> {
  if (inScope.ids.length === 0) return [];
  const rows = await trx
    .selectFrom('strategyDiscussionChild as c')
    .innerJoin('strategyDiscussion as d', 'd.id', 'c.strategyDiscussionId')
    .select(['d.id as strategyDiscussionId', 'c.childId', 'd.openedOn', 'd.urgent', 'd.dueOn', 'd.kind', 'c.sourceKind'])
    .where(childIn('c.childId', inScope))
    .where('d.status', '=', 'to_be_held')
    .where('c.decision', 'is', null)
    .execute();
  return withLabels(rows, inScope);
}

export async function openSection47Items(trx: Transaction<Database>, inScope: ChildrenInScope): Promise<OpenSection47Item[]> {
  if (inScope.ids.length === 0) return [];
  const rows = await trx
    .selectFrom('section47Enquiry as s')
    .select(['s.id as section47Id', 's.childId', 's.anchorOn', 's.dueOn'])
    .where(childIn('s.childId', inScope))
    .where('s.status', '=', 'in_progress')
    .execute();
  return withLabels(rows, inScope);
}
