// Young carers' needs assessments (migration 0018): started from a child's record, saved section by
// section with a version for stale saves, submitted, returned and authorised.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, YoungCarerStatusColumn } from '../schema.ts';

type Db = Transaction<Database> | Kysely<Database>;

export interface YoungCarerAssessmentRow {
  readonly id: string;
  readonly childId: string;
  readonly teamId: string;
  readonly teamName: string;
  readonly workerUserId: string;
  readonly workerName: string;
  readonly caredForPersonId: string | null;
  readonly caredForName: string;
  readonly caredForRelationship: string;
  readonly caredForIsAdult: boolean;
  readonly caredForNeeds: string[];
  readonly caringTasks: string[];
  readonly caringTasksDetail: string;
  readonly hoursPerWeek: number;
  readonly requestedOn: string;
  readonly requestedBy: string;
  readonly requestedByDetail: string;
  readonly dueOn: string;
  readonly status: YoungCarerStatusColumn;
  readonly youngCarerSeenOn: string | null;
  readonly caringRole: string;
  readonly appropriateness: string;
  readonly careAppropriate: string | null;
  readonly wishesToContinueCaring: string | null;
  readonly wellbeingImpact: string;
  readonly educationEmployment: string;
  readonly leisure: string;
  readonly youngCarerViews: string;
  readonly familyViews: string;
  readonly servicesForCaredFor: string;
  readonly needsIdentified: string;
  readonly outcomes: string[];
  readonly startedAt: Date;
  readonly updatedAt: Date;
  readonly submittedAt: Date | null;
  readonly submittedByName: string | null;
  readonly authorisedByName: string | null;
  readonly authorisedAt: Date | null;
  readonly authorisedOn: string | null;
  readonly managementComments: string | null;
  readonly workingDaysTaken: number | null;
  readonly authorisedWithinTimescale: boolean | null;
  readonly supportPlanReviewFrom: string | null;
  readonly supportPlanReviewDueOn: string | null;
  readonly supportPlanEndedOn: string | null;
  readonly version: number;
}

function assessmentQuery(db: Db) {
  return db
    .selectFrom('youngCarerAssessment as y')
    .innerJoin('team as t', 't.id', 'y.teamId')
    .innerJoin('appUser as w', 'w.id', 'y.workerUserId')
    .leftJoin('appUser as s', 's.id', 'y.submittedByUserId')
    .leftJoin('appUser as m', 'm.id', 'y.authorisedByUserId')
    .select([
      'y.id',
      'y.childId',
      'y.teamId',
      't.name as teamName',
      'y.workerUserId',
      'w.displayName as workerName',
      'y.caredForPersonId',
      'y.caredForName',
      'y.caredForRelationship',
      'y.caredForIsAdult',
      'y.caredForNeeds',
      'y.caringTasks',
      'y.caringTasksDetail',
      'y.hoursPerWeek',
      'y.requestedOn',
      'y.requestedBy',
      'y.requestedByDetail',
      'y.dueOn',
      'y.status',
      'y.youngCarerSeenOn',
      'y.caringRole',
      'y.appropriateness',
      'y.careAppropriate',
      'y.wishesToContinueCaring',
      'y.wellbeingImpact',
      'y.educationEmployment',
      'y.leisure',
      'y.youngCarerViews',
      'y.familyViews',
      'y.servicesForCaredFor',
      'y.needsIdentified',
      'y.outcomes',
      'y.startedAt',
      'y.updatedAt',
      'y.submittedAt',
      's.displayName as submittedByName',
      'm.displayName as authorisedByName',
      'y.authorisedAt',
      'y.authorisedOn',
      'y.managementComments',
      'y.workingDaysTaken',
      'y.authorisedWithinTimescale',
      'y.supportPlanReviewFrom',
      'y.supportPlanReviewDueOn',
      'y.supportPlanEndedOn',
      'y.version',
    ]);
}

/** One assessment of one child (undefined when the id is not this child's). */
export async function loadYoungCarerAssessment(db: Db, childId: string, id: string): Promise<YoungCarerAssessmentRow | undefined> {
  return assessmentQuery(db).where('y.id', '=', id).where('y.childId', '=', childId).executeTakeFirst();
}

export async function childIdOfYoungCarerAssessment(db: Db, id: string): Promise<string | undefined> {
  return (await db.selectFrom('youngCarerAssessment').select('childId').where('id', '=', id).executeTakeFirst())?.childId;
}

export async function listChildYoungCarerAssessments(db: Db, childId: string): Promise<YoungCarerAssessmentRow[]> {
  return assessmentQuery(db).where('y.childId', '=', childId).orderBy('y.requestedOn', 'desc').orderBy('y.startedAt', 'desc').execute();
}

export interface NewYoungCarerAssessment {
  readonly childId: string;
  readonly teamId: string;
  readonly workerUserId: string;
  readonly caredForPersonId: string | null;
  readonly caredForName: string;
  readonly caredForRelationship: string;
  readonly caredForIsAdult: boolean;
  readonly caredForNeeds: string[];
  readonly caringTasks: string[];
  readonly caringTasksDetail: string;
  readonly hoursPerWeek: number;
  readonly requestedOn: string;
  readonly requestedBy: string;
  readonly requestedByDetail: string;
  readonly dueOn: string;
  readonly startedByUserId: string;
  readonly startedAt: Date;
}

