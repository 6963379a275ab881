// One young carer's needs assessment: who is cared for and how, what the assessment says, its status
// and due dates (and the support plan review), the manager's comments and authorisation.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { viewYoungCarerAssessment } from '../../../app/young-carers/view-young-carers.ts';
import { paragraphsOf } from '../../assessments/view-model.ts';
import { childHeaderContext, instantText } from '../../records/shared.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { youngCarerAssessmentOf, youngCarerSummary } from '../shared.ts';

const BANNERS = ['submitted', 'returned', 'authorised'] as const;

export async function youngCarerPageRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  app.get(
    '/young-carers/:youngCarerAssessmentId',
    { config: { permission: 'people:view-child', audit: 'young-carers.assessment.viewed' } },
    async (request, reply) => {
      const { childId, id } = await youngCarerAssessmentOf(deps, request.params, 'youngCarerAssessmentId');
      const page = await viewYoungCarerAssessment(deps, requestContext(request), childId, id);
      const flag = Object.keys(request.query as Record<string, unknown>).find((k) => (BANNERS as readonly string[]).includes(k)) ?? null;
      return reply.view('young-carers/assessment/view.njk', {
        ...childHeaderContext(page.child, deps.clock.now(), 'young-carers'),
        assessment: youngCarerSummary(page.assessment, page.timescale),
        returns: page.returns.map((r) => ({ returnedBy: r.returnedByName, returnedAt: instantText(r.returnedAt), comments: paragraphsOf(r.comments) })),
        mayEdit: page.mayEdit,
        mayAuthorise: page.mayAuthorise,
        editHref: paths.editYoungCarerAssessment(id),
        authoriseHref: paths.authoriseYoungCarerAssessment(id),
        listHref: paths.childYoungCarers(childId),
        banner: flag,
      });
    },
  );
}
