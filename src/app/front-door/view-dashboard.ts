// The MASH dashboard: contacts in, decisions made, time to decision, decisions within timescale,
// outcomes and the repeat rate, by week (src/domain/front-door/dashboard.ts). Aggregate counts only.
import { contactsForDashboard, countAwaitingDecision, linkedChildrenOf } from '../../db/front-door/queue-repository.ts';
import { dashboardTotals, dashboardWeeks, weekStartOf, type DashboardContact, type DashboardTotals, type DashboardWeek } from '../../domain/front-door/dashboard.ts';
import { isMashOutcome } from '../../domain/front-door/mash-decision.ts';
import { parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import type { AppDeps } from '../shared/deps.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { londonToday } from './london-time.ts';
import { repeatsOf } from './repeats.ts';

export const DASHBOARD_WEEKS = 12;

export interface MashDashboard {
  readonly weeks: readonly DashboardWeek[];
  readonly totals: DashboardTotals;
}

export async function viewMashDashboard(deps: AppDeps, ctx: RequestContext, weeks = DASHBOARD_WEEKS): Promise<MashDashboard> {
  return unitOfWork(deps, ctx, async ({ trx, now }) => {
    requirePermission(ctx, 'front-door:view-dashboard');
    const today = londonToday(now);
    const from = toIsoDate(weekStartOf(today).minusWeeks(weeks - 1));
    const rows = await contactsForDashboard(trx, from);
    const children = await linkedChildrenOf(trx, rows.map((r) => r.id));
    const repeats = await repeatsOf(trx, rows.map((r) => ({ id: r.id, receivedAt: r.receivedAt, receivedOn: r.receivedOn, childIds: children.get(r.id) ?? [] })));
    const contacts: DashboardContact[] = rows.map((r) => ({
      receivedOn: parseLocalDate(r.receivedOn),
      decidedOn: r.decidedOn === null ? null : parseLocalDate(r.decidedOn),
      outcome: r.outcome !== null && isMashOutcome(r.outcome) ? r.outcome : null,
      workingDaysToDecision: r.decisionWorkingDays,
      decidedWithinTimescale: r.decidedWithinTimescale,
      repeat: repeats.get(r.id) ?? false,
    }));
    const byWeek = dashboardWeeks(contacts, today, weeks);
    return { weeks: byWeek, totals: dashboardTotals(byWeek, await countAwaitingDecision(trx)) };
  });
}
