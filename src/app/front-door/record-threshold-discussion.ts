// A multi-agency threshold discussion, organised by the MASH where the outcome is unclear after
// screening (seed 004 §5; domain-spec MASH-03).
import { insertThresholdDiscussion } from '../../db/front-door/screening-repository.ts';
import { markScreening } from '../../db/front-door/contact-repository.ts';
import type { AppDeps } from '../shared/deps.ts';
import { ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { londonNow } from './london-time.ts';
import { SCREENING_MESSAGES, type ThresholdDiscussionInput } from './screening-input.ts';
import { openScreeningStep } from './screening-step.ts';

export async function recordThresholdDiscussion(deps: AppDeps, ctx: RequestContext, contactId: string, input: ThresholdDiscussionInput): Promise<{ id: string }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, guarded } = await openScreeningStep(trx, ctx, contactId, now);
    if (input.heldOn > londonNow(now).date) throw new ValidationError({ heldOn: SCREENING_MESSAGES.heldOnFuture });
    const agencies = [...new Set(input.agencies)];
    const id = await insertThresholdDiscussion(trx, {
      contactId,
      heldOn: input.heldOn,
      agencies,
      summary: input.summary,
      agreedLevel: input.agreedLevel,
      recordedByUserId: actor.userId,
      recordedAt: now,
    });
    await markScreening(trx, contactId);
    await audit({
      action: 'front-door.threshold-discussion.recorded',
      subjectType: 'threshold-discussion',
      subjectId: id,
      ...(guarded.linkedChildIds[0] === undefined ? {} : { childId: guarded.linkedChildIds[0] }),
      changes: { contactId, heldOn: input.heldOn, agencies, agreedLevel: input.agreedLevel },
    });
    return { id };
  });
}
