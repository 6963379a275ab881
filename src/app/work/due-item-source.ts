// What a source of due items for "My work" is (src/app/work/due-item-sources.ts lists them): its reads
// (json arrays over the children in scope, src/db/work/children-in-scope-repository.ts) and how it
// turns their rows into due items. "My work" runs every source's reads, for each of its scopes, in the
// one statement that works out the children in them; a source called on its own runs that statement
// for its scope with its reads only.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { NO_CHILDREN, readInScope, readInScopes, type ChildrenInScope, type ScopedRead } from '../../db/work/children-in-scope-repository.ts';
import type { DueItem, DueScope } from '../../domain/casework/due-items.ts';
import type { Actor } from '../../domain/shared/access/actor.ts';
import type { LocalDate } from '@js-joda/core';
import { parseLocalDate } from '../../domain/shared/time/local-date.ts';
import { londonToday } from '../people/london-today.ts';

export interface DueReadContext {
  readonly actor: Actor;
  readonly now: Date;
  readonly scope: DueScope;
  /** Today in London. */
  readonly today: LocalDate;
}

export interface DueRowsContext extends DueReadContext {
  /** The visible children in `scope`, by name. */
  readonly inScope: ChildrenInScope;
}

export interface DueItemBatch {
  /** The source's reads, each a json array, for the one statement per scope. */
  readonly reads: (ctx: DueReadContext) => readonly ScopedRead[];
  /** Its due items from what its reads returned (one array of rows per read, in order). */
  readonly items: (rows: readonly (readonly unknown[])[], ctx: DueRowsContext) => DueItem[];
}

export type DueItemSource = ((trx: Transaction<Database>, actor: Actor, now: Date, scope: DueScope) => Promise<readonly DueItem[]>) & {
  readonly batch: DueItemBatch;
};

export function dueReadContext(actor: Actor, now: Date, scope: DueScope): DueReadContext {
  return { actor, now, scope, today: parseLocalDate(londonToday(now)) };
}

/** A source that, called on its own, works out its scope and runs its reads in one statement. */
export function dueItemSource(name: string, batch: DueItemBatch): DueItemSource {
  const source = async (trx: Transaction<Database>, actor: Actor, now: Date, scope: DueScope): Promise<readonly DueItem[]> => {
    const ctx = dueReadContext(actor, now, scope);
    const { inScope, rows } = await readInScope(trx, actor, now, scope, batch.reads(ctx));
    return batch.items(rows, { ...ctx, inScope });
  };
  Object.defineProperty(source, 'name', { value: name });
  return Object.assign(source, { batch });
}

export interface SourcesInScope {
  readonly inScope: ChildrenInScope;
  /** Each source's due items, in the sources' order (none when not asked for). */
  readonly items: readonly DueItem[][];
  /** What each source's reads returned, in the sources' order. */
  readonly rows: readonly (readonly (readonly unknown[])[])[];
}

export interface SourcesAsk {
  readonly scope: DueScope;
  readonly sources: readonly DueItemSource[];
  /** False to have the sources' rows only, not their items. */
  readonly items?: boolean;
}

/** For each scope, the children in it and the sources' due items (or rows), all from ONE statement. */
export async function dueItemsInScopes(trx: Transaction<Database>, actor: Actor, now: Date, asks: readonly SourcesAsk[]): Promise<SourcesInScope[]> {
  const contexts = asks.map((ask) => dueReadContext(actor, now, ask.scope));
  const readsOf = asks.map((ask, i) => ask.sources.map((s) => s.batch.reads(contexts[i] ?? dueReadContext(actor, now, ask.scope))));
  const results = await readInScopes(
    trx,
    actor,
    now,
    asks.map((ask, i) => ({ scope: ask.scope, reads: (readsOf[i] ?? []).flat() })),
  );
  return asks.map((ask, i) => {
    const { inScope, rows } = results[i] ?? { inScope: NO_CHILDREN, rows: [] };
    const rowsOf: (readonly (readonly unknown[])[])[] = [];
    let at = 0;
    for (const reads of readsOf[i] ?? []) {
      rowsOf.push(rows.slice(at, at + reads.length));
      at += reads.length;
    }
    const ctx = { ...(contexts[i] ?? dueReadContext(actor, now, ask.scope)), inScope };
    return { inScope, items: ask.items === false ? [] : ask.sources.map((s, j) => s.batch.items(rowsOf[j] ?? [], ctx)), rows: rowsOf };
  });
}
