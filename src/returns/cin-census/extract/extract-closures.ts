// Closures of child-in-need episodes, from the children in need module's `cin_episode` (migration
// 0010): the case closure date and reason (RC1-RC8), with the primary need of the child's latest
// assessment authorised on or before the closure (migration 0009).
import { readCinClosures } from '../../../app/returns/returns-data.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import type { RequestContext } from '../../../app/shared/request-context.ts';
import type { CensusClosureRow } from './sources.ts';

export async function extractClosures(deps: AppDeps, ctx: RequestContext, personIds: readonly string[], upTo: string): Promise<CensusClosureRow[]> {
  const rows = await readCinClosures(deps, ctx, personIds, upTo);
  return rows.map((r) => ({ personId: r.childId, closedOn: r.closedOn, reasonForClosure: r.closureReason, primaryNeedCode: r.primaryNeed }));
}
