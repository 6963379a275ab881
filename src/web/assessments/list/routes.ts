// A child's assessments (the "Assessments" item of the child record's sub-navigation): referrals ready
// for an assessment with a button to start one, next steps still open, and every assessment with its
// status, due date and outcome. POST /referrals/:referralId/assessment starts one from an allocated referral.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { referralChildId } from '../../../app/assessments/assessment-access.ts';
import { startAssessment } from '../../../app/assessments/start-assessment.ts';
import { viewChildAssessments } from '../../../app/assessments/view-assessments.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { explainAssessmentDue } from '../../../domain/assessments/timescales.ts';
import { formatLongDate, parseLocalDate } from '../../../domain/shared/time/local-date.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { errorSummary, errorsByField } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { dueView, uuidParam } from '../../front-door/shared.ts';
import { childHeaderContext, childIdOf } from '../../records/shared.ts';
import { assessmentSummary, nextStepSummary } from '../view-model.ts';

export async function assessmentListRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function render(reply: FastifyReply, childId: string, errors: FieldErrors) {
    const result = await viewChildAssessments(deps, requestContext(reply.request), childId);
    return reply.view('assessments/list/view.njk', {
      ...childHeaderContext(result.child, deps.clock.now(), 'assessments'),
      assessments: result.assessments.map((a) => assessmentSummary(a.assessment, a.timescale)),
      nextSteps: result.nextSteps.map(nextStepSummary),
      startable: result.startable.map((r) => ({
        id: r.id,
        startAction: paths.startAssessment(r.id),
        referredOn: formatLongDate(r.referredOn),
        team: r.teamName,
        worker: r.workerName ?? 'no worker yet',
        due: dueView(explainAssessmentDue(parseLocalDate(r.referredOn))),
      })),
      mayStart: result.mayStart,
      errorList: errorSummary(errors, ['referralId']),
      errors: errorsByField(errors),
    });
  }

  app.get(
    '/children/:childId/assessments',
    { config: { permission: 'people:view-child', audit: 'assessments.assessments.viewed' } },
    async (request, reply) => {
      return render(reply, childIdOf(request.params), {});
    },
  );

  // Start the assessment from an allocated referral: the referral names the child, whose record is guarded.
  app.post(
    '/referrals/:referralId/assessment',
    { config: { permission: 'assessments:record', audit: 'assessments.assessment.started' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const referralId = uuidParam(request.params, 'referralId');
      const childId = await referralChildId(deps, referralId);
      try {
        const { assessmentId, started } = await startAssessment(deps, requestContext(request), childId, { referralId });
        return await reply.redirect(started ? paths.editAssessment(assessmentId) : paths.assessment(assessmentId), 303);
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.code(400), childId, error.fieldErrors);
        throw error;
      }
    },
  );
}
