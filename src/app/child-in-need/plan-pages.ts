// Opening the review and closure forms: the child's open plan, access-checked for the change the
// form makes, with its view audited (or not, when the same form is shown again with errors).
import { findOpenPlanId, listVersions, type PlanRow, type PlanVersionRow } from '../../db/child-in-need/plan-repository.ts';
import type { Permission } from '../../domain/shared/access/permissions.ts';
import type { ChildHeader } from '../records/child-page.ts';
import type { AppDeps } from '../shared/deps.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { openPlanForChange } from './plan-access.ts';

/** No plan has this id: the access check runs first, then "not found" (a refused user learns nothing). */
export const NO_PLAN = '00000000-0000-4000-8000-000000000000';

export interface OpenPlanPage {
  readonly child: ChildHeader;
  readonly plan: PlanRow;
  readonly current: PlanVersionRow | null;
  readonly hasDraft: boolean;
}

export async function openPlanPage(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  permission: Permission,
  auditAction: string | null,
): Promise<OpenPlanPage> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { opened, plan } = await openPlanForChange(trx, ctx, permission, childId, (await findOpenPlanId(trx, childId)) ?? NO_PLAN, now);
    const versions = await listVersions(trx, plan.id);
    if (auditAction !== null) await audit({ action: auditAction, subjectType: 'cin-plan', subjectId: plan.id, childId });
    return { child: opened.child, plan, current: versions.find((v) => v.status === 'finalised') ?? null, hasDraft: versions.some((v) => v.status === 'draft') };
  });
}
