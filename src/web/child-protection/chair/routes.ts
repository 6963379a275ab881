// The CP chair's conferences: every conference waiting to be held (initial and review) with when it is
// due, and the quality of every plan (contingency, outcomes, actions with owners and dates).
import type { FastifyInstance } from 'fastify';
import { viewChairConferences } from '../../../app/child-protection/cp-dashboard.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { requestContext } from '../../shared/request-context.ts';
import { categoryText, cpPaths } from '../shared.ts';

const RAG_CLASS = { red: 'govuk-tag--red', amber: 'govuk-tag--yellow', green: 'govuk-tag--green' } as const;

export async function chairRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  app.get(
    '/child-protection/conferences',
    { config: { permission: 'child-protection:chair', audit: 'child-protection.chair-conferences.viewed' } },
    async (request, reply) => {
      const view = await viewChairConferences(deps, requestContext(request));
      return reply.view('child-protection/chair/view.njk', {
        pageTitle: 'Child protection conferences',
        conferences: view.conferences.map((c) => ({
          ...c,
          href: cpPaths.conference(c.childId, c.id),
          kindText: c.kind === 'initial' ? (c.preBirth ? 'Initial (pre-birth)' : 'Initial') : 'Review',
          tagClass: RAG_CLASS[c.rag.rag],
        })),
        plans: view.plans.map((p) => ({
          ...p,
          href: cpPaths.plan(p.childId),
          categoryText: categoryText(p.category),
          gaps: p.quality.filter((q) => !q.met).map((q) => q.text),
        })),
        dashboardHref: cpPaths.dashboard(),
      });
    },
  );
}
