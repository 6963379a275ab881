// Child protection plans (the child protection module): start and end dates, initial and latest category of abuse (NEG, PHY, SAB, EMO, MUL), number of previous plans, review conference dates.
// EMPTY ON PURPOSE: the tables this reads do not exist on the branch this was written on; another
// module is building them and they are merged after it. The census builder already calls this
// extractor, so wiring the module in means replacing the body with a query through an app function
// (returns -> app -> db), along these lines (table and column names to be confirmed):
//   select p.child_id as person_id, p.started_on, p.ended_on, p.initial_category, p.latest_category, (select count(*) from cp_plan q where q.child_id = p.child_id and q.started_on < p.started_on) as number_of_previous_plans, array(select r.held_on from cp_review r where r.plan_id = p.id order by r.held_on) as review_dates from cp_plan p where p.child_id = any($1) and p.started_on <= $2
import type { CensusCpPlanRow } from './sources.ts';

export async function extractCpPlans(): Promise<CensusCpPlanRow[]> {
  return [];
}
