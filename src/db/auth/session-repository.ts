import { createHash } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { TeamMembershipFact } from '../../domain/shared/access/actor.ts';
import type { Database } from '../schema.ts';
import { prepared } from '../prepared-statements.ts';

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

export interface SessionWithUserRow extends SessionRow {
  readonly displayName: string;
  /** The user's roles as stored (the caller keeps only known ones). */
  readonly roles: readonly string[];
  /** The user's teams, by team name. */
  readonly teams: readonly TeamMembershipFact[];
}

/**
 * The session and, in the same statement, the user it belongs to with their roles and teams (what
 * loadActor reads in three): one round trip per request to sign it in, read fresh every time.
 */
export async function findSessionWithUser(db: Kysely<Database>, token: string): Promise<SessionWithUserRow | undefined> {
  const query = sql<SessionWithUserRow>`
    select s.user_id, s.idle_expires_at, s.absolute_expires_at, s.last_seen_at, s.ended_at, u.active, u.display_name,
      coalesce((select json_agg(r.role) from user_role r where r.user_id = u.id), '[]'::json) as roles,
      coalesce((select json_agg(json_build_object('teamId', t.id, 'isManager', tm.is_manager, 'teamName', t.name) order by t.name)
                  from team_membership tm join team t on t.id = tm.team_id where tm.user_id = u.id), '[]'::json) as teams
    from session s join app_user u on u.id = s.user_id
    where s.token_hash = ${hashSessionToken(token)}`;
  // Every signed-in request reads this: a named prepared statement (parsed and planned once per connection).
  return (await db.executeQuery(prepared(query.compile(db)))).rows[0];
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
