// Child and family assessments (the assessment module): start, internal review and authorisation dates, factors identified at the end of assessment, primary need.
// EMPTY ON PURPOSE: the tables this reads do not exist on the branch this was written on; another
// module is building them and they are merged after it. The census builder already calls this
// extractor, so wiring the module in means replacing the body with a query through an app function
// (returns -> app -> db), along these lines (table and column names to be confirmed):
//   select child_id as person_id, started_on, internal_review_on, authorised_on, factors, primary_need_code from assessment where child_id = any($1) and started_on <= $2
import type { CensusAssessmentRow } from './sources.ts';

export async function extractAssessments(): Promise<CensusAssessmentRow[]> {
  return [];
}
