import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

export async function upsertDraft(trx: Transaction<Database>, userId: string, journey: string, data: Record<string, unknown>, now: Date): Promise<void> {
  await trx
    .insertInto('draft')
    .values({ userId, journey, data: JSON.stringify(data), updatedAt: now })
    .onConflict((oc) => oc.columns(['userId', 'journey']).doUpdateSet({ data: JSON.stringify(data), updatedAt: now }))
    .execute();
}

export async function findDraft(db: Kysely<Database>, userId: string, journey: string): Promise<Record<string, unknown> | undefined> {
  const row = await db.selectFrom('draft').select('data').where('userId', '=', userId).where('journey', '=', journey).executeTakeFirst();
  return row === undefined ? undefined : (row.data as Record<string, unknown>);
}

export async function deleteDraft(trx: Transaction<Database>, userId: string, journey: string): Promise<Record<string, unknown> | undefined> {
  const row = await trx.deleteFrom('draft').where('userId', '=', userId).where('journey', '=', journey).returning('data').executeTakeFirst();
  return row === undefined ? undefined : (row.data as Record<string, unknown>);
}
