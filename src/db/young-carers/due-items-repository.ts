// What is due from young carers' assessments for the children in a scope (a worker's caseload, or
// teams'): every assessment not yet authorised (YC-01) and every support plan review (YC-02) of the
// latest authorised assessment with a support plan. Visible children in scope only
// (src/db/work/children-in-scope-repository.ts).
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';
import { childIn, withLabels, type ChildrenInScope } from '../work/children-in-scope-repository.ts';

type Db = Transaction<Database> | Kysely<Database>;

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

export async function listYoungCarerDue(db: Db, inScope: ChildrenInScope): Promise<YoungCarerDue[]> {
  if (inScope.ids.length === 0) return [];
  const rows = await db
    .selectFrom('youngCarerAssessment as y')
    .where(childIn('y.childId', inScope))
    .where((eb) =>
      eb.or([
        eb('y.status', '<>', 'authorised'),
        eb.and([
          eb('y.supportPlanReviewDueOn', 'is not', null),
          // only the latest authorised assessment's plan is still to review
          eb.not(
            eb.exists(
              eb
                .selectFrom('youngCarerAssessment as later')
                .select('later.id')
                .whereRef('later.childId', '=', 'y.childId')
                .where('later.status', '=', 'authorised')
                .whereRef('later.authorisedAt', '>', 'y.authorisedAt'),
            ),
          ),
        ]),
      ]),
    )
    .select(['y.childId', 'y.id as assessmentId', 'y.requestedOn', 'y.supportPlanReviewFrom', 'y.status'])
    .orderBy('y.dueOn')
    .limit(500)
    .execute();
  return withLabels(rows, inScope);
}
