import { endAllSessionsOf } from '../../db/auth/session-repository.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';

/** Sets a new password (CLI or administrator) and ends the user's sessions. */
export async function setPassword(deps: AppDeps, ctx: RequestContext, userId: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    requirePermission(ctx, 'admin:manage-users');
    const result = await trx.updateTable('appUser').set((eb) => ({ passwordHash, updatedAt: now, version: eb('version', '+', 1) })).where('id', '=', userId).executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new NotFoundError('User');
    await endAllSessionsOf(trx, userId, now);
    await audit({ action: 'admin.user-password.set', subjectType: 'user', subjectId: userId });
  });
}
