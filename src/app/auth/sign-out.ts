import { endSession } from '../../db/auth/session-repository.ts';
import type { AppDeps } from '../shared/deps.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';

export async function signOut(deps: AppDeps, ctx: RequestContext, token: string): Promise<void> {
  await unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const userId = await endSession(trx, token, now);
    if (userId !== undefined) await audit({ action: 'auth.session.ended', subjectType: 'user', subjectId: userId });
  });
}
