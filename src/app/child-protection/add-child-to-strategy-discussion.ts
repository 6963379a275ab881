// A complex strategy meeting about a group of children (for example, criminal or sexual exploitation
// linking several children): one meeting, several children, each with their own decision. A child is
// added by their Hearth id or NHS number, by someone who may change both that child's record and the
// record of a child already in the meeting (from the child's own record, "Convene a strategy discussion").
import { requireStorable } from './storable-text.ts';
import { addDiscussionChild, findPersonIdByNhsNumber, isChildPerson } from '../../db/child-protection/strategy-discussion-repository.ts';
import { guardChildRecord } from '../shared/access-guard.ts';
import type { AppDeps } from '../shared/deps.ts';
import { ValidationError } from '../shared/errors.ts';
import { requireInitialNeed } from '../shared/initial-need.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { openDiscussion } from './strategy-discussion-access.ts';

export const ADD_CHILD_MESSAGES = {
  child: 'Enter the child’s Hearth ID or NHS number',
  notFound: 'No child found with that Hearth ID or NHS number',
  notGroup: 'Children can only be added to a group strategy meeting',
  held: 'This strategy meeting has been recorded: convene a new one for this child',
  already: 'This child is already in the meeting',
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function addChildToStrategyDiscussion(
  deps: AppDeps,
  ctx: RequestContext,
  strategyDiscussionId: string,
  identifier: string,
  input: { readonly primaryNeed: string | null },
): Promise<{ childId: string }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    requirePermission(ctx, 'child-protection:record-enquiry');
    const { actor, discussion, children } = await openDiscussion(trx, ctx.actor, strategyDiscussionId, 'change', now);
    if (!discussion.isGroup) throw new ValidationError({ child: ADD_CHILD_MESSAGES.notGroup });
    if (discussion.status !== 'to_be_held') throw new ValidationError({ child: ADD_CHILD_MESSAGES.held });
    requireStorable({ child: identifier });
    const text = identifier.trim().replaceAll(' ', '');
    if (text === '') throw new ValidationError({ child: ADD_CHILD_MESSAGES.child });
    const childId = UUID.test(text) ? text.toLowerCase() : /^\d{10}$/.test(text) ? await findPersonIdByNhsNumber(trx, text) : undefined;
    if (childId === undefined || !(await isChildPerson(trx, childId))) throw new ValidationError({ child: ADD_CHILD_MESSAGES.notFound });
    if (children.some((c) => c.childId === childId)) throw new ValidationError({ child: ADD_CHILD_MESSAGES.already });
    await guardChildRecord(trx, actor, 'change', childId, now);
    // Work starts for this child here, with no referral or assessment of its own: the child's primary
    // need as first recorded (migration 0026; the CIN census reports it until an assessment gives one, rule 8610).
    const initialPrimaryNeed = requireInitialNeed(input.primaryNeed);
    await addDiscussionChild(trx, strategyDiscussionId, {
      childId,
      sourceKind: 'group',
      referralId: null,
      assessmentId: null,
      initialPrimaryNeed,
      addedByUserId: actor.userId,
      addedAt: now,
    });
    await audit({
      action: 'child-protection.strategy-discussion.child-added',
      subjectType: 'strategy-discussion',
      subjectId: strategyDiscussionId,
      childId,
      changes: { group: true, initialPrimaryNeed },
    });
    return { childId };
  });
}
