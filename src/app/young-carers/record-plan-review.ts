// Record the review of a young carer's support plan (YC-02): when it happened, what it found, and
// whether support continues (the next review is due 3 months after this one) or ends. Whether the
// review met its due date is recorded as at the review.
import { recordPlanReview } from '../../db/young-carers/young-carer-repository.ts';
import { parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import { supportPlanReviewDueOn } from '../../domain/young-carers/timescales.ts';
import { planReviewDateProblem } from '../../domain/young-carers/young-carer-assessment.ts';
import { londonToday } from '../front-door/london-time.ts';
import type { AppDeps } from '../shared/deps.ts';
import { StaleVersionError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { openYoungCarerAssessment } from './young-carer-access.ts';
import type { RecordPlanReviewInput } from './young-carer-input.ts';

export async function recordYoungCarerPlanReview(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  id: string,
  input: RecordPlanReviewInput,
): Promise<{ nextReviewDueOn: string | null }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, assessment } = await openYoungCarerAssessment(trx, ctx, 'young-carers:record', 'change', childId, id, now);
    const stale = () => new StaleVersionError('young-carer-assessment', id, { version: assessment.version }, { module: 'young-carers', childId });
    if (assessment.version !== input.version || assessment.supportPlanReviewFrom === null || assessment.supportPlanReviewDueOn === null) throw stale();
    const reviewedOn = parseLocalDate(input.reviewedOn);
    const problem = planReviewDateProblem(reviewedOn, parseLocalDate(assessment.supportPlanReviewFrom), londonToday(now));
    if (problem !== null) throw new ValidationError({ reviewedOn: problem });
    const nextReviewDueOn = input.continueSupport ? toIsoDate(supportPlanReviewDueOn(reviewedOn)) : null;
    const withinTimescale = !reviewedOn.isAfter(parseLocalDate(assessment.supportPlanReviewDueOn));
    const reviewId = await recordPlanReview(trx, id, input.version, {
      childId,
      reviewedOn: input.reviewedOn,
      dueOn: assessment.supportPlanReviewDueOn,
      withinTimescale,
      summary: input.summary,
      continueSupport: input.continueSupport,
      nextReviewDueOn,
      recordedByUserId: actor.userId,
      recordedAt: now,
    });
    if (reviewId === undefined) throw stale();
    await audit({
      action: 'young-carers.plan-review.recorded',
      subjectType: 'young-carer-assessment',
      subjectId: id,
      childId,
      changes: {
        reviewId,
        reviewedOn: input.reviewedOn,
        dueOn: assessment.supportPlanReviewDueOn,
        withinTimescale,
        continueSupport: input.continueSupport,
        nextReviewDueOn,
      },
    });
    return { nextReviewDueOn };
  });
}
