// Section 47 enquiries (the strategy discussion / section 47 module): start date, ICPC target date, ICPC date, ICPC not required.
// EMPTY ON PURPOSE: the tables this reads do not exist on the branch this was written on; another
// module is building them and they are merged after it. The census builder already calls this
// extractor, so wiring the module in means replacing the body with a query through an app function
// (returns -> app -> db), along these lines (table and column names to be confirmed):
//   select child_id as person_id, started_on, icpc_target_on, icpc_held_on, icpc_not_required from section47_enquiry where child_id = any($1) and started_on <= $2
import type { CensusSection47Row } from './sources.ts';

export async function extractSection47(): Promise<CensusSection47Row[]> {
  return [];
}
