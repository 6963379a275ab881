import type { Transaction } from 'kysely';
import type { Database } from '../schema.ts';

/** Active members of the given teams (for the manager's "filter by worker"), by name. */
export async function listTeamMembers(trx: Transaction<Database>, teamIds: readonly string[]): Promise<{ id: string; displayName: string }[]> {
  if (teamIds.length === 0) return [];
  return trx
    .selectFrom('teamMembership')
    .innerJoin('appUser', 'appUser.id', 'teamMembership.userId')
    .select(['appUser.id', 'appUser.displayName'])
    .distinct()
    .where('teamMembership.teamId', 'in', teamIds)
    .where('appUser.active', '=', true)
    .orderBy('appUser.displayName')
    .execute();
}
