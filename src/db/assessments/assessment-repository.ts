// Child and family assessments (migration 0009): started from an allocated referral, saved section by
// section with a version for stale saves, submitted, returned and authorised.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { AssessmentOutcomeColumn, AssessmentStatusColumn, Database } from '../schema.ts';

type Db = Transaction<Database> | Kysely<Database>;

export interface AssessmentRow {
  readonly id: string;
  readonly childId: string;
  readonly referralId: string;
  readonly teamId: string;
  readonly teamName: string;
  readonly workerUserId: string;
  readonly workerName: string;
  readonly referredOn: string;
  readonly dueOn: string;
  readonly status: AssessmentStatusColumn;
  readonly planningChecklist: string[];
  readonly planningNotes: string;
  readonly childDevelopment: string;
  readonly parentingCapacity: string;
  readonly familyEnvironment: string;
  readonly childVoice: string;
  readonly strengths: string;
  readonly worries: string;
  readonly analysis: string;
  readonly letterToChild: string;
  readonly childSeenOn: string | null;
  readonly childSeenAloneOn: string | null;
  readonly notSeenAloneReason: string | null;
  readonly factors: string[];
  readonly primaryNeed: string | null;
  readonly startedAt: Date;
  readonly updatedAt: Date;
  readonly submittedAt: Date | null;
  readonly submittedByName: string | null;
  readonly outcome: AssessmentOutcomeColumn | null;
  readonly outcomeRationale: string | null;
  readonly specialistService: string | null;
  readonly familyConsent: boolean | null;
  readonly authorisedByName: string | null;
  readonly authorisedAt: Date | null;
  readonly authorisedOn: string | null;
  readonly workingDaysTaken: number | null;
  readonly authorisedWithinTimescale: boolean | null;
  readonly version: number;
}

function assessmentQuery(db: Db) {
  return db
    .selectFrom('assessment as a')
    .innerJoin('team as t', 't.id', 'a.teamId')
    .innerJoin('appUser as w', 'w.id', 'a.workerUserId')
    .leftJoin('appUser as s', 's.id', 'a.submittedByUserId')
    .leftJoin('appUser as m', 'm.id', 'a.authorisedByUserId')
    .select([
      'a.id',
      'a.childId',
      'a.referralId',
      'a.teamId',
      't.name as teamName',
      'a.workerUserId',
      'w.displayName as workerName',
      'a.referredOn',
      'a.dueOn',
      'a.status',
      'a.planningChecklist',
      'a.planningNotes',
      'a.childDevelopment',
      'a.parentingCapacity',
      'a.familyEnvironment',
      'a.childVoice',
      'a.strengths',
      'a.worries',
      'a.analysis',
      'a.letterToChild',
      'a.childSeenOn',
      'a.childSeenAloneOn',
      'a.notSeenAloneReason',
      'a.factors',
      'a.primaryNeed',
      'a.startedAt',
      'a.updatedAt',
      'a.submittedAt',
      's.displayName as submittedByName',
      'a.outcome',
      'a.outcomeRationale',
      'a.specialistService',
      'a.familyConsent',
      'm.displayName as authorisedByName',
      'a.authorisedAt',
      'a.authorisedOn',
      'a.workingDaysTaken',
      'a.authorisedWithinTimescale',
      'a.version',
    ]);
}

/** One assessment of one child (undefined when the id is not this child's assessment). */
export async function loadAssessment(db: Db, childId: string, assessmentId: string): Promise<AssessmentRow | undefined> {
  return assessmentQuery(db).where('a.id', '=', assessmentId).where('a.childId', '=', childId).executeTakeFirst();
}

export async function childIdOfAssessment(db: Db, assessmentId: string): Promise<string | undefined> {
  return (await db.selectFrom('assessment').select('childId').where('id', '=', assessmentId).executeTakeFirst())?.childId;
}

export async function childIdOfReferral(db: Db, referralId: string): Promise<string | undefined> {
  return (await db.selectFrom('referral').select('childId').where('id', '=', referralId).executeTakeFirst())?.childId;
}

export async function listChildAssessments(db: Db, childId: string): Promise<AssessmentRow[]> {
  return assessmentQuery(db).where('a.childId', '=', childId).orderBy('a.referredOn', 'desc').orderBy('a.startedAt', 'desc').execute();
}

export async function assessmentIdForReferral(db: Db, referralId: string): Promise<string | undefined> {
  return (await db.selectFrom('assessment').select('id').where('referralId', '=', referralId).executeTakeFirst())?.id;
}

export interface NewAssessment {
  readonly childId: string;
  readonly referralId: string;
  readonly teamId: string;
  readonly workerUserId: string;
  readonly referredOn: string;
  readonly dueOn: string;
  readonly startedByUserId: string;
  readonly startedAt: Date;
}

