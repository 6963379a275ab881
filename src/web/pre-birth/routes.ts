// The pre-birth pages on an unborn child's record (seed 004 §14): the plan and its timeline, the
// pregnancy dates, a milestone, the FGC referral, and recording the birth.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app/shared/deps.ts';
import { birthRoutes } from './birth/routes.ts';
import { fgcReferralRoutes } from './fgc-referral/routes.ts';
import { milestoneRoutes } from './milestone/routes.ts';
import { preBirthPlanRoutes } from './plan/routes.ts';
import { pregnancyRoutes } from './pregnancy/routes.ts';

export async function preBirthRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  await app.register(preBirthPlanRoutes, options);
  await app.register(pregnancyRoutes, options);
  await app.register(milestoneRoutes, options);
  await app.register(fgcReferralRoutes, options);
  await app.register(birthRoutes, options);
}
