// Section 47 enquiries, from `section47_enquiry` (migration 0013) and the initial child protection
// conference it led to (`cp_conference`, migration 0014, kind initial, held): the enquiry's start
// date, the ICPC target date (icpc_due_on, set when the enquiry concluded the child is at continuing
// risk of significant harm) and the date of the ICPC. ICPCNotRequired is true for a completed
// enquiry whose outcome is not continuing risk: no conference is called. An enquiry still in progress
// has neither. The enquiry ended on its ICPC or, with none required, on its outcome date (the census
// reports an enquiry unless it ended before the year began, as it does an assessment).
import { readSection47s } from '../../../app/returns/returns-data.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import type { RequestContext } from '../../../app/shared/request-context.ts';
import type { CensusSection47Row } from './sources.ts';

export async function extractSection47(deps: AppDeps, ctx: RequestContext, personIds: readonly string[], upTo: string): Promise<CensusSection47Row[]> {
  const rows = await readSection47s(deps, ctx, personIds, upTo);
  return rows.map((r) => {
    const icpcNotRequired = r.status === 'completed' && r.outcome !== 'substantiated_continuing';
    return {
      personId: r.childId,
      startedOn: r.startedOn,
      initialCpcTarget: r.icpcDueOn,
      dateOfInitialCpc: r.icpcHeldOn,
      icpcNotRequired,
      endedOn: r.icpcHeldOn ?? (icpcNotRequired ? r.outcomeOn : null),
      initialPrimaryNeedCode: r.initialPrimaryNeed,
    };
  });
}
