import { loadChildRecordSummary, type ChildRecordSummary } from '../../db/people/child-record-repository.ts';
import type { AccessBasis } from '../../domain/shared/access/child-record-policy.ts';
import { guardChildRecord } from '../shared/access-guard.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';

/**
 * Opens a child's record: access-checked, and the view is audited in the same transaction before
 * any data is returned (fail closed: if the audit row cannot be written, nothing is shown).
 */
export async function viewChildRecord(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  view = 'summary',
): Promise<ChildRecordSummary & { readonly accessBasis: AccessBasis }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { basis } = await guardChildRecord(trx, ctx.actor, 'read', childId, now);
    const record = await loadChildRecordSummary(trx, childId);
    if (record === undefined) throw new NotFoundError('Child');
    await audit({ action: 'people.child-record.viewed', subjectType: 'person', subjectId: childId, childId, changes: { view, basis } });
    return { ...record, accessBasis: basis };
  });
}
