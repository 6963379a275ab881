// What a module gives the chronology: a function that reads the significant things it recorded about
// a child as chronology items, and the categories those items can have (so a filtered chronology
// skips sources that cannot match).
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ChronologyCategory, ChronologyItem } from '../../domain/records/chronology-entry.ts';

export interface ChronologyDateRange {
  readonly from: string | null;
  readonly to: string | null;
}

export interface ChronologySource {
  readonly name: string;
  readonly categories: readonly ChronologyCategory[];
  /** Items on or between the dates when given (a source may return more; the builder filters). */
  load(trx: Transaction<Database>, childId: string, range: ChronologyDateRange): Promise<ChronologyItem[]>;
}
