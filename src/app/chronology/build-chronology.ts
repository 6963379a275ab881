// A child's chronology as a read model: the union of every registered source (registry.ts),
// filtered by category and date range, in date order. Nothing is copied into a chronology table,
// so it always shows what is recorded now, and a new source shows up everywhere at once.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { arrangeChronology, type ChronologyFilter, type ChronologyItem, type ChronologyOrder } from '../../domain/records/chronology-entry.ts';
import type { ChronologySource } from './chronology-source.ts';
import { CHRONOLOGY_SOURCES } from './registry.ts';

export async function buildChronology(
  trx: Transaction<Database>,
  childId: string,
  filter: ChronologyFilter,
  order: ChronologyOrder,
  sources: readonly ChronologySource[] = CHRONOLOGY_SOURCES,
): Promise<ChronologyItem[]> {
  const wanted = sources.filter((s) => filter.categories.length === 0 || s.categories.some((c) => filter.categories.includes(c)));
  const items: ChronologyItem[] = [];
  // One after another: a transaction is one connection, and PGlite runs one query at a time anyway.
  for (const source of wanted) items.push(...(await source.load(trx, childId, { from: filter.from, to: filter.to })));
  return arrangeChronology(items, filter, order);
}
