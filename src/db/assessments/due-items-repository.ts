// What is due from assessments for the children in a scope (a worker's caseload, or teams'): every
// assessment not yet authorised (ASS-01) and every next step still open. Visible children only.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../domain/shared/access/actor.ts';
import type { DueScope } from '../../domain/casework/due-items.ts';
import type { Database, NextStepKindColumn } from '../schema.ts';
import { visibleChildren } from '../shared/visibility.ts';

type Db = Transaction<Database> | Kysely<Database>;

interface ChildInScope {
  readonly childId: string;
  readonly childName: string;
  readonly teamName: string | null;
  readonly workerName: string | null;
}

export interface OpenAssessmentDue extends ChildInScope {
  readonly assessmentId: string;
  readonly referredOn: string;
  readonly status: 'in_progress' | 'awaiting_authorisation';
}

export interface OpenNextStepDue extends ChildInScope {
  readonly assessmentId: string;
  readonly kind: NextStepKindColumn;
  readonly openedOn: string;
}

function inScope(db: Db, actor: Actor, now: Date, scope: DueScope) {
  let query = db
    .selectFrom('allocation as al')
    .innerJoin('person', 'person.id', 'al.childId')
    .innerJoin('team as t', 't.id', 'al.teamId')
    .leftJoin('appUser as w', 'w.id', 'al.workerUserId')
    .where('al.endedOn', 'is', null)
    .where(visibleChildren(actor, now));
  if (scope.workerId !== undefined) query = query.where('al.workerUserId', '=', scope.workerId);
  if (scope.teamIds !== undefined) query = query.where('al.teamId', 'in', [...scope.teamIds]);
  return query;
}

const childName = sql<string>`person.given_name || ' ' || person.family_name`;

const emptyScope = (scope: DueScope): boolean => scope.teamIds?.length === 0;

export async function listOpenAssessmentsDue(db: Db, actor: Actor, now: Date, scope: DueScope): Promise<OpenAssessmentDue[]> {
  if (emptyScope(scope)) return [];
  const rows = await inScope(db, actor, now, scope)
    .innerJoin('assessment as a', 'a.childId', 'person.id')
    .where('a.status', '<>', 'authorised')
    .select([
      'person.id as childId',
      childName.as('childName'),
      't.name as teamName',
      'w.displayName as workerName',
      'a.id as assessmentId',
      'a.referredOn',
      'a.status',
    ])
    .orderBy('a.dueOn')
    .limit(500)
    .execute();
  return rows.map((r) => ({ ...r, status: r.status === 'awaiting_authorisation' ? 'awaiting_authorisation' : 'in_progress' }));
}

export async function listOpenNextStepsDue(db: Db, actor: Actor, now: Date, scope: DueScope): Promise<OpenNextStepDue[]> {
  if (emptyScope(scope)) return [];
  return inScope(db, actor, now, scope)
    .innerJoin('assessmentNextStep as n', 'n.childId', 'person.id')
    .where('n.status', '=', 'open')
    .select(['person.id as childId', childName.as('childName'), 't.name as teamName', 'w.displayName as workerName', 'n.assessmentId', 'n.kind', 'n.openedOn'])
    .orderBy('n.dueOn')
    .limit(500)
    .execute();
}
