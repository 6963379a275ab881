// List 6, children in need, from the children in need module's `cin_episode` (migration 0010): each
// episode open in the window, with the primary need of the child's latest authorised assessment, the
// last date the child was seen (an assessment or a child protection visit), the closure and reason,
// the case status at the end of the window, and the team and worker of the episode's latest plan (or
// of the assessment that opened it). Hearth does not yet record looked after children, so status a)
// is never given; a child with a plan is reported under the plan.
import { readCinEpisodesBetween, type AnnexCinEpisodeRow } from '../../../app/returns/returns-data.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import type { RequestContext } from '../../../app/shared/request-context.ts';
import type { AnnexCinRow } from '../sources.ts';
import { withChildren } from './annex-children.ts';

/** Annex A List 6 case status (Ofsted Annex A guidance; wording not checked against the template). */
export const CASE_STATUS = {
  cpPlan: 'b) Child protection plan',
  cinPlan: 'c) Child in need plan',
  openAssessment: 'd) Open assessment',
  closed: 'e) Closed episode',
} as const;

function caseStatusOf(row: AnnexCinEpisodeRow, to: string): string | null {
  if (row.closedOn !== null && row.closedOn <= to) return CASE_STATUS.closed;
  if (row.hasActiveCpPlan) return CASE_STATUS.cpPlan;
  if (row.hasActiveCinPlan) return CASE_STATUS.cinPlan;
  if (row.hasOpenAssessment) return CASE_STATUS.openAssessment;
  return null;
}

export async function extractChildrenInNeed(deps: AppDeps, ctx: RequestContext, from: string, to: string): Promise<AnnexCinRow[]> {
  const rows = await withChildren(deps, ctx, await readCinEpisodesBetween(deps, ctx, from, to));
  return rows.map(({ row, child }) => {
    const closed = row.closedOn !== null && row.closedOn <= to;
    return {
      child,
      startedOn: row.startedOn,
      primaryNeedCode: row.primaryNeed,
      lastSeenOn: row.lastSeenOn,
      closedOn: closed ? row.closedOn : null,
      reasonForClosure: closed ? row.closureReason : null,
      caseStatus: caseStatusOf(row, to),
      team: row.teamName,
      worker: row.workerName,
    };
  });
}
