// The open strategy discussions and section 47 enquiries for "My work": children visible to the actor
// (src/db/shared/visibility.ts), in the scope asked for (one worker's allocated children, or teams').
import { sql, type Transaction } from 'kysely';
import type { DueScope } from '../../domain/casework/due-items.ts';
import type { Actor } from '../../domain/shared/access/actor.ts';
import type { Database } from '../schema.ts';
import { visibleChildren } from '../shared/visibility.ts';

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

// Both given (a manager's team view filtered to one worker): the allocation must match both, as
// every other due-item source filters (src/domain/casework/due-items.ts DueScope).
function inScope(scope: DueScope) {
  const worker = scope.workerId === undefined ? sql`true` : sql`a.worker_user_id = ${scope.workerId}`;
  const teams =
    scope.teamIds === undefined ? sql`true` : scope.teamIds.length === 0 ? sql`false` : sql`a.team_id in (${sql.join(scope.teamIds.map((t) => sql`${t}`))})`;
  return sql<boolean>`exists (select 1 from allocation a where a.child_id = person.id and a.ended_on is null and ${worker} and ${teams})`;
}

const allocationLabel = sql<
  string | null
>`(select t.name from allocation a join team t on t.id = a.team_id where a.child_id = person.id and a.ended_on is null order by a.started_on desc limit 1)`;
const workerLabel = sql<
  string | null
>`(select u.display_name from allocation a join app_user u on u.id = a.worker_user_id where a.child_id = person.id and a.ended_on is null order by a.started_on desc limit 1)`;

export async function openStrategyItems(trx: Transaction<Database>, actor: Actor, now: Date, scope: DueScope): Promise<OpenStrategyItem[]> {
  if (scope.workerId === undefined && (scope.teamIds === undefined || scope.teamIds.length === 0)) return [];
  return trx
    .selectFrom('strategyDiscussionChild as c')
    .innerJoin('strategyDiscussion as d', 'd.id', 'c.strategyDiscussionId')
    .innerJoin('person', 'person.id', 'c.childId')
    .select([
      'd.id as strategyDiscussionId',
      'c.childId',
      sql<string>`person.given_name || ' ' || person.family_name`.as('childName'),
      allocationLabel.as('teamName'),
      workerLabel.as('workerName'),
      'd.openedOn',
      'd.urgent',
      'd.dueOn',
      'd.kind',
      'c.sourceKind',
    ])
    .where('d.status', '=', 'to_be_held')
    .where('c.decision', 'is', null)
    .where(visibleChildren(actor, now))
    .where(inScope(scope))
    .execute();
}

export async function openSection47Items(trx: Transaction<Database>, actor: Actor, now: Date, scope: DueScope): Promise<OpenSection47Item[]> {
  if (scope.workerId === undefined && (scope.teamIds === undefined || scope.teamIds.length === 0)) return [];
  return trx
    .selectFrom('section47Enquiry as s')
    .innerJoin('person', 'person.id', 's.childId')
    .select([
      's.id as section47Id',
      's.childId',
      sql<string>`person.given_name || ' ' || person.family_name`.as('childName'),
      allocationLabel.as('teamName'),
      workerLabel.as('workerName'),
      's.anchorOn',
      's.dueOn',
    ])
    .where('s.status', '=', 'in_progress')
    .where(visibleChildren(actor, now))
    .where(inScope(scope))
    .execute();
}
