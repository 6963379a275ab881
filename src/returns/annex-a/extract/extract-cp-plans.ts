// List 7, child protection plans, from the child protection module's `cp_plan`, `cp_conference` and
// `cp_visit` (migration 0014): each plan open in the window, with its initial and latest category,
// the last visit in which the child was seen (and whether alone), the latest review conference, the
// end date, the number of previous plans (plan_number counts them from 1), the team and lead worker.
// Hearth does not record emergency protection orders or police protection, so that column is blank.
import { readCpPlansBetween } from '../../../app/returns/returns-data.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import type { RequestContext } from '../../../app/shared/request-context.ts';
import type { AnnexCpPlanRow } from '../sources.ts';
import { withChildren } from './annex-children.ts';

export async function extractCpPlans(deps: AppDeps, ctx: RequestContext, from: string, to: string): Promise<AnnexCpPlanRow[]> {
  const rows = await withChildren(deps, ctx, await readCpPlansBetween(deps, ctx, from, to));
  return rows.map(({ row, child }) => ({
    child,
    startedOn: row.startedOn,
    initialCategory: row.initialCategory,
    latestCategory: row.latestCategory,
    lastStatutoryVisitOn: row.lastVisitOn,
    seenAlone: row.lastVisitSeenAlone,
    latestReviewOn: row.reviewDates.filter((d) => d <= to).at(-1) ?? null,
    endedOn: row.endedOn !== null && row.endedOn <= to ? row.endedOn : null,
    emergencyProtectionInLast6Months: null,
    previousPlans: row.planNumber - 1,
    team: row.teamName,
    worker: row.workerName,
  }));
}
