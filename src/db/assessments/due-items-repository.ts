// What is due from assessments for the children in a scope (a worker's caseload, or teams'): every
// assessment not yet authorised (ASS-01) and every next step still open. Visible children only.
import { sql } from 'kysely';
import type { NextStepKindColumn } from '../schema.ts';
import { IN_SCOPE, withLabels, type ChildrenInScope, type ScopedRead } from '../work/children-in-scope-repository.ts';

interface ChildOfItem {
  readonly childId: string;
  readonly childName: string;
  readonly teamName: string | null;
  readonly workerName: string | null;
}

export interface OpenAssessmentDue extends ChildOfItem {
  readonly assessmentId: string;
  readonly referredOn: string;
  readonly status: 'in_progress' | 'awaiting_authorisation';
}

export interface OpenNextStepDue extends ChildOfItem {
  readonly assessmentId: string;
  readonly kind: NextStepKindColumn;
  readonly openedOn: string;
}

// The children in scope (allocation, visibility filter) come from src/db/work/children-in-scope-repository.ts,
// worked out once per page; the labels (name, team, worker) are theirs.
export interface AssessmentsDue {
  readonly assessments: readonly OpenAssessmentDue[];
  readonly steps: readonly OpenNextStepDue[];
}

interface Kinds {
  readonly assessments: { childId: string; assessmentId: string; referredOn: string; status: string }[];
  readonly steps: { childId: string; assessmentId: string; kind: NextStepKindColumn; openedOn: string }[];
}

/**
 * Assessments not yet authorised and open next steps of the children in scope, each by due date (at
 * most 500 of each; equal dates in the order of the children's ids, as an index scan gives them): two reads for the page's one statement (src/db/work/children-in-scope-repository.ts).
 */
export const ASSESSMENTS_DUE_READS: readonly ScopedRead[] = [
  sql`(select coalesce(json_agg(json_build_object('childId', x.child_id, 'assessmentId', x.id, 'referredOn', x.referred_on, 'status', x.status) order by x.due_on, x.child_id), '[]'::json)
       from (select a.child_id, a.id, a.referred_on, a.status, a.due_on from assessment a
             where a.child_id = ${IN_SCOPE} and a.status <> 'authorised' order by a.due_on, a.child_id limit 500) x)`,
  sql`(select coalesce(json_agg(json_build_object('childId', y.child_id, 'assessmentId', y.assessment_id, 'kind', y.kind, 'openedOn', y.opened_on) order by y.due_on, y.child_id), '[]'::json)
       from (select n.child_id, n.assessment_id, n.kind, n.opened_on, n.due_on from assessment_next_step n
             where n.child_id = ${IN_SCOPE} and n.status = 'open' order by n.due_on, n.child_id limit 500) y)`,
];

/** What ASSESSMENTS_DUE_READS returned, labelled with the children in scope. */
export function assessmentsDueOf(rows: readonly (readonly unknown[])[], inScope: ChildrenInScope): AssessmentsDue {
  const [assessments = [], steps = []] = rows as [Kinds['assessments']?, Kinds['steps']?];
  return {
    assessments: withLabels(assessments, inScope).map((r) => ({
      ...r,
      status: r.status === 'awaiting_authorisation' ? 'awaiting_authorisation' : 'in_progress',
    })),
    steps: withLabels(steps, inScope),
  };
}
