import { loadChildRecordSummary, type ChildRecordSummary } from '../../db/people/child-record-repository.ts';
import type { AccessBasis } from '../../domain/shared/access/child-record-policy.ts';
import { guardChildRecord } from '../shared/access-guard.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { guardPerson } from './person-access.ts';
import { loadPersonRecordView, MergedRecordError, type PersonRecordView } from './person-record-view.ts';

export { MergedRecordError } from './person-record-view.ts';

/**
 * Opens a child's record: access-checked, and the view is audited in the same transaction before
 * any data is returned (fail closed: if the audit row cannot be written, nothing is shown). A record
 * merged into another says which one, and nothing else.
 */
export async function viewChildRecord(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  view = 'summary',
): Promise<ChildRecordSummary & { readonly accessBasis: AccessBasis; readonly record: PersonRecordView }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const merged = await trx.selectFrom('person').select('mergedIntoPersonId').where('id', '=', childId).where('personType', '!=', 'adult').executeTakeFirst();
    if (merged?.mergedIntoPersonId != null) throw new MergedRecordError(merged.mergedIntoPersonId);
    const { basis } = await guardChildRecord(trx, ctx.actor, 'read', childId, now);
    const summary = await loadChildRecordSummary(trx, childId);
    if (summary === undefined) throw new NotFoundError('Child');
    const record = await loadPersonRecordView(trx, await guardPerson(trx, ctx.actor, 'read', childId, now), childId, now);
    await audit({ action: 'people.child-record.viewed', subjectType: 'person', subjectId: childId, childId, changes: { view, basis } });
    return { ...summary, accessBasis: basis, record };
  });
}
