// What is due from assessments for the children in a scope (a worker's caseload, or teams'): every
// assessment not yet authorised (ASS-01) and every next step still open. Visible children only.
import type { Kysely, Transaction } from 'kysely';
import type { Database, NextStepKindColumn } from '../schema.ts';
import { childIn, withLabels, type ChildrenInScope } from '../work/children-in-scope-repository.ts';

type Db = Transaction<Database> | Kysely<Database>;

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
export async function listOpenAssessmentsDue(db: Db, inScope: ChildrenInScope): Promise<OpenAssessmentDue[]> {
  if (inScope.ids.length === 0) return [];
  const rows = await db
    .selectFrom('assessment as a')
    .select(['a.childId', 'a.id as assessmentId', 'a.referredOn', 'a.status'])
    .where(childIn('a.childId', inScope))
    .where('a.status', '<>', 'authorised')
    .orderBy('a.dueOn')
    .limit(500)
    .execute();
  return withLabels(rows, inScope).map((r) => ({ ...r, status: r.status === 'awaiting_authorisation' ? 'awaiting_authorisation' : 'in_progress' }));
}

export async function listOpenNextStepsDue(db: Db, inScope: ChildrenInScope): Promise<OpenNextStepDue[]> {
  if (inScope.ids.length === 0) return [];
  const rows = await db
    .selectFrom('assessmentNextStep as n')
    .select(['n.childId', 'n.assessmentId', 'n.kind', 'n.openedOn'])
    .where(childIn('n.childId', inScope))
    .where('n.status', '=', 'open')
    .orderBy('n.dueOn')
    .limit(500)
    .execute();
  return withLabels(rows, inScope);
}
