// What is due from young carers' assessments for the children in a scope (a worker's caseload, or
// teams'): every assessment not yet authorised (YC-01) and every support plan review (YC-02) of the
// latest authorised assessment with a support plan. Visible children only.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DueScope } from '../../domain/casework/due-items.ts';
import type { Actor } from '../../domain/shared/access/actor.ts';
import type { Database } from '../schema.ts';
import { visibleChildren } from '../shared/visibility.ts';

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

const childName = sql<string>`person.given_name || ' ' || person.family_name`;

export async function listYoungCarerDue(db: Db, actor: Actor, now: Date, scope: DueScope): Promise<YoungCarerDue[]> {
  if (scope.teamIds?.length === 0) return [];
  let query = db
    .selectFrom('allocation as al')
    .innerJoin('person', 'person.id', 'al.childId')
    .innerJoin('team as t', 't.id', 'al.teamId')
    .leftJoin('appUser as w', 'w.id', 'al.workerUserId')
    .innerJoin('youngCarerAssessment as y', 'y.childId', 'person.id')
    .where('al.endedOn', 'is', null)
    .where(visibleChildren(actor, now))
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
    );
  if (scope.workerId !== undefined) query = query.where('al.workerUserId', '=', scope.workerId);
  if (scope.teamIds !== undefined) query = query.where('al.teamId', 'in', [...scope.teamIds]);
  return query
    .select([
      'person.id as childId',
      childName.as('childName'),
      't.name as teamName',
      'w.displayName as workerName',
      'y.id as assessmentId',
      'y.requestedOn',
      'y.supportPlanReviewFrom',
      'y.status',
    ])
    .orderBy('y.dueOn')
    .limit(500)
    .execute();
}
