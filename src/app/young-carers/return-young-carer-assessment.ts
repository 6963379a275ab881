// The team manager returns a submitted young carer's assessment to the worker with what needs to
// change. It goes back to "in progress" (as child and family assessments, src/app/assessments).
import { insertYoungCarerReturn, transitionYoungCarerAssessment } from '../../db/young-carers/young-carer-repository.ts';
import type { AppDeps } from '../shared/deps.ts';
import { StaleVersionError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { openYoungCarerAssessment, requireTeamManager } from './young-carer-access.ts';
import type { ReturnYoungCarerInput } from './young-carer-input.ts';

export async function returnYoungCarerAssessment(deps: AppDeps, ctx: RequestContext, childId: string, id: string, input: ReturnYoungCarerInput): Promise<void> {
  await unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, assessment } = await openYoungCarerAssessment(trx, ctx, 'young-carers:authorise', 'change', childId, id, now);
    requireTeamManager(actor, assessment);
    const stale = () =>
      new StaleVersionError('young-carer-assessment', id, { version: assessment.version, status: assessment.status }, { module: 'young-carers', childId });
    if (assessment.version !== input.version || assessment.status !== 'awaiting_authorisation') throw stale();
    if (!(await transitionYoungCarerAssessment(trx, id, input.version, 'awaiting_authorisation', 'in_progress', {}, now))) throw stale();
    const returnId = await insertYoungCarerReturn(trx, {
      youngCarerAssessmentId: id,
      returnedByUserId: actor.userId,
      returnedAt: now,
      comments: input.comments,
    });
    await audit({ action: 'young-carers.assessment.returned', subjectType: 'young-carer-assessment', subjectId: id, childId, changes: { returnId } });
  });
}
