import { verifyAuditChain, type ChainVerification } from '../../db/shared/audit-repository.ts';
import type { AppDeps } from '../shared/deps.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';

/** Recomputes the whole hash chain; the check itself is recorded (after it, so it is not counted). */
export async function verifyAudit(deps: AppDeps, ctx: RequestContext): Promise<ChainVerification> {
  requirePermission(ctx, 'audit:verify');
  const result = await verifyAuditChain(deps.db);
  await unitOfWork(deps, ctx, async ({ audit }) => {
    await audit({ action: 'audit.chain.verified', changes: { ok: result.ok, checked: result.checked, firstBreak: result.firstBreak } });
  });
  return result;
}
