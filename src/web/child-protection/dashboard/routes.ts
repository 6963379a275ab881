// The child protection dashboard: children on plans by category and duration (over 2 years flagged),
// repeat plans, and the timeliness of conferences, core groups and visits over the last 12 months.
import type { FastifyInstance } from 'fastify';
import { viewCpDashboard } from '../../../app/child-protection/cp-dashboard.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { requestContext } from '../../shared/request-context.ts';
import { cpPaths } from '../shared.ts';
import { horizontalBars } from './chart.ts';

export async function cpDashboardRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  app.get(
    '/child-protection/dashboard',
    { config: { permission: 'child-protection:view-dashboard', audit: 'child-protection.dashboard.viewed' } },
    async (request, reply) => {
      const dashboard = await viewCpDashboard(deps, requestContext(request));
      return reply.view('child-protection/dashboard/view.njk', {
        pageTitle: 'Child protection dashboard',
        dashboard,
        categoryChart: horizontalBars(dashboard.byCategory, 'Children on child protection plans by category of abuse'),
        durationChart: horizontalBars(dashboard.byDuration, 'Children on child protection plans by how long the plan has lasted'),
        chairHref: cpPaths.chair(),
      });
    },
  );
}
