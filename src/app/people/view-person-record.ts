// Opens any person's record page. A child's or unborn child's record has its own page
// (/children/:childId, view-child-record.ts), so for them this says so without showing anything;
// an adult's record is shown here, access-checked and audited before any detail is returned.
import type { AppDeps } from '../shared/deps.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { guardPerson } from './person-access.ts';
import { loadPersonRecordView, MergedRecordError, type PersonRecordView } from './person-record-view.ts';

export type PersonRecordPage = { readonly kind: 'child'; readonly id: string } | ({ readonly kind: 'adult' } & PersonRecordView);

export async function viewPersonRecord(deps: AppDeps, ctx: RequestContext, personId: string, view = 'summary'): Promise<PersonRecordPage> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const guarded = await guardPerson(trx, ctx.actor, 'read', personId, now);
    if (guarded.mergedIntoPersonId !== null) throw new MergedRecordError(guarded.mergedIntoPersonId);
    if (guarded.isChild) return { kind: 'child', id: personId };
    const record = await loadPersonRecordView(trx, guarded, personId, now);
    await audit({ action: 'people.person-record.viewed', subjectType: 'person', subjectId: personId, changes: { view, basis: guarded.basis } });
    return { kind: 'adult', ...record };
  });
}
