// What a source of due items for "My work" is (src/app/work/due-item-sources.ts lists them): its reads
// (json arrays over the children in scope, src/db/work/children-in-scope-repository.ts) and how it
// turns their rows into due items. "My work" runs every source's reads in the one statement per scope
// that works out the children in it; a source called on its own runs that statement with its reads only.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { readInScope, type ChildrenInScope, type ScopedRead } from '../../db/work/children-in-scope-repository.ts';
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
  /** Each source's due items, in the sources' order. */
  readonly items: readonly DueItem[][];
  /** What each source's reads returned, in the sources' order. */
  readonly rows: readonly (readonly (readonly unknown[])[])[];
}

/** The children in scope and every source's due items, from ONE statement. */
export async function dueItemsInScope(
  trx: Transaction<Database>,
  actor: Actor,
  now: Date,
  scope: DueScope,
  sources: readonly DueItemSource[],
): Promise<SourcesInScope> {
  const ctx = dueReadContext(actor, now, scope);
  const readsOf = sources.map((s) => s.batch.reads(ctx));
  const { inScope, rows } = await readInScope(trx, actor, now, scope, readsOf.flat());
  const rowsOf: (readonly (readonly unknown[])[])[] = [];
  let at = 0;
  for (const reads of readsOf) {
    rowsOf.push(rows.slice(at, at + reads.length));
    at += reads.length;
  }
  const withScope = { ...ctx, inScope };
  return { inScope, items: sources.map((s, i) => s.batch.items(rowsOf[i] ?? [], withScope)), rows: rowsOf };
}
