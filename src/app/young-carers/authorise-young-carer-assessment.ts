// The team manager authorises a submitted young carer's assessment with their management oversight.
// Timeliness against YC-01 is recorded as at the day of authorisation; where the outcome includes a
// support plan, its first review date (YC-02) is set in the same transaction.
import { transitionYoungCarerAssessment } from '../../db/young-carers/young-carer-repository.ts';
import { parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import { supportPlanReviewDueOn, youngCarerAssessmentTimeliness } from '../../domain/young-carers/timescales.ts';
import { londonToday } from '../front-door/london-time.ts';
import type { AppDeps } from '../shared/deps.ts';
import { StaleVersionError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { openYoungCarerAssessment, requireTeamManager } from './young-carer-access.ts';
import type { AuthoriseYoungCarerInput } from './young-carer-input.ts';

export interface YoungCarerAuthorised {
  readonly withinTimescale: boolean;
  readonly workingDaysTaken: number;
  readonly supportPlanReviewDueOn: string | null;
}

export async function authoriseYoungCarerAssessment(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  id: string,
  input: AuthoriseYoungCarerInput,
): Promise<YoungCarerAuthorised> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, assessment } = await openYoungCarerAssessment(trx, ctx, 'young-carers:authorise', 'change', childId, id, now);
    requireTeamManager(actor, assessment);
    const stale = () =>
      new StaleVersionError('young-carer-assessment', id, { version: assessment.version, status: assessment.status }, { module: 'young-carers', childId });
    if (assessment.version !== input.version || assessment.status !== 'awaiting_authorisation') throw stale();
    const today = londonToday(now);
    const timeliness = youngCarerAssessmentTimeliness(parseLocalDate(assessment.requestedOn), today);
    const authorisedOn = toIsoDate(today);
    const reviewDueOn = assessment.outcomes.includes('support_plan') ? toIsoDate(supportPlanReviewDueOn(today)) : null;
    const moved = await transitionYoungCarerAssessment(
      trx,
      id,
      input.version,
      'awaiting_authorisation',
      'authorised',
      {
        authorisedByUserId: actor.userId,
        authorisedAt: now,
        authorisedOn,
        managementComments: input.managementComments,
        workingDaysTaken: timeliness.workingDaysTaken,
        authorisedWithinTimescale: timeliness.met,
        supportPlanReviewFrom: reviewDueOn === null ? null : authorisedOn,
        supportPlanReviewDueOn: reviewDueOn,
      },
      now,
    );
    if (!moved) throw stale();
    await audit({
      action: 'young-carers.assessment.authorised',
      subjectType: 'young-carer-assessment',
      subjectId: id,
      childId,
      changes: {
        outcomes: assessment.outcomes,
        authorisedOn,
        dueOn: assessment.dueOn,
        workingDaysTaken: timeliness.workingDaysTaken,
        withinTimescale: timeliness.met,
        supportPlanReviewFrom: reviewDueOn === null ? null : authorisedOn,
        supportPlanReviewDueOn: reviewDueOn,
      },
    });
    return { withinTimescale: timeliness.met, workingDaysTaken: timeliness.workingDaysTaken, supportPlanReviewDueOn: reviewDueOn };
  });
}
