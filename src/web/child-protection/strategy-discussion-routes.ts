// Child protection pages for strategy discussions and section 47 enquiries.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app/shared/deps.ts';
import { section47EnquiryRoutes } from './section-47-enquiry/routes.ts';
import { strategyDiscussionListRoutes } from './strategy-discussion-list/routes.ts';
import { strategyDiscussionNewRoutes } from './strategy-discussion-new/routes.ts';
import { strategyDiscussionRoutes } from './strategy-discussion/routes.ts';

export async function strategyAndSection47Routes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  await app.register(strategyDiscussionListRoutes, options);
  await app.register(strategyDiscussionNewRoutes, options);
  await app.register(strategyDiscussionRoutes, options);
  await app.register(section47EnquiryRoutes, options);
}
