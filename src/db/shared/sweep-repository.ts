// Deletes working rows past their retention (src/domain/shared/retention/retention.ts).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Transaction<Database> | Kysely<Database>;

/** Sessions that ended (signed out) or expired (idle or absolute) before `before`. */
export async function deleteSessionsEndedBefore(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('session')
    .where((eb) => eb.or([eb('endedAt', '<', before), eb('idleExpiresAt', '<', before), eb('absoluteExpiresAt', '<', before)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Idempotency records (form_submission) made before `before`. */
export async function deleteFormSubmissionsBefore(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom('formSubmission').where('createdAt', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
