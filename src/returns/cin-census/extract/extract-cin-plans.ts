// Child in need plans, from the children in need module's `cin_plan` (migration 0010): the census
// CINPlanStartDate is the date the plan was agreed (a draft never agreed is not reported), and the
// end date once it ended.
import { readCinPlans } from '../../../app/returns/returns-data.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import type { RequestContext } from '../../../app/shared/request-context.ts';
import type { CensusCinPlanRow } from './sources.ts';

export async function extractCinPlans(deps: AppDeps, ctx: RequestContext, personIds: readonly string[], upTo: string): Promise<CensusCinPlanRow[]> {
  const rows = await readCinPlans(deps, ctx, personIds, upTo);
  return rows.map((r) => ({ personId: r.childId, startedOn: r.agreedOn, endedOn: r.endedOn }));
}
