// Child in need episodes, plans, plan versions and reviews (migration 0010).
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { PlanAction, PlanContent, PlanOutcome } from '../../domain/child-in-need/plan.ts';
import type { Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface PlanRow {
  readonly id: string;
  readonly episodeId: string;
  readonly childId: string;
  readonly assessmentId: string | null;
  readonly teamId: string;
  readonly teamName: string;
  readonly workerUserId: string | null;
  readonly workerName: string | null;
  readonly status: 'draft' | 'active' | 'ended';
  readonly openedOn: string;
  readonly agreedOn: string | null;
  readonly lastReviewedOn: string | null;
  readonly lastProgressReviewOn: string | null;
  readonly endedOn: string | null;
  readonly version: number;
  readonly episodeStartedOn: string;
  readonly closedOn: string | null;
  readonly closureReason: string | null;
}

export interface PlanVersionRow extends PlanContent {
  readonly id: string;
  readonly number: number;
  readonly status: 'draft' | 'finalised' | 'superseded';
  readonly qualityFlags: readonly string[] | null;
  readonly reviewId: string | null;
  readonly finalisedOn: string | null;
  readonly finalisedByName: string | null;
  readonly updatedAt: Date;
}

export interface ReviewRow {
  readonly id: string;
  readonly heldOn: string;
  readonly attendance: string;
  readonly childViews: string;
  readonly progress: string;
  readonly progressAssessment: boolean;
  readonly decision: 'continue' | 'step_up' | 'step_down' | 'close';
  readonly planUpdated: boolean;
  readonly recordedByName: string;
  readonly recordedAt: Date;
  /** What the decision opened (0019): a strategy discussion, or a referral to early help. */
  readonly strategyDiscussionId: string | null;
  readonly earlyHelpReferralId: string | null;
}

function outcomesOf(value: unknown): PlanOutcome[] {
  if (!Array.isArray(value)) return [];
  return value.map((o: unknown) => {
    const r = (o ?? {}) as Record<string, unknown>;
    return { outcome: typeof r['outcome'] === 'string' ? r['outcome'] : '', measure: typeof r['measure'] === 'string' ? r['measure'] : '' };
  });
}

function actionsOf(value: unknown): PlanAction[] {
  if (!Array.isArray(value)) return [];
  return value.map((a: unknown) => {
    const r = (a ?? {}) as Record<string, unknown>;
    return {
      action: typeof r['action'] === 'string' ? r['action'] : '',
      owner: typeof r['owner'] === 'string' ? r['owner'] : '',
      dueOn: typeof r['dueOn'] === 'string' ? r['dueOn'] : '',
    };
  });
}

export async function findOpenEpisode(db: Db, childId: string): Promise<{ id: string; startedOn: string } | undefined> {
  return db.selectFrom('cinEpisode').select(['id', 'startedOn']).where('childId', '=', childId).where('closedOn', 'is', null).executeTakeFirst();
}

export async function insertEpisode(trx: Transaction<Database>, values: { childId: string; startedOn: string; assessmentId: string | null }): Promise<string> {
  const row = await trx.insertInto('cinEpisode').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findOpenPlanId(db: Db, childId: string): Promise<string | undefined> {
  const row = await db.selectFrom('cinPlan').select('id').where('childId', '=', childId).where('status', '<>', 'ended').executeTakeFirst();
  return row?.id;
}

/** The child's child in need plans not yet ended (draft or active), locked for update. */
export async function lockOpenPlans(trx: Transaction<Database>, childId: string): Promise<{ id: string; openedOn: string; version: number; status: 'draft' | 'active' | 'ended' }[]> {
  return trx
    .selectFrom('cinPlan')
    .select(['id', 'openedOn', 'version', 'status'])
    .where('childId', '=', childId)
    .where('status', '<>', 'ended')
    .orderBy('openedOn')
    .forUpdate()
    .execute();
}

export async function insertPlan(
  trx: Transaction<Database>,
  values: {
    episodeId: string;
    childId: string;
    assessmentId: string | null;
    teamId: string;
    workerUserId: string | null;
    openedOn: string;
    initialPrimaryNeed: string | null;
    createdByUserId: string | null;
  },
  now: Date,
): Promise<string> {
  const plan = await trx.insertInto('cinPlan').values(values).returning('id').executeTakeFirstOrThrow();
  await trx.insertInto('cinPlanVersion').values({ planId: plan.id, number: 1, outcomes: '[]', actions: '[]', updatedAt: now }).execute();
  return plan.id;
}

const planColumns = [
  'cinPlan.id',
  'cinPlan.episodeId',
  'cinPlan.childId',
  'cinPlan.assessmentId',
  'cinPlan.teamId',
  'team.name as teamName',
  'cinPlan.workerUserId',
  'appUser.displayName as workerName',
  'cinPlan.status',
  'cinPlan.openedOn',
  'cinPlan.agreedOn',
  'cinPlan.lastReviewedOn',
  'cinPlan.lastProgressReviewOn',
  'cinPlan.endedOn',
  'cinPlan.version',
  'cinEpisode.startedOn as episodeStartedOn',
  'cinEpisode.closedOn',
  'cinEpisode.closureReason',
] as const;

function planQuery(db: Db) {
  return db
    .selectFrom('cinPlan')
    .innerJoin('team', 'team.id', 'cinPlan.teamId')
    .innerJoin('cinEpisode', 'cinEpisode.id', 'cinPlan.episodeId')
    .leftJoin('appUser', 'appUser.id', 'cinPlan.workerUserId')
    .select(planColumns);
}

export async function findPlan(db: Db, childId: string, planId: string): Promise<PlanRow | undefined> {
  return planQuery(db).where('cinPlan.id', '=', planId).where('cinPlan.childId', '=', childId).executeTakeFirst();
}

/** Locks the plan row for a change (no lost updates between two reviews). */
export async function lockPlan(trx: Transaction<Database>, childId: string, planId: string): Promise<PlanRow | undefined> {
  return planQuery(trx).where('cinPlan.id', '=', planId).where('cinPlan.childId', '=', childId).forUpdate('cinPlan').executeTakeFirst();
}

export async function listPlans(db: Db, childId: string): Promise<PlanRow[]> {
  return planQuery(db).where('cinPlan.childId', '=', childId).orderBy('cinPlan.openedOn', 'desc').orderBy('cinPlan.createdAt', 'desc').execute();
}

export async function listVersions(db: Db, planId: string): Promise<PlanVersionRow[]> {
  const rows = await db
    .selectFrom('cinPlanVersion')
    .leftJoin('appUser', 'appUser.id', 'cinPlanVersion.finalisedByUserId')
    .select([
      'cinPlanVersion.id',
      'cinPlanVersion.number',
      'cinPlanVersion.status',
      'cinPlanVersion.outcomes',
      'cinPlanVersion.actions',
      'cinPlanVersion.contingency',
      'cinPlanVersion.childViews',
      'cinPlanVersion.qualityFlags',
      'cinPlanVersion.reviewId',
      'cinPlanVersion.finalisedOn',
      'appUser.displayName as finalisedByName',
      'cinPlanVersion.updatedAt',
    ])
    .where('cinPlanVersion.planId', '=', planId)
    .orderBy('cinPlanVersion.number', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, outcomes: outcomesOf(r.outcomes), actions: actionsOf(r.actions) }));
}

