// The child protection module's pages: the "Child protection plan" section of a child's record,
// conferences, the plan, core groups, visits, the chair's conferences and the dashboard.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app/shared/deps.ts';
import { chairRoutes } from './chair/routes.ts';
import { conferenceLetterRoutes, conferenceRoutes } from './conference/routes.ts';
import { conveneRoutes } from './convene/routes.ts';
import { coreGroupRoutes } from './core-group/routes.ts';
import { cpDashboardRoutes } from './dashboard/routes.ts';
import { outcomeRoutes } from './outcome/routes.ts';
import { planPageRoutes } from './plan-page/routes.ts';
import { planRoutes } from './plan/routes.ts';
import { visitRoutes } from './visit/routes.ts';

export async function childProtectionRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  await app.register(planPageRoutes, options);
  await app.register(conveneRoutes, options);
  await app.register(conferenceRoutes, options);
  await app.register(conferenceLetterRoutes, options);
  await app.register(outcomeRoutes, options);
  await app.register(planRoutes, options);
  await app.register(coreGroupRoutes, options);
  await app.register(visitRoutes, options);
  await app.register(chairRoutes, options);
  await app.register(cpDashboardRoutes, options);
}
