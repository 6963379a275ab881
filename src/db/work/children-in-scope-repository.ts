// The children in a "My work" scope (one worker's allocated children, or teams', or one worker in
// teams), through the visibility filter (src/db/shared/visibility.ts), worked out ONCE per scope: the
// caseload lists them and every due-item source (src/app/work/due-item-sources.ts) reads its own
// tables for these children only, instead of each source re-running the allocation join and the
// visibility filter. A child has at most one open allocation (allocation_one_open_per_child), so each
// child appears once, with its team and worker.
//
// `readInScopes` does it in ONE statement for all a page's scopes: each scope is a CTE (`scope`, with
// `ord`, the caseload's order), and each source's reads are json arrays over it (`IN_SCOPE` for the
// children's ids), so a page is one round trip, with no list of ids sent back and forth.
import { expressionBuilder, sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
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

type Db = Kysely<Database> | Transaction<Database>;

/**
 * `= IN_SCOPE`: the ids of the children in the statement's `scope` CTE (an array worked out once, so
 * each read can use its table's index on the child's id).
 */
export const IN_SCOPE: RawBuilder<unknown> = sql`any(array(select scope.child_id from scope))`;

/** One read of a source: a json array over the `scope` CTE (and its own tables). */
export type ScopedRead = RawBuilder<unknown>;

// Built without an executor: it runs inside readInScopes' statement, whose executor applies the plugins once.
function scopeQuery(actor: Actor, now: Date, scope: DueScope) {
  let query = expressionBuilder<Database>()
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
      sql<string>`row_number() over (order by person.family_name, person.given_name)`.as('ord'),
    ])
    .where('allocation.endedOn', 'is', null)
    .where(visibleChildren(actor, now));
  if (scope.workerId !== undefined) query = query.where('allocation.workerUserId', '=', scope.workerId);
  if (scope.teamIds !== undefined) query = query.where('allocation.teamId', 'in', [...scope.teamIds]);
  return query;
}

function childrenOf(children: readonly ChildInScope[]): ChildrenInScope {
  return { children, byId: new Map(children.map((c) => [c.childId, c])), ids: children.map((c) => c.childId) };
}

export interface ReadInScope {
  readonly inScope: ChildrenInScope;
  /** Each read's rows, in the order asked for. */
  readonly rows: readonly (readonly unknown[])[];
}

/** A scope and the reads to run over its children. */
export interface ScopeReads {
  readonly scope: DueScope;
  readonly reads: readonly ScopedRead[];
}

type ReadRow = { k: number; children: ChildInScope[] } & Record<string, unknown[]>;

/**
 * For each scope, the visible children in it, by name, and each of its reads' rows over them, all in
 * ONE statement (a branch per scope, each with its own `scope` CTE, one row each). A scope of no
 * teams has no children and nothing else is read.
 */
export async function readInScopes(db: Db, actor: Actor, now: Date, asks: readonly ScopeReads[]): Promise<ReadInScope[]> {
  const width = Math.max(0, ...asks.map((a) => a.reads.length));
  const branches = asks.flatMap((ask, k) => {
    if (ask.scope.teamIds?.length === 0) return [];
    const columns = Array.from({ length: width }, (_, i) => sql`${ask.reads[i] ?? sql`'[]'::json`} as ${sql.ref(`r${String(i)}`)}`);
    return [
      sql`(with scope as materialized ${scopeQuery(actor, now, ask.scope)}
        select ${k}::int as k, (select coalesce(json_agg(json_build_object('childId', s.child_id, 'givenName', s.given_name, 'familyName', s.family_name,
          'dateOfBirth', s.date_of_birth, 'expectedDateOfDelivery', s.expected_date_of_delivery, 'personType', s.person_type, 'merged', s.merged,
          'teamName', s.team_name, 'workerName', s.worker_name, 'startedOn', s.started_on) order by s.ord), '[]'::json) from scope s) as children
        ${columns.length === 0 ? sql`` : sql`, ${sql.join(columns)}`})`,
    ];
  });
  const got = new Map<number, ReadRow>();
  if (branches.length > 0) for (const row of (await sql<ReadRow>`${sql.join(branches, sql` union all `)}`.execute(db)).rows) got.set(row.k, row);
  return asks.map((ask, k) => {
    const row = got.get(k);
    return {
      inScope: row === undefined ? NO_CHILDREN : childrenOf(row.children),
      rows: ask.reads.map((_, i) => row?.[`r${String(i)}`] ?? []),
    };
  });
}

/** The visible children in `scope`, by name, and each read's rows over them, in ONE statement. */
export async function readInScope(db: Db, actor: Actor, now: Date, scope: DueScope, reads: readonly ScopedRead[]): Promise<ReadInScope> {
  const [read] = await readInScopes(db, actor, now, [{ scope, reads }]);
  return read ?? { inScope: NO_CHILDREN, rows: reads.map(() => []) };
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