/** Inserts the assessment; undefined when the referral already has one (a concurrent start). */
export async function insertAssessment(trx: Transaction<Database>, values: NewAssessment): Promise<string | undefined> {
  const row = await trx
    .insertInto('assessment')
    .values({ ...values, updatedAt: values.startedAt })
    .onConflict((oc) => oc.column('referralId').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export interface AssessmentContentColumns {
  readonly planningChecklist: string[];
  readonly planningNotes: string;
  readonly childDevelopment: string;
  readonly parentingCapacity: string;
  readonly familyEnvironment: string;
  readonly childVoice: string;
  readonly strengths: string;
  readonly worries: string;
  readonly analysis: string;
  readonly letterToChild: string;
  readonly childSeenOn: string | null;
  readonly childSeenAloneOn: string | null;
  readonly notSeenAloneReason: string | null;
  readonly factors: string[];
  readonly primaryNeed: string | null;
}

/** Saves the content of an assessment in progress at the expected version; false when stale or no longer in progress. */
export async function saveAssessmentContent(
  trx: Transaction<Database>,
  assessmentId: string,
  expectedVersion: number,
  content: AssessmentContentColumns,
  now: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable('assessment')
    .set({ ...content, updatedAt: now, version: sql<number>`version + 1` })
    .where('id', '=', assessmentId)
    .where('version', '=', expectedVersion)
    .where('status', '=', 'in_progress')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Moves the assessment between statuses at the expected version, setting the given columns. */
export async function transitionAssessment(
  trx: Transaction<Database>,
  assessmentId: string,
  expectedVersion: number,
  from: AssessmentStatusColumn,
  to: AssessmentStatusColumn,
  values: {
    submittedByUserId?: string;
    submittedAt?: Date;
    outcome?: AssessmentOutcomeColumn;
    outcomeRationale?: string;
    specialistService?: string | null;
    familyConsent?: boolean | null;
    authorisedByUserId?: string;
    authorisedAt?: Date;
    authorisedOn?: string;
    workingDaysTaken?: number;
    authorisedWithinTimescale?: boolean;
  },
  now: Date,
): Promise<boolean> {
  const result = await trx
    .updateTable('assessment')
    .set({ ...values, status: to, updatedAt: now, version: sql<number>`version + 1` })
    .where('id', '=', assessmentId)
    .where('version', '=', expectedVersion)
    .where('status', '=', from)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function insertAssessmentReturn(
  trx: Transaction<Database>,
  values: { assessmentId: string; returnedByUserId: string; returnedAt: Date; comments: string },
): Promise<string> {
  return (await trx.insertInto('assessmentReturn').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export interface AssessmentReturnRow {
  readonly id: string;
  readonly returnedByName: string;
  readonly returnedAt: Date;
  readonly comments: string;
}

export async function listAssessmentReturns(db: Db, assessmentId: string): Promise<AssessmentReturnRow[]> {
  return db
    .selectFrom('assessmentReturn as r')
    .innerJoin('appUser as u', 'u.id', 'r.returnedByUserId')
    .select(['r.id', 'u.displayName as returnedByName', 'r.returnedAt', 'r.comments'])
    .where('r.assessmentId', '=', assessmentId)
    .orderBy('r.returnedAt', 'desc')
    .execute();
}

/** An allocated referral for an assessment, with the child's current allocation: what an assessment starts from. */
export interface StartableReferral {
  readonly id: string;
  readonly childId: string;
  readonly purpose: 'assessment' | 'strategy_discussion';
  readonly status: 'awaiting_allocation' | 'allocated';
  readonly referredOn: string;
  readonly teamId: string;
  readonly teamName: string;
  readonly allocatedWorkerUserId: string | null;
  readonly workerName: string | null;
  readonly assessmentId: string | null;
}

function startableQuery(db: Db) {
  return db
    .selectFrom('referral as r')
    .innerJoin('team as t', 't.id', 'r.teamId')
    .leftJoin('appUser as w', 'w.id', 'r.allocatedWorkerUserId')
    .leftJoin('assessment as a', 'a.referralId', 'r.id')
    .select([
      'r.id',
      'r.childId',
      'r.purpose',
      'r.status',
      'r.referredOn',
      'r.teamId',
      't.name as teamName',
      'r.allocatedWorkerUserId',
      'w.displayName as workerName',
      'a.id as assessmentId',
    ]);
}

export async function loadStartableReferral(db: Db, childId: string, referralId: string): Promise<StartableReferral | undefined> {
  return startableQuery(db).where('r.id', '=', referralId).where('r.childId', '=', childId).executeTakeFirst();
}

/** The child's referrals for an assessment that are allocated and have no assessment yet. */
export async function listReferralsAwaitingAssessment(db: Db, childId: string): Promise<StartableReferral[]> {
  return startableQuery(db)
    .where('r.childId', '=', childId)
    .where('r.purpose', '=', 'assessment')
    .where('r.status', '=', 'allocated')
    .where('a.id', 'is', null)
    .orderBy('r.referredOn')
    .execute();
}
