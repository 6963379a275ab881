// The team manager returns a submitted assessment to the worker with what needs to change (seed 004 §8:
// every assessment is supervised by an experienced team manager). It goes back to "in progress".
import { insertAssessmentReturn, transitionAssessment } from '../../db/assessments/assessment-repository.ts';
import type { AppDeps } from '../shared/deps.ts';
import { StaleVersionError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { openAssessment, requireTeamManager } from './assessment-access.ts';
import type { ReturnAssessmentInput } from './assessment-input.ts';

export async function returnAssessment(deps: AppDeps, ctx: RequestContext, childId: string, assessmentId: string, input: ReturnAssessmentInput): Promise<void> {
  await unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, assessment } = await openAssessment(trx, ctx, 'assessments:authorise', 'change', childId, assessmentId, now);
    requireTeamManager(actor, assessment);
    if (assessment.version !== input.version || assessment.status !== 'awaiting_authorisation')
      throw new StaleVersionError('assessment', assessmentId, { version: assessment.version, status: assessment.status });
    if (!(await transitionAssessment(trx, assessmentId, input.version, 'awaiting_authorisation', 'in_progress', {}, now)))
      throw new StaleVersionError('assessment', assessmentId, { version: assessment.version });
    const returnId = await insertAssessmentReturn(trx, { assessmentId, returnedByUserId: actor.userId, returnedAt: now, comments: input.comments });
    await audit({ action: 'assessments.assessment.returned', subjectType: 'assessment', subjectId: assessmentId, childId, changes: { returnId } });
  });
}
