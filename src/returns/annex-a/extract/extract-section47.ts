// List 5, section 47 enquiries and ICPCs (the strategy discussion / section 47 and child protection modules): strategy discussion date, ICPC not required, ICPC date and whether it made a plan, counts in the 12 months before, team and worker.
// EMPTY ON PURPOSE: the tables this reads do not exist on the branch this was written on; another
// module is building them and they are merged after it. The Annex A builder already calls this
// extractor, so wiring the module in means replacing the body with a query through an app function
// (returns -> app -> db), along these lines (names to be confirmed):
//   select e.child_id, sd.held_on, e.icpc_not_required, c.held_on, c.plan_made, (select count(*) from section47_enquiry x where x.child_id = e.child_id and x.started_on > e.started_on - interval '12 months' and x.started_on <= e.started_on), ... from section47_enquiry e join strategy_discussion sd on sd.id = e.strategy_discussion_id left join icpc c on c.section47_id = e.id where sd.held_on between $from and $to
import type { AnnexSection47Row } from '../sources.ts';

export async function extractSection47(): Promise<AnnexSection47Row[]> {
  return [];
}
