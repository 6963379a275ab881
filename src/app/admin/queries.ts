import { listTeams, listTeamsWithCounts } from '../../db/admin/team-repository.ts';
import { findUser, listUsers } from '../../db/admin/user-repository.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';

export async function viewUsers(deps: AppDeps, ctx: RequestContext) {
  return unitOfWork(deps, ctx, async ({ trx }) => {
    requirePermission(ctx, 'admin:manage-users');
    return listUsers(trx);
  });
}

export async function viewUser(deps: AppDeps, ctx: RequestContext, userId: string) {
  return unitOfWork(deps, ctx, async ({ trx }) => {
    requirePermission(ctx, 'admin:manage-users');
    const user = await findUser(trx, userId);
    if (user === undefined) throw new NotFoundError('User');
    return user;
  });
}

export async function viewTeams(deps: AppDeps, ctx: RequestContext) {
  return unitOfWork(deps, ctx, async ({ trx }) => {
    requirePermission(ctx, 'teams:view');
    return listTeamsWithCounts(trx);
  });
}

/** Teams for choosing from in forms. */
export async function teamChoices(deps: AppDeps) {
  return listTeams(deps.db);
}
