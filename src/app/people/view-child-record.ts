import { childRecordSummaryOf, loadChildPageContent, type ChildRecordSummary } from '../../db/people/child-record-repository.ts';
import { findPersonWithAccessFacts } from '../../db/people/person-repository.ts';
import { decideChildRecordAccess, type AccessBasis } from '../../domain/shared/access/child-record-policy.ts';
import type { AppDeps } from '../shared/deps.ts';
import { AccessRefusedError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { loadPersonRecordView, MergedRecordError, type PersonRecordView } from './person-record-view.ts';

export { MergedRecordError } from './person-record-view.ts';

/**
 * Opens a child's record: access-checked, and the view is audited in the same transaction before
 * any data is returned (fail closed: if the audit row cannot be written, nothing is shown). A record
 * merged into another says which one, and nothing else.
 *
 * One guarded read: the person row is read once, with the access facts (allocation, live grants)
 * fresh in the same statement, and serves the merge check, the access decision (the child-record
 * policy, exactly as guardChildRecord applies it), the identity bar and the record view. Only once
 * access is allowed is the rest of the page read, in one statement: its allocation, family, child
 * protection plans, related people (with what the actor may see of each), names, addresses and
 * merged records.
 */
export async function viewChildRecord(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  view = 'summary',
): Promise<ChildRecordSummary & { readonly accessBasis: AccessBasis; readonly record: PersonRecordView }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const found = await findPersonWithAccessFacts(trx, childId, now);
    const person = found?.person.personType === 'adult' ? undefined : found?.person;
    if (person?.mergedIntoPersonId != null) throw new MergedRecordError(person.mergedIntoPersonId);
    const subject = { type: 'person', id: childId, childId };
    if (ctx.actor === null) throw new AccessRefusedError(403, 'not-signed-in', 'Sign in to continue.', subject);
    if (found === undefined || person === undefined) throw new AccessRefusedError(404, 'missing', 'Page not found', { type: 'person', id: childId });
    const { access } = found;
    const decision = decideChildRecordAccess(ctx.actor, 'read', access.facts);
    if (!decision.allowed) throw new AccessRefusedError(decision.status, decision.reason, decision.message, subject);
    const guarded = { ...access, actor: ctx.actor, basis: decision.basis, isChild: true };
    const content = await loadChildPageContent(trx, childId, ctx.actor, now);
    const summary = childRecordSummaryOf(person, content);
    const record = await loadPersonRecordView(trx, guarded, childId, now, person, content);
    await audit({ action: 'people.child-record.viewed', subjectType: 'person', subjectId: childId, childId, changes: { view, basis: decision.basis } });
    return { ...summary, accessBasis: decision.basis, record };
  });
}
