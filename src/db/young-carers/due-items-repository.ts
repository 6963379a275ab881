// What is due from young carers' assessments for the children in a scope (a worker's caseload, or
// teams'): every assessment not yet authorised (YC-01) and every support plan review (YC-02) of the
// latest authorised assessment with a support plan. Visible children in scope only
// (src/db/work/children-in-scope-repository.ts).
import { sql } from 'kysely';
import { IN_SCOPE, withLabels, type ChildrenInScope, type ScopedRead } from '../work/children-in-scope-repository.ts';

export interface YoungCarerDue {
  readonly childId: string;
  readonly childName: string;
  readonly teamName: string | null;
  readonly workerName: string | null;
  readonly assessmentId: string;
  readonly requestedOn: string;
  /** The anchor of the support plan's next review (authorisation or the last review), when one is due. */
  readonly supportPlanReviewFrom: string | null;
  readonly status: string;
}

type YoungCarerColumns = Omit<YoungCarerDue, 'childName' | 'teamName' | 'workerName'>;

/**
 * Young carers' assessments of the children in scope not yet authorised, and the latest authorised
 * one's support plan to review, by due date (at most 500): a read for the page's one statement.
 */
export const YOUNG_CARER_DUE_READ: ScopedRead = sql`(select coalesce(json_agg(json_build_object('childId', x.child_id, 'assessmentId', x.id,
    'requestedOn', x.requested_on, 'supportPlanReviewFrom', x.support_plan_review_from, 'status', x.status) order by x.due_on, x.child_id), '[]'::json)
  from (select y.child_id, y.id, y.requested_on, y.support_plan_review_from, y.status, y.due_on from young_carer_assessment y
        where y.child_id = ${IN_SCOPE} and (y.status <> 'authorised' or (y.support_plan_review_due_on is not null
          -- only the latest authorised assessment's plan is still to review
          and not exists (select later.id from young_carer_assessment later
            where later.child_id = y.child_id and later.status = 'authorised' and later.authorised_at > y.authorised_at)))
        order by y.due_on, y.child_id limit 500) x)`;

export function youngCarerDueOf(rows: readonly unknown[], inScope: ChildrenInScope): YoungCarerDue[] {
  return withLabels(rows as readonly YoungCarerColumns[], inScope);
}
