// List 5, section 47 enquiries and ICPCs, from `section47_enquiry` and `strategy_discussion` (migration
// 0013) and the initial child protection conference the enquiry led to (`cp_conference`, migration
// 0014): the date of the strategy discussion that started the enquiry (in the window), whether an ICPC
// was not required (a completed enquiry whose outcome is not continuing risk), the ICPC date and
// whether it made a plan, the child's other enquiries and ICPCs in the 12 months before, and the team.
// Hearth allocates an enquiry to a team, not a worker, so the worker column is blank.
import { readSection47sBetween } from '../../../app/returns/returns-data.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import type { RequestContext } from '../../../app/shared/request-context.ts';
import type { AnnexSection47Row } from '../sources.ts';
import { withChildren } from './annex-children.ts';

export async function extractSection47(deps: AppDeps, ctx: RequestContext, from: string, to: string): Promise<AnnexSection47Row[]> {
  const rows = await withChildren(deps, ctx, await readSection47sBetween(deps, ctx, from, to));
  return rows.map(({ row, child }) => {
    const completed = row.status === 'completed';
    const icpcOn = row.icpcHeldOn !== null && row.icpcHeldOn <= to ? row.icpcHeldOn : null;
    return {
      child,
      strategyDiscussionOn: row.strategyHeldOn ?? row.startedOn,
      icpcNotRequired: completed ? row.outcome !== 'substantiated_continuing' : null,
      icpcOn,
      icpcResultedInPlan: icpcOn === null ? null : row.icpcDecision === 'plan',
      section47sInLast12Months: row.section47sInLast12Months,
      icpcsInLast12Months: row.icpcsInLast12Months,
      team: row.teamName,
      worker: null,
    };
  });
}
