import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../domain/shared/access/actor.ts';
import { isRole, type Role } from '../../domain/shared/access/roles.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface UserSummary {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly email: string | null;
  readonly active: boolean;
  readonly version: number;
  readonly roles: readonly Role[];
  readonly teams: readonly { readonly teamId: string; readonly teamName: string; readonly isManager: boolean }[];
}

export async function findUserForSignIn(db: Db, username: string) {
  return db
    .selectFrom('appUser')
    .select(['id', 'passwordHash', 'active', 'displayName'])
    .where('username', '=', username)
    .executeTakeFirst();
}

/** The actor as it stands now: roles and teams are read on every request (immediate effect). */
export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const user = await db.selectFrom('appUser').select(['id', 'displayName', 'active']).where('id', '=', userId).executeTakeFirst();
  if (user === undefined || !user.active) return null;
  const [roles, teams] = await Promise.all([
    db.selectFrom('userRole').select('role').where('userId', '=', userId).execute(),
    db
      .selectFrom('teamMembership')
      .innerJoin('team', 'team.id', 'teamMembership.teamId')
      .select(['teamMembership.teamId', 'teamMembership.isManager', 'team.name as teamName'])
      .where('teamMembership.userId', '=', userId)
      .orderBy('team.name')
      .execute(),
  ]);
  return {
    userId: user.id,
    displayName: user.displayName,
    roles: roles.map((r) => r.role).filter(isRole),
    teams: teams.map((t) => ({ teamId: t.teamId, isManager: t.isManager, teamName: t.teamName })),
  };
}

export async function listUsers(db: Db, ids?: readonly string[]): Promise<UserSummary[]> {
  let query = db.selectFrom('appUser').select(['id', 'username', 'displayName', 'email', 'active', 'version']).orderBy('displayName');
  if (ids !== undefined) {
    if (ids.length === 0) return [];
    query = query.where('id', 'in', ids);
  }
  const users = await query.execute();
  if (users.length === 0) return [];
  const userIds = users.map((u) => u.id);
  const [roles, teams] = await Promise.all([
    db.selectFrom('userRole').select(['userId', 'role']).where('userId', 'in', userIds).execute(),
    db
      .selectFrom('teamMembership')
      .innerJoin('team', 'team.id', 'teamMembership.teamId')
      .select(['teamMembership.userId', 'teamMembership.teamId', 'team.name as teamName', 'teamMembership.isManager'])
      .where('teamMembership.userId', 'in', userIds)
      .orderBy('team.name')
      .execute(),
  ]);
  return users.map((u) => ({
    ...u,
    roles: roles.filter((r) => r.userId === u.id).map((r) => r.role).filter(isRole),
    teams: teams.filter((t) => t.userId === u.id).map(({ teamId, teamName, isManager }) => ({ teamId, teamName, isManager })),
  }));
}

export async function findUser(db: Db, id: string): Promise<UserSummary | undefined> {
  const [user] = await listUsers(db, [id]);
  return user;
}

export async function replaceRolesAndTeams(
  trx: Transaction<Database>,
  userId: string,
  roles: readonly Role[],
  teams: readonly { teamId: string; isManager: boolean }[],
): Promise<void> {
  await trx.deleteFrom('userRole').where('userId', '=', userId).execute();
  await trx.deleteFrom('teamMembership').where('userId', '=', userId).execute();
  if (roles.length > 0) await trx.insertInto('userRole').values(roles.map((role) => ({ userId, role }))).execute();
  if (teams.length > 0) {
    await trx
      .insertInto('teamMembership')
      .values(teams.map((t) => ({ userId, teamId: t.teamId, isManager: t.isManager })))
      .execute();
  }
}
