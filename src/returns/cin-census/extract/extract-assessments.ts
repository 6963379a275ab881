// Child and family assessments, from the assessment module's `assessment` (migration 0009): the date
// the assessment was started (London date of started_at), the date it was authorised, the factors
// identified at the end of it and the primary need. Hearth records no internal review date for an
// assessment (AssessmentInternalReviewDate is optional in the census), so none is reported.
import { readAssessments } from '../../../app/returns/returns-data.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import type { RequestContext } from '../../../app/shared/request-context.ts';
import type { CensusAssessmentRow } from './sources.ts';

export async function extractAssessments(deps: AppDeps, ctx: RequestContext, personIds: readonly string[], upTo: string): Promise<CensusAssessmentRow[]> {
  const rows = await readAssessments(deps, ctx, personIds, upTo);
  return rows.map((r) => ({
    personId: r.childId,
    startedOn: r.startedOn,
    internalReviewOn: null,
    authorisedOn: r.authorisedOn,
    factors: r.factors,
    primaryNeedCode: r.primaryNeed,
    outcome: r.outcome,
  }));
}
