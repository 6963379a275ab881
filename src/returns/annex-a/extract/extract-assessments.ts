// List 4, assessments, from the assessment module's `assessment` (migration 0009): start date, whether
// the child was seen, authorisation date, whether the child was assessed as needing children's social
// care support, allocated team and worker. Support: a child in need plan, accommodation or a strategy
// discussion is; no further action or a step down to early help is not. A referral on to a specialist
// service is left blank: Hearth does not record whether that service is part of children's social care.
import { readAssessmentsBetween } from '../../../app/returns/returns-data.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import type { RequestContext } from '../../../app/shared/request-context.ts';
import type { AnnexAssessmentRow } from '../sources.ts';
import { withChildren } from './annex-children.ts';

const SUPPORT: Readonly<Record<string, boolean | null>> = {
  cin_plan: true,
  accommodation_s20: true,
  strategy_s47: true,
  nfa: false,
  step_down_early_help: false,
  specialist_service: null,
};

export async function extractAssessments(deps: AppDeps, ctx: RequestContext, from: string, to: string): Promise<AnnexAssessmentRow[]> {
  const rows = await withChildren(deps, ctx, await readAssessmentsBetween(deps, ctx, from, to));
  return rows.map(({ row, child }) => {
    const authorised = row.authorisedOn !== null && row.authorisedOn <= to;
    return {
      child,
      startedOn: row.startedOn,
      childSeen: row.childSeenOn !== null && row.childSeenOn <= to,
      authorisedOn: authorised ? row.authorisedOn : null,
      requiresSupport: authorised && row.outcome !== null ? (SUPPORT[row.outcome] ?? null) : null,
      team: row.teamName,
      worker: row.workerName,
    };
  });
}
