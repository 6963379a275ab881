// What the chronology reads that is not a case note or a document: entries workers add by hand,
// the child's allocations, and when the person record was created.
import type { Kysely, Transaction } from 'kysely';
import type { ChronologyCategory } from '../../domain/records/chronology-entry.ts';
import type { Database } from '../schema.ts';

type Db = Transaction<Database> | Kysely<Database>;
type Range = { readonly from: string | null; readonly to: string | null };

export interface NewChronologyEntry {
  readonly childId: string;
  readonly entryDate: string;
  readonly category: ChronologyCategory;
  readonly summary: string;
  readonly source: string;
  readonly recordedByUserId: string;
  readonly recordedAt: Date;
}

export async function insertChronologyEntry(trx: Db, entry: NewChronologyEntry): Promise<string> {
  const row = await trx.insertInto('chronologyEntry').values(entry).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function manualChronologyEntries(trx: Db, childId: string, range: Range) {
  let query = trx
    .selectFrom('chronologyEntry as e')
    .innerJoin('appUser as u', 'u.id', 'e.recordedByUserId')
    .select(['e.id', 'e.entryDate', 'e.category', 'e.summary', 'e.source', 'u.displayName as recordedByName'])
    .where('e.childId', '=', childId);
  if (range.from !== null) query = query.where('e.entryDate', '>=', range.from);
  if (range.to !== null) query = query.where('e.entryDate', '<=', range.to);
  return query.execute();
}

/** Every allocation of the child, open or ended, with the team and worker names. */
export async function allocationHistory(trx: Db, childId: string) {
  return trx
    .selectFrom('allocation as a')
    .innerJoin('team as t', 't.id', 'a.teamId')
    .leftJoin('appUser as u', 'u.id', 'a.workerUserId')
    .select(['a.id', 'a.startedOn', 'a.endedOn', 't.name as teamName', 'u.displayName as workerName'])
    .where('a.childId', '=', childId)
    .execute();
}

/** When the child's person record was created. */
export async function personRecordCreated(trx: Db, childId: string): Promise<{ id: string; createdAt: Date } | undefined> {
  return trx.selectFrom('person').select(['id', 'createdAt']).where('id', '=', childId).executeTakeFirst();
}
