// The children in a "My work" scope (one worker's allocated children, or teams', or one worker in
// teams), through the visibility filter (src/db/shared/visibility.ts), worked out ONCE per scope: the
// caseload lists them and every due-item source (src/app/work/due-item-sources.ts) reads its own
// tables for these children only (`childIn`), instead of each source re-running the allocation join
// and the visibility filter. A child has at most one open allocation (allocation_one_open_per_child),
// so each child appears once, with its team and worker.
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { DueScope } from '../../domain/casework/due-items.ts';
import type { Actor } from '../../domain/shared/access/actor.ts';
import type { Database } from '../schema.ts';
import { visibleChildren } from '../shared/visibility.ts';

export interface ChildInScope {
  readonly childId: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly dateOfBirth: string | null;
  readonly expectedDateOfDelivery: string | null;
  readonly personType: 'child' | 'unborn' | 'adult';
  readonly merged: boolean;
  readonly teamName: string;
  readonly workerName: string | null;
  readonly startedOn: string;
}

export interface ChildrenInScope {
  /** By family name, then given name (the caseload's order). */
  readonly children: readonly ChildInScope[];
  readonly byId: ReadonlyMap<string, ChildInScope>;
  readonly ids: readonly string[];
}

export const NO_CHILDREN: ChildrenInScope = Object.freeze({ children: [], byId: new Map(), ids: [] });

export async function listChildrenInScope(db: Kysely<Database> | Transaction<Database>, actor: Actor, now: Date, scope: DueScope): Promise<ChildrenInScope> {
  if (scope.teamIds?.length === 0) return NO_CHILDREN;
  let query = db
    .selectFrom('allocation')
    .innerJoin('person', 'person.id', 'allocation.childId')
    .innerJoin('team', 'team.id', 'allocation.teamId')
    .leftJoin('appUser', 'appUser.id', 'allocation.workerUserId')
    .select([
      'person.id as childId',
      'person.givenName',
      'person.familyName',
      'person.dateOfBirth',
      'person.expectedDateOfDelivery',
      'person.personType',
      sql<boolean>`person.merged_into_person_id is not null`.as('merged'),
      'team.name as teamName',
      'appUser.displayName as workerName',
      'allocation.startedOn',
    ])
    .where('allocation.endedOn', 'is', null)
    .where(visibleChildren(actor, now));
  if (scope.workerId !== undefined) query = query.where('allocation.workerUserId', '=', scope.workerId);
  if (scope.teamIds !== undefined) query = query.where('allocation.teamId', 'in', [...scope.teamIds]);
  const children = await query.orderBy('person.familyName').orderBy('person.givenName').execute();
  return { children, byId: new Map(children.map((c) => [c.childId, c])), ids: children.map((c) => c.childId) };
}

/** The visible children in scope: the ones given (worked out once by "My work"), or worked out now (a source called on its own). */
export function childrenInScope(
  db: Kysely<Database> | Transaction<Database>,
  actor: Actor,
  now: Date,
  scope: DueScope,
  given: ChildrenInScope | undefined,
): Promise<ChildrenInScope> {
  return given === undefined ? listChildrenInScope(db, actor, now, scope) : Promise.resolve(given);
}

/** `<column> = any(<the children's ids>)`: a source's rows for the children in scope, one parameter. */
export function childIn(column: string, inScope: ChildrenInScope): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} = any(${[...inScope.ids]}::uuid[])`;
}

export interface ChildLabels {
  readonly childName: string;
  readonly teamName: string;
  readonly workerName: string | null;
}

/** The child's name, team and worker, as every due item shows them (null if not in scope). */
export function childLabels(inScope: ChildrenInScope, childId: string): ChildLabels | null {
  const c = inScope.byId.get(childId);
  return c === undefined ? null : { childName: `${c.givenName} ${c.familyName}`, teamName: c.teamName, workerName: c.workerName };
}

/** Each row with its child's labels, in the rows' order (rows of children not in scope dropped). */
export function withLabels<T extends { readonly childId: string }>(rows: readonly T[], inScope: ChildrenInScope): (T & ChildLabels)[] {
  return rows.flatMap((r) => {
    const labels = childLabels(inScope, r.childId);
    return labels === null ? [] : [{ ...r, ...labels }];
  });
}
