// List 4, assessments (the assessment module): start date, child seen, authorisation date, outcome (requires children's social care support), allocated team and worker.
// EMPTY ON PURPOSE: the tables this reads do not exist on the branch this was written on; another
// module is building them and they are merged after it. The Annex A builder already calls this
// extractor, so wiring the module in means replacing the body with a query through an app function
// (returns -> app -> db), along these lines (names to be confirmed):
//   select a.child_id, a.started_on, a.child_seen, a.authorised_on, a.outcome = 'support' as requires_support, t.name, u.display_name from assessment a join team t on t.id = a.team_id left join app_user u on u.id = a.worker_user_id where a.started_on <= $to and (a.authorised_on is null or a.authorised_on >= $from)
import type { AnnexAssessmentRow } from '../sources.ts';

export async function extractAssessments(): Promise<AnnexAssessmentRow[]> {
  return [];
}
