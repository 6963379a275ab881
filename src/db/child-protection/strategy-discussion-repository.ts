// Strategy discussions: the meeting, the children it is about (each with its own decision), and who
// took part. A group (complex) meeting has several children; each child's record shows it.
import type { Kysely, Transaction } from 'kysely';
import type { Database, StrategyDiscussionChildTable, StrategyDiscussionTable } from '../schema.ts';
import type { Selectable } from 'kysely';

type Db = Kysely<Database> | Transaction<Database>;

export type StrategyDiscussionRow = Selectable<StrategyDiscussionTable> & { readonly teamName: string };
export type StrategyDiscussionChildRow = Selectable<StrategyDiscussionChildTable> & { readonly givenName: string; readonly familyName: string };
export interface AttendeeRow {
  readonly position: number;
  readonly agency: string;
  readonly name: string;
  readonly role: string;
  readonly attended: boolean;
  readonly reportProvided: boolean;
  readonly reportSummary: string | null;
}

export interface NewStrategyDiscussion {
  readonly kind: 'initial' | 'review';
  readonly isGroup: boolean;
  readonly groupConcern: string | null;
  readonly teamId: string;
  readonly openedOn: string;
  readonly urgent: boolean;
  readonly dueOn: string;
  readonly createdByUserId: string | null;
  readonly createdAt: Date;
}

export interface NewDiscussionChild {
  readonly childId: string;
  readonly sourceKind: StrategyDiscussionChildTable['sourceKind'];
  readonly referralId: string | null;
  readonly assessmentId: string | null;
  /** The primary need recorded when convened from the child's record (migration 0026). */
  readonly initialPrimaryNeed?: string | null;
  readonly addedByUserId: string | null;
  readonly addedAt: Date;
}

export async function insertStrategyDiscussion(trx: Transaction<Database>, discussion: NewStrategyDiscussion, child: NewDiscussionChild): Promise<string> {
  const row = await trx.insertInto('strategyDiscussion').values(discussion).returning('id').executeTakeFirstOrThrow();
  await addDiscussionChild(trx, row.id, child);
  return row.id;
}

export async function addDiscussionChild(trx: Transaction<Database>, strategyDiscussionId: string, child: NewDiscussionChild): Promise<void> {
  await trx
    .insertInto('strategyDiscussionChild')
    .values({ strategyDiscussionId, ...child })
    .execute();
}

export async function loadStrategyDiscussion(db: Db, id: string): Promise<StrategyDiscussionRow | undefined> {
  return db
    .selectFrom('strategyDiscussion as d')
    .innerJoin('team as t', 't.id', 'd.teamId')
    .selectAll('d')
    .select('t.name as teamName')
    .where('d.id', '=', id)
    .executeTakeFirst();
}

