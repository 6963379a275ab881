// Child protection plans, from the child protection module's `cp_plan` (migration 0014): start and end
// dates, initial and latest category of abuse (NEG, PHY, EMO, SAB, MUL), the number of the child's
// previous plans (plan_number counts them from 1), the dates of the review conferences held, and the
// initial conference that made the plan (`cp_conference`: its date, and whether a section 47 called it).
import { readCpPlans } from '../../../app/returns/returns-data.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import type { RequestContext } from '../../../app/shared/request-context.ts';
import type { CensusCpPlanRow } from './sources.ts';

export async function extractCpPlans(deps: AppDeps, ctx: RequestContext, personIds: readonly string[], upTo: string): Promise<CensusCpPlanRow[]> {
  const rows = await readCpPlans(deps, ctx, personIds, upTo);
  return rows.map((r) => ({
    personId: r.childId,
    startedOn: r.startedOn,
    endedOn: r.endedOn,
    initialCategory: r.initialCategory,
    latestCategory: r.latestCategory,
    numberOfPreviousPlans: r.planNumber - 1,
    reviewDates: r.reviewDates,
    initialConferenceOn: r.initialConferenceOn,
    initialConferenceFromSection47: r.initialConferenceFromSection47,
    initialPrimaryNeedCode: r.initialConferencePrimaryNeed,
  }));
}
