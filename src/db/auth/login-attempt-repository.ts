import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

export async function recordLoginAttempt(
  trx: Transaction<Database>,
  attempt: { username: string; ip: string; succeeded: boolean; at: Date },
): Promise<void> {
  await trx
    .insertInto('loginAttempt')
    .values({ username: attempt.username, ip: attempt.ip, succeeded: attempt.succeeded, attemptedAt: attempt.at })
    .execute();
}

export async function countRecentFailures(
  db: Kysely<Database>,
  by: { username: string; ip: string; since: Date },
): Promise<{ forUsername: number; forIp: number }> {
  const row = await db
    .selectFrom('loginAttempt')
    .select((eb) => [
      eb.fn.countAll<string>().filterWhere('username', '=', by.username).as('forUsername'),
      eb.fn.countAll<string>().filterWhere('ip', '=', by.ip).as('forIp'),
    ])
    .where('attemptedAt', '>', by.since)
    .where('succeeded', '=', false)
    .where((eb) => eb.or([eb('username', '=', by.username), eb('ip', '=', by.ip)]))
    .executeTakeFirstOrThrow();
  return { forUsername: Number(row.forUsername), forIp: Number(row.forIp) };
}
