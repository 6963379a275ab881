// Every child in need use case opens the child's record the same way: the function-level permission,
// then the record rules for a change, then the plan itself (which must belong to that child).
import { findPlan, lockPlan, type PlanRow } from '../../db/child-in-need/plan-repository.ts';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Permission } from '../../domain/shared/access/permissions.ts';
import { openChildRecord, type OpenedChildRecord } from '../records/child-page.ts';
import { NotFoundError, StaleVersionError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';

export async function openPlanForChange(
  trx: Transaction<Database>,
  ctx: RequestContext,
  permission: Permission,
  childId: string,
  planId: string,
  now: Date,
  expectedVersion?: number,
): Promise<{ opened: OpenedChildRecord; plan: PlanRow }> {
  requirePermission(ctx, permission);
  const opened = await openChildRecord(trx, ctx.actor, 'change', childId, now);
  const plan = expectedVersion === undefined ? await findPlan(trx, childId, planId) : await lockPlan(trx, childId, planId);
  if (plan === undefined) throw new NotFoundError('Child in need plan');
  if (expectedVersion !== undefined && plan.version !== expectedVersion) throw new StaleVersionError('cin-plan', plan.id, plan);
  return { opened, plan };
}
