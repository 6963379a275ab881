// The open strategy discussions and section 47 enquiries for "My work": the children in the scope asked
// for (one worker's allocated children, or teams', or both: the allocation must match both), visible to
// the actor (src/db/work/children-in-scope-repository.ts), labelled with their allocation.
import { sql } from 'kysely';
import { IN_SCOPE, withLabels, type ChildrenInScope, type ScopedRead } from '../work/children-in-scope-repository.ts';

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

type StrategyColumns = Omit<OpenStrategyItem, 'childName' | 'teamName' | 'workerName'>;
type Section47Columns = Omit<OpenSection47Item, 'childName' | 'teamName' | 'workerName'>;

/** Strategy discussions still to be held for the children in scope: a read for the page's one statement. */
export const OPEN_STRATEGY_READ: ScopedRead = sql`(select coalesce(json_agg(json_build_object('strategyDiscussionId', d.id, 'childId', c.child_id,
    'openedOn', d.opened_on, 'urgent', d.urgent, 'dueOn', d.due_on, 'kind', d.kind, 'sourceKind', c.source_kind)), '[]'::json)
  from strategy_discussion_child c join strategy_discussion d on d.id = c.strategy_discussion_id
  where c.child_id = ${IN_SCOPE} and d.status = 'to_be_held' and c.decision is null)`;

/** Section 47 enquiries in progress for the children in scope: a read for the page's one statement. */
export const OPEN_SECTION_47_READ: ScopedRead = sql`(select coalesce(json_agg(json_build_object('section47Id', s.id, 'childId', s.child_id,
    'anchorOn', s.anchor_on, 'dueOn', s.due_on)), '[]'::json)
  from section47_enquiry s where s.child_id = ${IN_SCOPE} and s.status = 'in_progress')`;

export function openStrategyItemsOf(rows: readonly unknown[], inScope: ChildrenInScope): OpenStrategyItem[] {
  return withLabels(rows as readonly StrategyColumns[], inScope);
}

export function openSection47ItemsOf(rows: readonly unknown[], inScope: ChildrenInScope): OpenSection47Item[] {
  return withLabels(rows as readonly Section47Columns[], inScope);
}
