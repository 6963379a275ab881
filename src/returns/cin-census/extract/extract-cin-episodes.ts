// Child-in-need episodes, from the children in need module's `cin_episode` (migration 0010): the
// date the episode started (an assessment's outcome, or a plan started from the child's record), and
// once closed the case closure date and reason (RC1-RC8), with the primary need of the child's latest
// assessment authorised on or before the closure (migration 0009), and the primary need recorded when
// its plan was started from the child's record (migration 0026).
import { readCinEpisodes } from '../../../app/returns/returns-data.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import type { RequestContext } from '../../../app/shared/request-context.ts';
import type { CensusCinEpisodeRow } from './sources.ts';

export async function extractCinEpisodes(deps: AppDeps, ctx: RequestContext, personIds: readonly string[], upTo: string): Promise<CensusCinEpisodeRow[]> {
  const rows = await readCinEpisodes(deps, ctx, personIds, upTo);
  return rows.map((r) => ({
    personId: r.childId,
    startedOn: r.startedOn,
    closedOn: r.closedOn,
    reasonForClosure: r.closureReason,
    primaryNeedCode: r.primaryNeed,
    initialPrimaryNeedCode: r.initialPrimaryNeed,
  }));
}
