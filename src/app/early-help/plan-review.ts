// A review of the early help plan (EH-02 review: at least every 3 months, CFG): the date, the
// scaling question again, what has changed. Each review sets the next one's due date.
import { insertReview, type PlanRow } from '../../db/early-help/episode-repository.ts';

export type { PlanRow } from '../../db/early-help/episode-repository.ts';
import { planReviewDueOn } from '../../domain/early-help/timescales.ts';
import { timelinessOf } from '../../domain/shared/timescales/rule.ts';
import { parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import { londonToday } from '../front-door/london-time.ts';
import type { AppDeps } from '../shared/deps.ts';
import { ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { claimEpisodeVersion, EarlyHelpStepUnavailableError, openEpisode, type OpenedEpisode } from './episode-access.ts';
import { EARLY_HELP_MESSAGES, parseOrThrow, reviewInput, type ReviewInput } from './input.ts';

/** The next review's due date and what it counts from: the last review, or the day the plan was agreed. */
export function nextReviewOf(plan: PlanRow): { dueOn: string; from: string } {
  const last = plan.reviews.at(-1);
  return last === undefined ? { dueOn: plan.firstReviewDueOn, from: plan.agreedOn } : { dueOn: last.nextReviewDueOn, from: last.reviewedOn };
}

async function openForReview(
  trx: Parameters<typeof openEpisode>[0],
  ctx: RequestContext,
  episodeId: string,
  now: Date,
): Promise<OpenedEpisode & { plan: PlanRow }> {
  const opened = await openEpisode(trx, ctx, 'change', episodeId, now);
  if (opened.plan === undefined) throw new EarlyHelpStepUnavailableError(opened.episode.childId, 'plan-needed');
  return { ...opened, plan: opened.plan };
}

export async function openReviewForm(
  deps: AppDeps,
  ctx: RequestContext,
  episodeId: string,
  options: { readonly audit?: boolean } = {},
): Promise<OpenedEpisode & { plan: PlanRow }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const opened = await openForReview(trx, ctx, episodeId, now);
    const childId = opened.episode.childId;
    if (options.audit !== false) await audit({ action: 'early-help.review-form.viewed', subjectType: 'early-help-plan', subjectId: opened.plan.id, childId });
    return opened;
  });
}

export async function recordPlanReview(
  deps: AppDeps,
  ctx: RequestContext,
  episodeId: string,
  values: ReviewInput,
): Promise<{ id: string; nextReviewDueOn: string; childId: string }> {
  const input = parseOrThrow(reviewInput, values);
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, episode, plan } = await openForReview(trx, ctx, episodeId, now);
    const childId = episode.childId;
    const reviewedOn = parseLocalDate(input.reviewedOn);
    if (reviewedOn.isAfter(londonToday(now))) throw new ValidationError({ reviewedOn: EARLY_HELP_MESSAGES.future });
    const next = nextReviewOf(plan);
    if (input.reviewedOn < plan.agreedOn || input.reviewedOn < next.from) throw new ValidationError({ reviewedOn: EARLY_HELP_MESSAGES.reviewBeforePlan });
    await claimEpisodeVersion(trx, episode, input.version);
    const timeliness = timelinessOf(parseLocalDate(next.from), parseLocalDate(next.dueOn), reviewedOn);
    const nextReviewDueOn = toIsoDate(planReviewDueOn(reviewedOn));
    const row = await insertReview(trx, {
      planId: plan.id,
      childId,
      reviewedOn: input.reviewedOn,
      dueOn: next.dueOn,
      withinTimescale: timeliness.met,
      scaling: input.scaling,
      progress: input.progress,
      nextReviewDueOn,
      recordedByUserId: actor.userId,
      recordedAt: now,
    });
    await audit({
      action: 'early-help.plan-review.recorded',
      subjectType: 'early-help-review',
      subjectId: row.id,
      childId,
      changes: { planId: plan.id, reviewedOn: input.reviewedOn, dueOn: next.dueOn, withinTimescale: timeliness.met, scaling: input.scaling, nextReviewDueOn },
    });
    return { id: row.id, nextReviewDueOn, childId };
  });
}
