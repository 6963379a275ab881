// The disabilities pages on a child's record (seed 004 §13): the section, the eligibility decision
// and its confirmation, short breaks and their reviews, personal budget requests and the panel's decision.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app/shared/deps.ts';
import { budgetRoutes } from './budgets/routes.ts';
import { confirmRoutes } from './confirm/routes.ts';
import { eligibilityRoutes } from './eligibility/routes.ts';
import { sectionRoutes } from './section/routes.ts';
import { shortBreakRoutes } from './short-breaks/routes.ts';

export async function disabilitiesRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  await app.register(sectionRoutes, options);
  await app.register(eligibilityRoutes, options);
  await app.register(confirmRoutes, options);
  await app.register(shortBreakRoutes, options);
  await app.register(budgetRoutes, options);
}
