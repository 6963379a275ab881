// List 7, child protection plans (the child protection module): start, initial and latest category, last statutory visit and seen alone, latest review conference, end date, EPO/police protection in the last six months, previous plans, team and worker.
// EMPTY ON PURPOSE: the tables this reads do not exist on the branch this was written on; another
// module is building them and they are merged after it. The Annex A builder already calls this
// extractor, so wiring the module in means replacing the body with a query through an app function
// (returns -> app -> db), along these lines (names to be confirmed):
//   select p.child_id, p.started_on, p.initial_category, p.latest_category, v.visited_on, v.seen_alone, r.held_on, p.ended_on, ... from cp_plan p ... where p.started_on <= $to and (p.ended_on is null or p.ended_on >= $from)
import type { AnnexCpPlanRow } from '../sources.ts';

export async function extractCpPlans(): Promise<AnnexCpPlanRow[]> {
  return [];
}
