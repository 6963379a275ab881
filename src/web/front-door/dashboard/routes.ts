// The MASH dashboard: contacts in, decisions made, time to decision, decisions within one working day,
// outcomes and the repeat rate, by week, as an SVG chart drawn on the server and a table of figures.
import type { FastifyInstance } from 'fastify';
import { viewMashDashboard } from '../../../app/front-door/view-dashboard.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { MASH_OUTCOME_SHORT_LABELS, MASH_OUTCOMES } from '../../../domain/front-door/mash-decision.ts';
import { MASH_DECISION } from '../../../domain/front-door/timescales.ts';
import { formatLongDate } from '../../../domain/shared/time/local-date.ts';
import { requestContext } from '../../shared/request-context.ts';
import { weeklyChart } from './chart.ts';

const pct = (v: number | null): string => (v === null ? '–' : `${String(v)}%`);

export async function dashboardRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  app.get('/mash-dashboard', { config: { permission: 'front-door:view-dashboard', audit: 'none' } }, async (request, reply) => {
    const dashboard = await viewMashDashboard(deps, requestContext(request));
    return reply.view('front-door/dashboard/view.njk', {
      chart: weeklyChart(dashboard.weeks),
      totals: { ...dashboard.totals, withinText: pct(dashboard.totals.withinTimescalePercent), repeatText: pct(dashboard.totals.repeatPercent) },
      weeks: [...dashboard.weeks].reverse().map((w) => ({
        week: formatLongDate(w.weekStart.toString()),
        contactsIn: w.contactsIn,
        decisionsMade: w.decisionsMade,
        meanDays: w.meanWorkingDaysToDecision === null ? '–' : String(w.meanWorkingDaysToDecision),
        within: pct(w.withinTimescalePercent),
        repeat: pct(w.repeatPercent),
        outcomes: MASH_OUTCOMES.map((o) => w.outcomes[o]),
      })),
      outcomeHeaders: MASH_OUTCOMES.map((o) => MASH_OUTCOME_SHORT_LABELS[o]),
      rule: MASH_DECISION,
    });
  });
}
