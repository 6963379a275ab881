import type { Kysely, Transaction } from 'kysely';
import type { Database, Team } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export async function listTeams(db: Db): Promise<Team[]> {
  return db.selectFrom('team').selectAll().orderBy('name').execute();
}

export async function findTeamsByIds(db: Db, ids: readonly string[]): Promise<Team[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('team').selectAll().where('id', 'in', ids).execute();
}

export async function listTeamsWithCounts(db: Db) {
  return db
    .selectFrom('team')
    .leftJoin('teamMembership', 'teamMembership.teamId', 'team.id')
    .select((eb) => [
      'team.id',
      'team.code',
      'team.name',
      'team.parentTeamId',
      'team.description',
      eb.fn.count<string>('teamMembership.userId').as('memberCount'),
    ])
    .groupBy('team.id')
    .orderBy('team.name')
    .execute();
}
