// Targeted early help pages: the queue, allocation, and the early help section of a child's record.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app/shared/deps.ts';
import { allocateEarlyHelpRoutes } from './allocate/routes.ts';
import { closeEarlyHelpRoutes } from './close/routes.ts';
import { earlyHelpPlanRoutes } from './plan/routes.ts';
import { earlyHelpQueueRoutes } from './queue/routes.ts';
import { earlyHelpRecordRoutes } from './record/routes.ts';
import { earlyHelpReviewRoutes } from './review/routes.ts';
import { wellbeingAssessmentRoutes } from './wellbeing-assessment/routes.ts';

export async function earlyHelpRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  await app.register(earlyHelpQueueRoutes, options);
  await app.register(allocateEarlyHelpRoutes, options);
  await app.register(earlyHelpRecordRoutes, options);
  await app.register(wellbeingAssessmentRoutes, options);
  await app.register(earlyHelpPlanRoutes, options);
  await app.register(earlyHelpReviewRoutes, options);
  await app.register(closeEarlyHelpRoutes, options);
}
