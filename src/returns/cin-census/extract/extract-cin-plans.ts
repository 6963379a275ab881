// Child in need plans (the children in need module): plan start and end dates.
// EMPTY ON PURPOSE: the tables this reads do not exist on the branch this was written on; another
// module is building them and they are merged after it. The census builder already calls this
// extractor, so wiring the module in means replacing the body with a query through an app function
// (returns -> app -> db), along these lines (table and column names to be confirmed):
//   select child_id as person_id, started_on, ended_on from cin_plan where child_id = any($1) and started_on <= $2
import type { CensusCinPlanRow } from './sources.ts';

export async function extractCinPlans(): Promise<CensusCinPlanRow[]> {
  return [];
}
