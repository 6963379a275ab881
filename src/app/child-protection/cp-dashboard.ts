// The child protection dashboard and the CP chair's conferences: visible children only, figures from
// the domain (src/domain/child-protection/cp-dashboard.ts, cp-plan.ts).
import { listActivePlanFacts, listOpenConferences, listTimelinessSince } from '../../db/child-protection/dashboard-repository.ts';
import { byCategory, byDuration, timeliness, type Count, type Timeliness } from '../../domain/child-protection/cp-dashboard.ts';
import { isLongPlan, planQualityChecks, qualityScore, type QualityCheck } from '../../domain/child-protection/cp-plan.ts';
import { CP_AMBER_WITHIN_WORKING_DAYS } from '../../domain/child-protection/timescales.ts';
import { isCategoryOfAbuse } from '../../domain/shared/codes/dfe/category-of-abuse.ts';
import { parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import { ragStatus, type RagStatus } from '../../domain/shared/timescales/rule.ts';
import type { AppDeps } from '../shared/deps.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { todayIso } from './cp-access.ts';

export interface CpDashboard {
  readonly onPlans: number;
  readonly byCategory: readonly Count[];
  readonly byDuration: readonly Count[];
  readonly longPlans: number;
  readonly repeatPlans: number;
  readonly timeliness: readonly Timeliness[];
  readonly since: string;
}

export async function viewCpDashboard(deps: AppDeps, ctx: RequestContext): Promise<CpDashboard> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const actor = requirePermission(ctx, 'child-protection:view-dashboard');
    if (actor === null) throw new Error('The dashboard needs a signed-in user');
    const today = parseLocalDate(todayIso(now));
    const since = toIsoDate(today.minusYears(1));
    const plans = (await listActivePlanFacts(trx, actor, now)).flatMap((p) =>
      isCategoryOfAbuse(p.latestCategory) ? [{ category: p.latestCategory, startedOn: parseLocalDate(p.startedOn), planNumber: p.planNumber }] : [],
    );
    const rows = await listTimelinessSince(trx, actor, now, since);
    await audit({ action: 'child-protection.dashboard.viewed', changes: { plans: plans.length } });
    return {
      onPlans: plans.length,
      byCategory: byCategory(plans),
      byDuration: byDuration(plans, today),
      longPlans: plans.filter((p) => isLongPlan(p.startedOn, today)).length,
      repeatPlans: plans.filter((p) => p.planNumber > 1).length,
      timeliness: [
        timeliness(
          'Initial conferences within 15 working days (or by week 23)',
          rows.conferences.filter((c) => c.kind === 'initial').map((c) => c.withinTimescale === true),
        ),
        timeliness(
          'Review conferences on time',
          rows.conferences.filter((c) => c.kind === 'review').map((c) => c.withinTimescale === true),
        ),
        timeliness(
          'Core groups on time',
          rows.coreGroups.map((c) => c.withinTimescale),
        ),
        timeliness(
          'Visits on time with the child seen',
          rows.visits.map((v) => v.withinTimescale),
        ),
      ],
      since,
    };
  });
}

export interface ChairView {
  readonly conferences: readonly {
    readonly id: string;
    readonly childId: string;
    readonly childName: string;
    readonly kind: 'initial' | 'review';
    readonly preBirth: boolean;
    readonly dueOn: string;
    readonly teamName: string;
    readonly rag: RagStatus;
  }[];
  readonly plans: readonly {
    readonly id: string;
    readonly childId: string;
    readonly childName: string;
    readonly category: string;
    readonly startedOn: string;
    readonly planNumber: number;
    readonly longPlan: boolean;
    readonly quality: readonly QualityCheck[];
    readonly score: { met: number; of: number };
  }[];
}

export async function viewChairConferences(deps: AppDeps, ctx: RequestContext): Promise<ChairView> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const actor = requirePermission(ctx, 'child-protection:chair');
    if (actor === null) throw new Error('The chair’s list needs a signed-in user');
    const today = parseLocalDate(todayIso(now));
    const [open, plans] = await Promise.all([listOpenConferences(trx, actor, now), listActivePlanFacts(trx, actor, now)]);
    await audit({ action: 'child-protection.chair-conferences.viewed', changes: { conferences: open.length, plans: plans.length } });
    return {
      conferences: open.map((c) => ({
        id: c.id,
        childId: c.childId,
        childName: `${c.givenName} ${c.familyName}`,
        kind: c.kind,
        preBirth: c.preBirth,
        dueOn: c.dueOn,
        teamName: c.teamName,
        rag: ragStatus(parseLocalDate(c.dueOn), today, CP_AMBER_WITHIN_WORKING_DAYS),
      })),
      plans: plans.map((p) => {
        const outcomes = Number(p.outcomes ?? 0);
        const actions = Number(p.actions ?? 0);
        const noOwner = Number(p.actionsWithoutOwner ?? 0);
        const noDate = Number(p.actionsWithoutDate ?? 0);
        const quality = planQualityChecks(
          {
            outcomes: Array.from({ length: outcomes }, () => ({ description: '-' })),
            // The checks ask only whether every action has an owner and a date: counts stand for the rows.
            actions: Array.from({ length: actions }, (_, i) => ({ action: '-', owner: i < noOwner ? null : '-', dueOn: i < noDate ? null : '-' })),
            contingencyPlan: p.contingencyPlan,
          },
          { leadWorkerNamed: p.leadWorkerUserId !== null, coreGroupMembers: Number(p.coreGroupMembers ?? 0) },
        );
        return {
          id: p.id,
          childId: p.childId,
          childName: `${p.givenName} ${p.familyName}`,
          category: p.latestCategory,
          startedOn: p.startedOn,
          planNumber: p.planNumber,
          longPlan: isLongPlan(parseLocalDate(p.startedOn), today),
          quality,
          score: qualityScore(quality),
        };
      }),
    };
  });
}
