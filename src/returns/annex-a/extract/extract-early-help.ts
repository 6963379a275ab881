// List 2, early help assessments, from the early help module (migration 0011): each early help
// episode's wellbeing assessment, started when the episode started and completed on the date it was
// recorded, under way or completed in the window. The organisation completing it is the early help
// team the episode is allocated to.
import { readEarlyHelpAssessmentsBetween } from '../../../app/returns/returns-data.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import type { RequestContext } from '../../../app/shared/request-context.ts';
import type { AnnexEarlyHelpRow } from '../sources.ts';
import { withChildren } from './annex-children.ts';

export async function extractEarlyHelp(deps: AppDeps, ctx: RequestContext, from: string, to: string): Promise<AnnexEarlyHelpRow[]> {
  const rows = await withChildren(deps, ctx, await readEarlyHelpAssessmentsBetween(deps, ctx, from, to));
  return rows.map(({ row, child }) => ({
    child,
    startedOn: row.startedOn,
    completedOn: row.completedOn !== null && row.completedOn <= to ? row.completedOn : null,
    organisation: row.teamName,
  }));
}