export async function insertYoungCarerAssessment(trx: Transaction<Database>, values: NewYoungCarerAssessment): Promise<string> {
  return (
    await trx
      .insertInto('youngCarerAssessment')
      .values({ ...values, updatedAt: values.startedAt })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export interface YoungCarerContentColumns {
  readonly youngCarerSeenOn: string | null;
  readonly caringRole: string;
  readonly appropriateness: string;
  readonly careAppropriate: string | null;
  readonly wishesToContinueCaring: string | null;
  readonly wellbeingImpact: string;
  readonly educationEmployment: string;
  readonly leisure: string;
  readonly youngCarerViews: string;
  readonly familyViews: string;
  readonly servicesForCaredFor: string;
  readonly needsIdentified: string;
  readonly outcomes: string[];
}

/** Saves the content of an assessment in progress at the expected version; false when stale or no longer in progress. */
export async function saveYoungCarerContent(
  trx: Transaction<Database>,
  id: string,
  expectedVersion: number,
  content: YoungCarerContentColumns,
  now: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable('youngCarerAssessment')
    .set({ ...content, updatedAt: now, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .where('status', '=', 'in_progress')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Moves the assessment between statuses at the expected version, setting the given columns. */
export async function transitionYoungCarerAssessment(
  trx: Transaction<Database>,
  id: string,
  expectedVersion: number,
  from: YoungCarerStatusColumn,
  to: YoungCarerStatusColumn,
  values: {
    submittedByUserId?: string;
    submittedAt?: Date;
    authorisedByUserId?: string;
    authorisedAt?: Date;
    authorisedOn?: string;
    managementComments?: string;
    workingDaysTaken?: number;
    authorisedWithinTimescale?: boolean;
    supportPlanReviewFrom?: string | null;
    supportPlanReviewDueOn?: string | null;
  },
  now: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable('youngCarerAssessment')
    .set({ ...values, status: to, updatedAt: now, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .where('status', '=', from)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function insertYoungCarerReturn(
  trx: Transaction<Database>,
  values: { youngCarerAssessmentId: string; returnedByUserId: string; returnedAt: Date; comments: string },
): Promise<string> {
  return (await trx.insertInto('youngCarerAssessmentReturn').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export interface YoungCarerReturnRow {
  readonly id: string;
  readonly returnedByName: string;
  readonly returnedAt: Date;
  readonly comments: string;
}

export async function listYoungCarerReturns(db: Db, id: string): Promise<YoungCarerReturnRow[]> {
  return db
    .selectFrom('youngCarerAssessmentReturn as r')
    .innerJoin('appUser as u', 'u.id', 'r.returnedByUserId')
    .select(['r.id', 'u.displayName as returnedByName', 'r.returnedAt', 'r.comments'])
    .where('r.youngCarerAssessmentId', '=', id)
    .orderBy('r.returnedAt', 'desc')
    .execute();
}

/** The team a new assessment belongs to: the child's current allocation, if any. */
export async function currentAllocationTeam(db: Db, childId: string): Promise<string | undefined> {
  return (
    await db
      .selectFrom('allocation')
      .select('teamId')
      .where('childId', '=', childId)
      .where('endedOn', 'is', null)
      .orderBy('startedOn', 'desc')
      .executeTakeFirst()
  )?.teamId;
}

/** Records a support plan review and moves the plan's next review on (or ends it), at the expected version. */
export async function recordPlanReview(
  trx: Transaction<Database>,
  id: string,
  expectedVersion: number,
  review: {
    childId: string;
    reviewedOn: string;
    dueOn: string;
    withinTimescale: boolean;
    summary: string;
    continueSupport: boolean;
    nextReviewDueOn: string | null;
    recordedByUserId: string;
    recordedAt: Date;
  },
): Promise<string | undefined> {
  const moved = await trx
    .updateTable('youngCarerAssessment')
    .set({
      supportPlanReviewFrom: review.continueSupport ? review.reviewedOn : null,
      supportPlanReviewDueOn: review.nextReviewDueOn,
      supportPlanEndedOn: review.continueSupport ? null : review.reviewedOn,
      updatedAt: review.recordedAt,
      version: sql<number>`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .where('status', '=', 'authorised')
    .where('supportPlanReviewDueOn', 'is not', null)
    .executeTakeFirst();
  if (moved.numUpdatedRows === 0n) return undefined;
  return (
    await trx
      .insertInto('youngCarerPlanReview')
      .values({ youngCarerAssessmentId: id, ...review })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export interface PlanReviewRow {
  readonly id: string;
  readonly reviewedOn: string;
  readonly dueOn: string;
  readonly withinTimescale: boolean;
  readonly summary: string;
  readonly continueSupport: boolean;
  readonly nextReviewDueOn: string | null;
  readonly recordedByName: string;
}

export async function listPlanReviews(db: Db, id: string): Promise<PlanReviewRow[]> {
  return db
    .selectFrom('youngCarerPlanReview as r')
    .innerJoin('appUser as u', 'u.id', 'r.recordedByUserId')
    .select(['r.id', 'r.reviewedOn', 'r.dueOn', 'r.withinTimescale', 'r.summary', 'r.continueSupport', 'r.nextReviewDueOn', 'u.displayName as recordedByName'])
    .where('r.youngCarerAssessmentId', '=', id)
    .orderBy('r.reviewedOn', 'desc')
    .execute();
}
