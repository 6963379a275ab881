// The records a MASH decision starts: social care referrals (in their team's queue until allocated to
// a worker) and early help referrals; and the allocation a team manager makes.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Actor } from '../../domain/shared/access/actor.ts';
import type { ReferralPurpose } from '../../domain/front-door/mash-decision.ts';
import type { Database } from '../schema.ts';
import { visibleChildren } from '../shared/visibility.ts';

type Db = Transaction<Database> | Kysely<Database>;

export async function insertReferrals(
  trx: Transaction<Database>,
  rows: readonly { contactId: string; childId: string; purpose: ReferralPurpose; referralSource: string; referredOn: string; primaryNeed: string | null; teamId: string; createdAt: Date }[],
): Promise<{ id: string; childId: string }[]> {
  if (rows.length === 0) return [];
  return trx.insertInto('referral').values([...rows]).returning(['id', 'childId']).execute();
}

export async function insertEarlyHelpReferrals(
  trx: Transaction<Database>,
  rows: readonly { contactId: string; childId: string; referredOn: string; needLevel: number; familyConsent: boolean; createdAt: Date }[],
): Promise<{ id: string; childId: string }[]> {
  if (rows.length === 0) return [];
  return trx.insertInto('earlyHelpReferral').values([...rows]).returning(['id', 'childId']).execute();
}

/**
 * Puts the child with the referral's team: the open allocation is ended today and a team allocation
 * (no worker yet) starts, unless the child is already with that team.
 */
export async function allocateToTeam(trx: Transaction<Database>, childId: string, teamId: string, today: string): Promise<{ changed: boolean }> {
  const open = await trx.selectFrom('allocation').select(['id', 'teamId']).where('childId', '=', childId).where('endedOn', 'is', null).forUpdate().executeTakeFirst();
  if (open?.teamId === teamId) return { changed: false };
  if (open !== undefined) await trx.updateTable('allocation').set({ endedOn: today }).where('id', '=', open.id).execute();
  await trx.insertInto('allocation').values({ childId, teamId, workerUserId: null, startedOn: today }).execute();
  return { changed: true };
}

/** Allocates the child to a worker in the team: ends the open allocation and starts a new one. */
export async function allocateToWorker(trx: Transaction<Database>, childId: string, teamId: string, workerUserId: string, today: string): Promise<string> {
  const open = await trx.selectFrom('allocation').select(['id']).where('childId', '=', childId).where('endedOn', 'is', null).forUpdate().executeTakeFirst();
  if (open !== undefined) await trx.updateTable('allocation').set({ endedOn: today }).where('id', '=', open.id).execute();
  const row = await trx.insertInto('allocation').values({ childId, teamId, workerUserId, startedOn: today }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export interface ReferralRow {
  readonly id: string;
  readonly contactId: string;
  readonly reference: string;
  readonly childId: string;
  readonly childName: string;
  readonly childDateOfBirth: string | null;
  readonly purpose: ReferralPurpose;
  readonly referralSource: string;
  readonly referredOn: string;
  readonly teamId: string;
  readonly teamName: string;
  readonly status: 'awaiting_allocation' | 'allocated';
  readonly workerName: string | null;
  readonly allocatedAt: Date | null;
  readonly needLevel: number | null;
  readonly version: number;
  readonly allocatedWorkerUserId: string | null;
  /** The strategy discussion convened from this referral, if any (src/app/child-protection/convene-strategy-discussion.ts). */
  readonly strategyDiscussionId: string | null;
}

function referralQuery(db: Db) {
  return db
    .selectFrom('referral as r')
    .innerJoin('contact as c', 'c.id', 'r.contactId')
    .innerJoin('person', 'person.id', 'r.childId')
    .innerJoin('team as t', 't.id', 'r.teamId')
    .leftJoin('appUser as w', 'w.id', 'r.allocatedWorkerUserId')
    .select([
      'r.id', 'r.contactId', 'c.reference', 'r.childId',
      sql<string>`person.given_name || ' ' || person.family_name`.as('childName'),
      'person.dateOfBirth as childDateOfBirth',
      'r.purpose', 'r.referralSource', 'r.referredOn', 'r.teamId', 't.name as teamName', 'r.status',
      'w.displayName as workerName', 'r.allocatedAt', 'c.needLevel', 'r.version',
      'r.allocatedWorkerUserId',
      (eb) => eb.selectFrom('strategyDiscussionChild as sdc').select('sdc.strategyDiscussionId').whereRef('sdc.referralId', '=', 'r.id').limit(1).as('strategyDiscussionId'),
    ]);
}

/** Referrals in the given teams (all teams when null), visible to the actor, awaiting allocation first. */
export async function listReferrals(db: Db, actor: Actor, now: Date, scope: { teamIds: readonly string[] | null; status: 'awaiting_allocation' | 'allocated' }, limit = 300): Promise<ReferralRow[]> {
  let query = referralQuery(db).where('r.status', '=', scope.status).where(visibleChildren(actor, now));
  if (scope.teamIds !== null) {
    if (scope.teamIds.length === 0) return [];
    query = query.where('r.teamId', 'in', scope.teamIds);
  }
  return query.orderBy('r.referredOn', scope.status === 'awaiting_allocation' ? 'asc' : 'desc').orderBy('r.createdAt').limit(limit).execute();
}

export async function loadReferral(db: Db, referralId: string): Promise<ReferralRow | undefined> {
  return referralQuery(db).where('r.id', '=', referralId).executeTakeFirst();
}

export async function markReferralAllocated(
  trx: Transaction<Database>,
  referralId: string,
  expectedVersion: number,
  values: { allocatedWorkerUserId: string; allocatedByUserId: string; allocatedAt: Date; allocationId: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('referral')
    .set({ ...values, status: 'allocated', version: sql<number>`version + 1` })
    .where('id', '=', referralId)
    .where('version', '=', expectedVersion)
    .where('status', '=', 'awaiting_allocation')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface EarlyHelpReferralRow {
  readonly id: string;
  /** The MASH contact it came from, or null for a step-down from an assessment (migration 0009). */
  readonly contactId: string | null;
  readonly reference: string | null;
  readonly assessmentId: string | null;
  readonly childId: string;
  readonly childName: string;
  readonly childDateOfBirth: string | null;
  readonly referredOn: string;
  readonly needLevel: number;
  readonly status: 'awaiting_allocation';
}

export async function listEarlyHelpReferrals(db: Db, actor: Actor, now: Date, limit = 300): Promise<EarlyHelpReferralRow[]> {
  return db
    .selectFrom('earlyHelpReferral as e')
    .leftJoin('contact as c', 'c.id', 'e.contactId')
    .innerJoin('person', 'person.id', 'e.childId')
    .select([
      'e.id', 'e.contactId', 'c.reference', 'e.assessmentId', 'e.childId',
      sql<string>`person.given_name || ' ' || person.family_name`.as('childName'),
      'person.dateOfBirth as childDateOfBirth', 'e.referredOn', 'e.needLevel', 'e.status',
    ])
    .where(visibleChildren(actor, now))
    .orderBy('e.referredOn')
    .orderBy('e.createdAt')
    .limit(limit)
    .execute();
}

/** Locks the referral for the rest of the transaction: concurrent allocations of it take turns. */
export async function lockReferral(trx: Transaction<Database>, referralId: string): Promise<{ status: 'awaiting_allocation' | 'allocated'; version: number } | undefined> {
  return trx.selectFrom('referral').select(['status', 'version']).where('id', '=', referralId).forUpdate().executeTakeFirst();
}
