// Queries for an unborn child's pre-birth plan: the plan's dates and FGC referral, the milestones
// recorded, and the birth record. The due dates are never stored (src/domain/pre-birth/timeline.ts).
import type { Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Trx = Transaction<Database>;

export interface PreBirthPlanRow {
  readonly pregnancyConfirmedOn: string | null;
  readonly previousProceedingsEndedOn: string | null;
  readonly fgcOutcome: 'referred' | 'declined' | null;
  readonly fgcDecidedOn: string | null;
  readonly fgcDeclinedReason: string | null;
  readonly version: number;
}

export interface MilestoneRow {
  readonly milestone: string;
  readonly outcome: 'done' | 'not_required';
  readonly happenedOn: string | null;
  readonly reason: string | null;
  readonly recordedByName: string | null;
  readonly recordedAt: Date;
}

export interface BirthRow {
  readonly bornOn: string;
  readonly timeOfBirth: string;
  readonly motherMedicallyFit: boolean;
  readonly expectedDateOfDelivery: string;
  readonly recordedByName: string | null;
  readonly recordedAt: Date;
}

export interface PreBirthPersonRow {
  readonly personType: 'child' | 'unborn' | 'adult';
  readonly givenName: string;
  readonly familyName: string;
  readonly dateOfBirth: string | null;
  readonly expectedDateOfDelivery: string | null;
  readonly gender: string;
  readonly nhsNumber: string | null;
  readonly version: number;
  readonly mergedIntoPersonId: string | null;
}

export async function findPreBirthPerson(trx: Trx, childId: string): Promise<PreBirthPersonRow | undefined> {
  return trx
    .selectFrom('person')
    .select(['personType', 'givenName', 'familyName', 'dateOfBirth', 'expectedDateOfDelivery', 'gender', 'nhsNumber', 'version', 'mergedIntoPersonId'])
    .where('id', '=', childId)
    .executeTakeFirst();
}

export async function findPreBirthPlan(trx: Trx, childId: string): Promise<PreBirthPlanRow | undefined> {
  return trx
    .selectFrom('preBirthPlan')
    .select(['pregnancyConfirmedOn', 'previousProceedingsEndedOn', 'fgcOutcome', 'fgcDecidedOn', 'fgcDeclinedReason', 'version'])
    .where('childId', '=', childId)
    .executeTakeFirst();
}

export async function listMilestones(trx: Trx, childId: string): Promise<MilestoneRow[]> {
  return trx
    .selectFrom('preBirthMilestone as m')
    .leftJoin('appUser as u', 'u.id', 'm.recordedByUserId')
    .select(['m.milestone', 'm.outcome', 'm.happenedOn', 'm.reason', 'u.displayName as recordedByName', 'm.recordedAt'])
    .where('m.childId', '=', childId)
    .execute();
}

export async function findBirthRecord(trx: Trx, childId: string): Promise<BirthRow | undefined> {
  return trx
    .selectFrom('birthRecord as b')
    .leftJoin('appUser as u', 'u.id', 'b.recordedByUserId')
    .select(['b.bornOn', 'b.timeOfBirth', 'b.motherMedicallyFit', 'b.expectedDateOfDelivery', 'u.displayName as recordedByName', 'b.recordedAt'])
    .where('b.childId', '=', childId)
    .executeTakeFirst();
}

/** Creates the plan row if there is none, and returns it (locked for this transaction). */
export async function lockPlan(trx: Trx, childId: string, userId: string, now: Date): Promise<PreBirthPlanRow> {
  await trx
    .insertInto('preBirthPlan')
    .values({ childId, updatedByUserId: userId, updatedAt: now })
    .onConflict((oc) => oc.column('childId').doNothing())
    .execute();
  return trx
    .selectFrom('preBirthPlan')
    .select(['pregnancyConfirmedOn', 'previousProceedingsEndedOn', 'fgcOutcome', 'fgcDecidedOn', 'fgcDeclinedReason', 'version'])
    .where('childId', '=', childId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function updatePlan(
  trx: Trx,
  childId: string,
  values: Partial<Pick<PreBirthPlanRow, 'pregnancyConfirmedOn' | 'previousProceedingsEndedOn' | 'fgcOutcome' | 'fgcDecidedOn' | 'fgcDeclinedReason'>>,
  userId: string,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('preBirthPlan')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updatedByUserId: userId, updatedAt: now }))
    .where('childId', '=', childId)
    .execute();
}

export async function findMilestone(trx: Trx, childId: string, milestone: string): Promise<MilestoneRow | undefined> {
  return (await listMilestones(trx, childId)).find((m) => m.milestone === milestone);
}

export async function upsertMilestone(
  trx: Trx,
  row: {
    childId: string;
    milestone: string;
    outcome: 'done' | 'not_required';
    happenedOn: string | null;
    reason: string | null;
    recordedByUserId: string;
    recordedAt: Date;
  },
): Promise<void> {
  await trx
    .insertInto('preBirthMilestone')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['childId', 'milestone'])
        .doUpdateSet({
          outcome: row.outcome,
          happenedOn: row.happenedOn,
          reason: row.reason,
          recordedByUserId: row.recordedByUserId,
          recordedAt: row.recordedAt,
        }),
    )
    .execute();
}

export async function upsertBirthRecord(
  trx: Trx,
  row: {
    childId: string;
    bornOn: string;
    timeOfBirth: string;
    motherMedicallyFit: boolean;
    expectedDateOfDelivery: string;
    recordedByUserId: string;
    now: Date;
  },
): Promise<void> {
  const { now, ...values } = row;
  await trx
    .insertInto('birthRecord')
    .values({ ...values, recordedAt: now, updatedAt: now })
    .onConflict((oc) =>
      oc.column('childId').doUpdateSet({ bornOn: row.bornOn, timeOfBirth: row.timeOfBirth, motherMedicallyFit: row.motherMedicallyFit, updatedAt: now }),
    )
    .execute();
}

/** The person becomes a child at birth: same id, so every record follows (domain-spec §4.3). The EDD is kept. */
export async function convertToChild(
  trx: Trx,
  childId: string,
  expectedVersion: number,
  values: { givenName: string; familyName: string; dateOfBirth: string; gender: string; nhsNumber: string | null },
  now: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable('person')
    .set((eb) => ({ ...values, personType: 'child', dateOfBirthEstimated: false, version: eb('version', '+', 1), updatedAt: now }))
    .where('id', '=', childId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * The latest strategy discussion convened for each of these children (the child protection module's
 * tables), for the week-20 prompt (PB-05): held, to be held, or none.
 */
export async function strategyDiscussionStates(trx: Trx, childIds: readonly string[]): Promise<Map<string, { id: string; status: 'to_be_held' | 'held' }>> {
  const out = new Map<string, { id: string; status: 'to_be_held' | 'held' }>();
  if (childIds.length === 0) return out;
  const rows = await trx
    .selectFrom('strategyDiscussionChild as sdc')
    .innerJoin('strategyDiscussion as sd', 'sd.id', 'sdc.strategyDiscussionId')
    .select(['sdc.childId', 'sd.id', 'sd.status'])
    .where('sdc.childId', 'in', childIds)
    .orderBy('sd.openedOn', 'desc')
    .orderBy('sd.createdAt', 'desc')
    .execute();
  for (const row of rows) if (!out.has(row.childId)) out.set(row.childId, { id: row.id, status: row.status });
  return out;
}
