// Closures of child-in-need episodes (the children in need module): case closure date, reason RC1-RC9, primary need code.
// EMPTY ON PURPOSE: the tables this reads do not exist on the branch this was written on; another
// module is building them and they are merged after it. The census builder already calls this
// extractor, so wiring the module in means replacing the body with a query through an app function
// (returns -> app -> db), along these lines (table and column names to be confirmed):
//   select child_id as person_id, closed_on, reason_for_closure, primary_need_code from cin_closure where child_id = any($1) and closed_on <= $2
import type { CensusClosureRow } from './sources.ts';

export async function extractClosures(): Promise<CensusClosureRow[]> {
  return [];
}
