import { findTeamsByIds } from '../../db/admin/team-repository.ts';
import { replaceRolesAndTeams } from '../../db/admin/user-repository.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { AppDeps } from '../shared/deps.ts';
import { ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { once, type Submission } from '../shared/idempotency.ts';
import { unitOfWork, type Work } from '../shared/unit-of-work.ts';
import { MESSAGES, type CreateUserInput } from './user-input.ts';

/** Creates a staff account; a repeated submission (same token) creates nothing and answers with the first account. */
export async function createUser(deps: AppDeps, ctx: RequestContext, input: CreateUserInput, submission?: Submission): Promise<{ id: string; replayed: boolean }> {
  const passwordHash = await hashPassword(input.password);
  return unitOfWork(deps, ctx, async (work) => {
    requirePermission(ctx, 'admin:manage-users');
    const { result, replayed } = await once(work, ctx, submission, 'admin.user.created', () => insertUser(work, input, passwordHash));
    return { id: result.id, replayed };
  });
}

async function insertUser({ trx, now, audit }: Work, input: CreateUserInput, passwordHash: string): Promise<{ id: string }> {
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
}