export async function listReviews(db: Db, planId: string): Promise<ReviewRow[]> {
  return db
    .selectFrom('cinReview')
    .innerJoin('appUser', 'appUser.id', 'cinReview.recordedByUserId')
    .leftJoin('earlyHelpReferral', 'earlyHelpReferral.cinReviewId', 'cinReview.id')
    .select([
      'cinReview.id',
      'cinReview.heldOn',
      'cinReview.attendance',
      'cinReview.childViews',
      'cinReview.progress',
      'cinReview.progressAssessment',
      'cinReview.decision',
      'cinReview.planUpdated',
      'appUser.displayName as recordedByName',
      'cinReview.recordedAt',
      'cinReview.strategyDiscussionId',
      'earlyHelpReferral.id as earlyHelpReferralId',
    ])
    .where('cinReview.planId', '=', planId)
    .orderBy('cinReview.heldOn', 'desc')
    .orderBy('cinReview.recordedAt', 'desc')
    .execute();
}

/** Bumps the plan's version if it is still `expected`; false when someone else changed it first. */
export async function bumpPlanVersion(
  trx: Transaction<Database>,
  planId: string,
  expected: number,
  changes: Partial<{ status: 'draft' | 'active' | 'ended'; agreedOn: string; lastReviewedOn: string; lastProgressReviewOn: string; endedOn: string }> = {},
): Promise<boolean> {
  const result = await trx
    .updateTable('cinPlan')
    .set({ ...changes, version: sql<number>`version + 1` })
    .where('id', '=', planId)
    .where('version', '=', expected)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function updateDraftVersion(trx: Transaction<Database>, versionId: string, content: PlanContent, now: Date): Promise<void> {
  await trx
    .updateTable('cinPlanVersion')
    .set({
      outcomes: JSON.stringify(content.outcomes),
      actions: JSON.stringify(content.actions),
      contingency: content.contingency,
      childViews: content.childViews,
      updatedAt: now,
    })
    .where('id', '=', versionId)
    .where('status', '=', 'draft')
    .execute();
}

export async function finaliseVersion(
  trx: Transaction<Database>,
  planId: string,
  versionId: string,
  values: { finalisedOn: string; finalisedByUserId: string; qualityFlags: readonly string[] },
  now: Date,
): Promise<void> {
  await trx
    .updateTable('cinPlanVersion')
    .set({ status: 'superseded', updatedAt: now })
    .where('planId', '=', planId)
    .where('status', '=', 'finalised')
    .execute();
  await trx
    .updateTable('cinPlanVersion')
    .set({
      status: 'finalised',
      finalisedOn: values.finalisedOn,
      finalisedAt: now,
      finalisedByUserId: values.finalisedByUserId,
      qualityFlags: [...values.qualityFlags],
      updatedAt: now,
    })
    .where('id', '=', versionId)
    .execute();
}

export async function insertReview(
  trx: Transaction<Database>,
  values: {
    planId: string;
    heldOn: string;
    attendance: string;
    childViews: string;
    progress: string;
    progressAssessment: boolean;
    decision: 'continue' | 'step_up' | 'step_down' | 'close';
    planUpdated: boolean;
    recordedByUserId: string;
    recordedAt: Date;
  },
): Promise<string> {
  const row = await trx.insertInto('cinReview').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The strategy discussion a step-up decision opened (0019). */
export async function linkReviewToStrategyDiscussion(trx: Transaction<Database>, reviewId: string, strategyDiscussionId: string): Promise<void> {
  await trx.updateTable('cinReview').set({ strategyDiscussionId }).where('id', '=', reviewId).execute();
}

/** A referral to targeted early help whose origin is a review's step-down decision (0019). */
export async function insertReviewStepDownReferral(
  trx: Transaction<Database>,
  values: { cinReviewId: string; childId: string; referredOn: string; needLevel: number; familyConsent: boolean; createdAt: Date },
): Promise<string> {
  const row = await trx.insertInto('earlyHelpReferral').values({ ...values, contactId: null, assessmentId: null }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertDraftVersion(
  trx: Transaction<Database>,
  planId: string,
  number: number,
  content: PlanContent,
  reviewId: string | null,
  now: Date,
): Promise<string> {
  const row = await trx
    .insertInto('cinPlanVersion')
    .values({
      planId,
      number,
      outcomes: JSON.stringify(content.outcomes),
      actions: JSON.stringify(content.actions),
      contingency: content.contingency,
      childViews: content.childViews,
      reviewId,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function closeEpisode(
  trx: Transaction<Database>,
  episodeId: string,
  values: { closedOn: string; closureReason: string; closedByUserId: string },
  now: Date,
): Promise<void> {
  await trx
    .updateTable('cinEpisode')
    .set({ ...values, closedAt: now })
    .where('id', '=', episodeId)
    .where('closedOn', 'is', null)
    .execute();
}

export async function findOpenAllocation(db: Db, childId: string): Promise<{ teamId: string; workerUserId: string | null } | undefined> {
  return db.selectFrom('allocation').select(['teamId', 'workerUserId']).where('childId', '=', childId).where('endedOn', 'is', null).executeTakeFirst();
}
