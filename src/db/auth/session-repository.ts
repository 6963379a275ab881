import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

export const hashSessionToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export interface SessionRow {
  readonly userId: string;
  readonly idleExpiresAt: Date;
  readonly absoluteExpiresAt: Date;
  readonly lastSeenAt: Date;
  readonly endedAt: Date | null;
  readonly active: boolean;
}

export async function insertSession(
  trx: Transaction<Database>,
  values: { token: string; userId: string; now: Date; idleExpiresAt: Date; absoluteExpiresAt: Date },
): Promise<void> {
  await trx
    .insertInto('session')
    .values({
      tokenHash: hashSessionToken(values.token),
      userId: values.userId,
      createdAt: values.now,
      lastSeenAt: values.now,
      idleExpiresAt: values.idleExpiresAt,
      absoluteExpiresAt: values.absoluteExpiresAt,
    })
    .execute();
}

export async function findSession(db: Kysely<Database>, token: string): Promise<SessionRow | undefined> {
  return db
    .selectFrom('session')
    .innerJoin('appUser', 'appUser.id', 'session.userId')
    .select(['session.userId', 'session.idleExpiresAt', 'session.absoluteExpiresAt', 'session.lastSeenAt', 'session.endedAt', 'appUser.active'])
    .where('session.tokenHash', '=', hashSessionToken(token))
    .executeTakeFirst();
}

export async function touchSession(db: Kysely<Database>, token: string, now: Date, idleExpiresAt: Date): Promise<void> {
  await db
    .updateTable('session')
    .set({ lastSeenAt: now, idleExpiresAt })
    .where('tokenHash', '=', hashSessionToken(token))
    .where('endedAt', 'is', null)
    .execute();
}

export async function endSession(trx: Transaction<Database>, token: string, now: Date): Promise<string | undefined> {
  const row = await trx
    .updateTable('session')
    .set({ endedAt: now })
    .where('tokenHash', '=', hashSessionToken(token))
    .where('endedAt', 'is', null)
    .returning('userId')
    .executeTakeFirst();
  return row?.userId;
}

export async function endAllSessionsOf(trx: Transaction<Database>, userId: string, now: Date): Promise<number> {
  const result = await trx.updateTable('session').set({ endedAt: now }).where('userId', '=', userId).where('endedAt', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}
