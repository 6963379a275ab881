// List 6, children in need (the children in need module, with the census episodes): episode start, primary need, last seen, closure and reason, case status, team and worker.
// EMPTY ON PURPOSE: the tables this reads do not exist on the branch this was written on; another
// module is building them and they are merged after it. The Annex A builder already calls this
// extractor, so wiring the module in means replacing the body with a query through an app function
// (returns -> app -> db), along these lines (names to be confirmed):
//   built from the census episodes (src/returns/cin-census/assemble.ts) open in the window, with the latest visit date from the visits module and case status from the open plan/assessment
import type { AnnexCinRow } from '../sources.ts';

export async function extractChildrenInNeed(): Promise<AnnexCinRow[]> {
  return [];
}
