import type { Actor } from '../../domain/shared/access/actor.ts';
import { endAllSessionsOf } from '../../db/auth/session-repository.ts';
import { findTeamsByIds } from '../../db/admin/team-repository.ts';
import { findUser, replaceRolesAndTeams } from '../../db/admin/user-repository.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError, StaleVersionError, ValidationError } from '../shared/errors.ts';
import { once, type Submission } from '../shared/idempotency.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork, type Work } from '../shared/unit-of-work.ts';
import { MESSAGES, type UpdateUserAccessInput } from './user-input.ts';

/**
 * Changes a user's roles, teams and whether the account is active. Takes effect on that user's next
 * request (roles are read per request); disabling an account also ends all its sessions at once.
 * Based on the version the form was opened at: a stale save is refused, never silently applied.
 * A repeat of a save that went through (same submission token) answers like it did, changing
 * nothing, instead of showing its author a "someone else changed this" page about their own save.
 */
export async function updateUserAccess(
  deps: AppDeps,
  ctx: RequestContext,
  userId: string,
  input: UpdateUserAccessInput,
  submission?: Submission,
): Promise<{ replayed: boolean }> {
  return unitOfWork(deps, ctx, async (work) => {
    const actor = requirePermission(ctx, 'admin:manage-users');
    const { replayed } = await once(work, ctx, submission, 'admin.user-access.changed', () => changeAccess(work, actor, userId, input));
    return { replayed };
  });
}

async function changeAccess({ trx, now, audit }: Work, actor: Actor | null, userId: string, input: UpdateUserAccessInput): Promise<{ version: number }> {
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
  return { version: input.version + 1 };
}
