// Closing a child in need episode (team manager): the DfE CIN census closure date and reason
// (RC1-RC8, domain-spec §3.6). Closing ends the plan; the agreed versions and reviews are kept.
import { bumpPlanVersion, closeEpisode } from '../../db/child-in-need/plan-repository.ts';
import { isCinClosureReason, type CinClosureReason } from '../../domain/child-in-need/closure-reasons.ts';
import { isValidIsoDate } from '../../domain/shared/time/local-date.ts';
import { londonToday } from '../people/london-today.ts';
import type { AppDeps } from '../shared/deps.ts';
import { StaleVersionError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { openPlanForChange } from './plan-access.ts';

export const CLOSURE_MESSAGES = {
  reasonRequired: 'Select the reason the child in need episode is closing',
  closedOnRequired: 'Enter the closure date',
  closedOnReal: 'The closure date must be a real date',
  closedOnFuture: 'The closure date must be today or in the past',
  closedOnBeforeStart: 'The closure date must be on or after the day the episode started',
  closedOnBeforeReview: 'The closure date must be on or after the last review',
  alreadyEnded: 'This plan has already ended',
} as const;

export async function closeChildInNeedEpisode(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  planId: string,
  version: number,
  input: { readonly reason: string; readonly closedOn: string },
): Promise<{ reason: CinClosureReason; closedOn: string }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { opened, plan } = await openPlanForChange(trx, ctx, 'child-in-need:close', childId, planId, now, version);
    if (plan.status === 'ended') throw new ValidationError({ plan: CLOSURE_MESSAGES.alreadyEnded });
    const errors: Record<string, string> = {};
    if (!isCinClosureReason(input.reason)) errors['reason'] = CLOSURE_MESSAGES.reasonRequired;
    const today = londonToday(now);
    if (input.closedOn === '') errors['closedOn'] = CLOSURE_MESSAGES.closedOnRequired;
    else if (!isValidIsoDate(input.closedOn)) errors['closedOn'] = CLOSURE_MESSAGES.closedOnReal;
    else if (input.closedOn > today) errors['closedOn'] = CLOSURE_MESSAGES.closedOnFuture;
    else if (input.closedOn < plan.episodeStartedOn || input.closedOn < plan.openedOn) errors['closedOn'] = CLOSURE_MESSAGES.closedOnBeforeStart;
    else if (plan.lastReviewedOn !== null && input.closedOn < plan.lastReviewedOn) errors['closedOn'] = CLOSURE_MESSAGES.closedOnBeforeReview;
    if (Object.keys(errors).length > 0 || !isCinClosureReason(input.reason)) throw new ValidationError(errors);
    await closeEpisode(trx, plan.episodeId, { closedOn: input.closedOn, closureReason: input.reason, closedByUserId: opened.actor.userId }, now);
    if (!(await bumpPlanVersion(trx, plan.id, version, { status: 'ended', endedOn: input.closedOn }))) throw new StaleVersionError('cin-plan', plan.id, plan);
    await audit({
      action: 'child-in-need.episode.closed',
      subjectType: 'cin-plan',
      subjectId: plan.id,
      childId,
      changes: { episodeId: plan.episodeId, reason: input.reason, closedOn: input.closedOn, planWasAgreed: plan.agreedOn !== null },
    });
    return { reason: input.reason, closedOn: input.closedOn };
  });
}
