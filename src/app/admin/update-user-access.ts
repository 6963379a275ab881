import { endAllSessionsOf } from '../../db/auth/session-repository.ts';
import { findTeamsByIds } from '../../db/admin/team-repository.ts';
import { findUser, replaceRolesAndTeams } from '../../db/admin/user-repository.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError, StaleVersionError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { MESSAGES, type UpdateUserAccessInput } from './user-input.ts';

/**
 * Changes a user's roles, teams and whether the account is active. Takes effect on that user's next
 * request (roles are read per request); disabling an account also ends all its sessions at once.
 * Based on the version the form was opened at: a stale save is refused, never silently applied.
 */
export async function updateUserAccess(deps: AppDeps, ctx: RequestContext, userId: string, input: UpdateUserAccessInput): Promise<void> {
  await unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const actor = requirePermission(ctx, 'admin:manage-users');
    const before = await findUser(trx, userId);
    if (before === undefined) throw new NotFoundError('User');
    if (actor !== null && actor.userId === userId && (!input.active || !input.roles.includes('system_admin'))) {
      throw new ValidationError({ roles: 'You cannot remove your own administrator access or disable your own account' });
    }
    const teams = await findTeamsByIds(trx, input.teamIds);
    if (teams.length !== new Set(input.teamIds).size) throw new ValidationError({ teamIds: MESSAGES.teamInvalid });
    const updated = await trx
      .updateTable('appUser')
      .set((eb) => ({ active: input.active, version: eb('version', '+', 1), updatedAt: now }))
      .where('id', '=', userId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new StaleVersionError('user', userId, before);
    const memberships = [...new Set(input.teamIds)].map((teamId) => ({ teamId, isManager: input.managedTeamIds.includes(teamId) }));
    await replaceRolesAndTeams(trx, userId, [...new Set(input.roles)], memberships);
    const endedSessions = input.active ? 0 : await endAllSessionsOf(trx, userId, now);
    await audit({
      action: 'admin.user-access.changed',
      subjectType: 'user',
      subjectId: userId,
      changes: {
        roles: { from: before.roles, to: input.roles },
        teams: { from: before.teams.map(({ teamId, isManager }) => ({ teamId, isManager })), to: memberships },
        active: { from: before.active, to: input.active },
        endedSessions,
      },
    });
  });
}