/** Locks the discussion for a change, so two people recording it take turns. */
export async function lockStrategyDiscussion(trx: Transaction<Database>, id: string): Promise<{ status: 'to_be_held' | 'held'; version: number } | undefined> {
  return trx.selectFrom('strategyDiscussion').select(['status', 'version']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function discussionChildren(db: Db, id: string): Promise<StrategyDiscussionChildRow[]> {
  return db
    .selectFrom('strategyDiscussionChild as c')
    .innerJoin('person as p', 'p.id', 'c.childId')
    .selectAll('c')
    .select(['p.givenName', 'p.familyName'])
    .where('c.strategyDiscussionId', '=', id)
    .orderBy('c.addedAt')
    .orderBy('p.familyName')
    .execute();
}

export async function discussionAttendees(db: Db, id: string): Promise<AttendeeRow[]> {
  return db
    .selectFrom('strategyDiscussionAttendee')
    .select(['position', 'agency', 'name', 'role', 'attended', 'reportProvided', 'reportSummary'])
    .where('strategyDiscussionId', '=', id)
    .orderBy('position')
    .execute();
}

export interface HeldDiscussionValues {
  readonly heldOn: string;
  readonly format: 'discussion' | 'meeting';
  readonly chairName: string;
  readonly mashChecksConsidered: boolean;
  readonly mashChecksSummary: string | null;
  readonly recordedByUserId: string;
  readonly recordedAt: Date;
}

/** Marks the discussion held, if it is still at `version`; false when someone else changed it first. */
export async function markDiscussionHeld(trx: Transaction<Database>, id: string, version: number, values: HeldDiscussionValues): Promise<boolean> {
  const result = await trx
    .updateTable('strategyDiscussion')
    .set({ ...values, status: 'held', version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'to_be_held')
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function insertAttendees(
  trx: Transaction<Database>,
  id: string,
  attendees: readonly { agency: string; name: string; role: string; attended: boolean; reportSummary: string | null }[],
): Promise<void> {
  if (attendees.length === 0) return;
  await trx
    .insertInto('strategyDiscussionAttendee')
    .values(
      attendees.map((a, i) => ({
        strategyDiscussionId: id,
        position: i + 1,
        agency: a.agency,
        name: a.name,
        role: a.role,
        attended: a.attended,
        reportProvided: a.reportSummary !== null,
        reportSummary: a.reportSummary,
      })),
    )
    .execute();
}

export async function recordChildDecision(
  trx: Transaction<Database>,
  id: string,
  childId: string,
  decision: Pick<StrategyDiscussionChildTable, 'decision' | 'decisionReason' | 'safetyPlan' | 'interimLiving' | 'abeInterviewNeeded' | 'paediatricExamNeeded'>,
): Promise<void> {
  await trx.updateTable('strategyDiscussionChild').set(decision).where('strategyDiscussionId', '=', id).where('childId', '=', childId).execute();
}

export interface ChildDiscussionRow {
  readonly id: string;
  readonly kind: 'initial' | 'review';
  readonly isGroup: boolean;
  readonly status: 'to_be_held' | 'held';
  readonly openedOn: string;
  readonly urgent: boolean;
  readonly dueOn: string;
  readonly heldOn: string | null;
  readonly decision: StrategyDiscussionChildTable['decision'];
  readonly sourceKind: StrategyDiscussionChildTable['sourceKind'];
  readonly childCount: number;
}

/** A child's strategy discussions, newest first, with how many children each was about. */
export async function discussionsForChild(db: Db, childId: string): Promise<ChildDiscussionRow[]> {
  const rows = await db
    .selectFrom('strategyDiscussionChild as c')
    .innerJoin('strategyDiscussion as d', 'd.id', 'c.strategyDiscussionId')
    .select((eb) => [
      'd.id',
      'd.kind',
      'd.isGroup',
      'd.status',
      'd.openedOn',
      'd.urgent',
      'd.dueOn',
      'd.heldOn',
      'c.decision',
      'c.sourceKind',
      eb
        .selectFrom('strategyDiscussionChild as o')
        .select((o) => o.fn.countAll<string>().as('n'))
        .whereRef('o.strategyDiscussionId', '=', 'd.id')
        .as('childCount'),
    ])
    .where('c.childId', '=', childId)
    .orderBy('d.openedOn', 'desc')
    .orderBy('d.createdAt', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, childCount: Number(r.childCount ?? 1) }));
}

export async function discussionForReferral(db: Db, referralId: string): Promise<string | undefined> {
  const row = await db.selectFrom('strategyDiscussionChild').select('strategyDiscussionId').where('referralId', '=', referralId).executeTakeFirst();
  return row?.strategyDiscussionId;
}

export async function findPersonIdByNhsNumber(db: Db, nhsNumber: string): Promise<string | undefined> {
  const row = await db.selectFrom('person').select('id').where('nhsNumber', '=', nhsNumber).where('mergedIntoPersonId', 'is', null).executeTakeFirst();
  return row?.id;
}

export async function isChildPerson(db: Db, personId: string): Promise<boolean> {
  const row = await db.selectFrom('person').select('personType').where('id', '=', personId).executeTakeFirst();
  return row !== undefined && row.personType !== 'adult';
}

export async function currentAllocationTeam(db: Db, childId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('allocation')
    .select('teamId')
    .where('childId', '=', childId)
    .where('endedOn', 'is', null)
    .orderBy('startedOn', 'desc')
    .executeTakeFirst();
  return row?.teamId;
}

export interface StrategyReferral {
  readonly id: string;
  readonly childId: string;
  readonly purpose: 'assessment' | 'strategy_discussion';
  readonly referredOn: string;
  readonly teamId: string;
  readonly teamName: string;
  readonly allocatedWorkerUserId: string | null;
}

/** A MASH referral (0008_front_door.sql), as far as convening its strategy discussion needs. */
export async function loadStrategyReferral(db: Db, referralId: string): Promise<StrategyReferral | undefined> {
  return db
    .selectFrom('referral as r')
    .innerJoin('team as t', 't.id', 'r.teamId')
    .select(['r.id', 'r.childId', 'r.purpose', 'r.referredOn', 'r.teamId', 't.name as teamName', 'r.allocatedWorkerUserId'])
    .where('r.id', '=', referralId)
    .executeTakeFirst();
}

export interface OpenGroupMeeting {
  readonly id: string;
  readonly groupConcern: string | null;
  readonly openedOn: string;
  readonly dueOn: string;
  readonly teamName: string;
}

/** Group meetings still to be held, in the given teams (every team when null), that `childId` is not already in. */
export async function openGroupMeetings(db: Db, teamIds: readonly string[] | null, childId: string): Promise<OpenGroupMeeting[]> {
  if (teamIds !== null && teamIds.length === 0) return [];
  let query = db
    .selectFrom('strategyDiscussion as d')
    .innerJoin('team as t', 't.id', 'd.teamId')
    .select(['d.id', 'd.groupConcern', 'd.openedOn', 'd.dueOn', 't.name as teamName'])
    .where('d.isGroup', '=', true)
    .where('d.status', '=', 'to_be_held')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('strategyDiscussionChild as c').select('c.childId').whereRef('c.strategyDiscussionId', '=', 'd.id').where('c.childId', '=', childId),
        ),
      ),
    );
  if (teamIds !== null) query = query.where('d.teamId', 'in', teamIds);
  return query.orderBy('d.dueOn').limit(50).execute();
}
