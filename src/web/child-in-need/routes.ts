// The child in need pages on a child's record. POST /start is registered first: it is the page a
// worker uses to begin, and the others act on the plan it opens.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app/shared/deps.ts';
import { closeRoutes } from './close/routes.ts';
import { planRoutes } from './plan/routes.ts';
import { reviewRoutes } from './review/routes.ts';
import { sectionRoutes } from './section/routes.ts';

export async function childInNeedRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  await app.register(sectionRoutes, options);
  await app.register(planRoutes, options);
  await app.register(reviewRoutes, options);
  await app.register(closeRoutes, options);
}
