import { findTeamsByIds } from '../../db/admin/team-repository.ts';
import { replaceRolesAndTeams } from '../../db/admin/user-repository.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { AppDeps } from '../shared/deps.ts';
import { ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { MESSAGES, type CreateUserInput } from './user-input.ts';

export async function createUser(deps: AppDeps, ctx: RequestContext, input: CreateUserInput): Promise<{ id: string }> {
  const passwordHash = await hashPassword(input.password);
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    requirePermission(ctx, 'admin:manage-users');
    const taken = await trx.selectFrom('appUser').select('id').where('username', '=', input.username).executeTakeFirst();
    if (taken !== undefined) throw new ValidationError({ username: 'A user with this username already exists' });
    const teams = await findTeamsByIds(trx, input.teamIds);
    if (teams.length !== new Set(input.teamIds).size) throw new ValidationError({ teamIds: MESSAGES.teamInvalid });
    const user = await trx
      .insertInto('appUser')
      .values({
        username: input.username,
        displayName: input.displayName,
        email: input.email ?? null,
        passwordHash,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const memberships = [...new Set(input.teamIds)].map((teamId) => ({ teamId, isManager: input.managedTeamIds.includes(teamId) }));
    await replaceRolesAndTeams(trx, user.id, [...new Set(input.roles)], memberships);
    await audit({
      action: 'admin.user.created',
      subjectType: 'user',
      subjectId: user.id,
      changes: { username: input.username, displayName: input.displayName, roles: input.roles, teams: memberships },
    });
    return { id: user.id };
  });
}
