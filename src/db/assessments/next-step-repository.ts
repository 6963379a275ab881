// The next step an authorised assessment leaves open (migration 0009 assessment_next_step), and the
// early help referral a step-down makes (early_help_referral with assessment_id).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database, NextStepKindColumn } from '../schema.ts';

type Db = Transaction<Database> | Kysely<Database>;

export interface NewNextStep {
  readonly assessmentId: string;
  readonly childId: string;
  readonly kind: NextStepKindColumn;
  readonly specialistService: string | null;
  readonly ruleId: string;
  readonly openedOn: string;
  readonly dueOn: string;
  readonly createdAt: Date;
}

export async function insertNextStep(trx: Transaction<Database>, values: NewNextStep): Promise<string> {
  return (await trx.insertInto('assessmentNextStep').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

export interface NextStepRow {
  readonly id: string;
  readonly assessmentId: string;
  readonly childId: string;
  readonly kind: NextStepKindColumn;
  readonly specialistService: string | null;
  readonly ruleId: string;
  readonly openedOn: string;
  readonly dueOn: string;
  readonly status: 'open' | 'done';
  readonly doneOn: string | null;
  readonly doneByName: string | null;
  readonly doneNote: string | null;
  readonly version: number;
}

function nextStepQuery(db: Db) {
  return db
    .selectFrom('assessmentNextStep as n')
    .leftJoin('appUser as u', 'u.id', 'n.doneByUserId')
    .select([
      'n.id',
      'n.assessmentId',
      'n.childId',
      'n.kind',
      'n.specialistService',
      'n.ruleId',
      'n.openedOn',
      'n.dueOn',
      'n.status',
      'n.doneOn',
      'u.displayName as doneByName',
      'n.doneNote',
      'n.version',
    ]);
}

export async function listChildNextSteps(db: Db, childId: string): Promise<NextStepRow[]> {
  return nextStepQuery(db).where('n.childId', '=', childId).orderBy('n.dueOn', 'desc').execute();
}

export async function nextStepOfAssessment(db: Db, assessmentId: string): Promise<NextStepRow | undefined> {
  return nextStepQuery(db).where('n.assessmentId', '=', assessmentId).executeTakeFirst();
}

/** Records the next step done at the expected version; false when stale or already done. */
export async function markNextStepDone(
  trx: Transaction<Database>,
  id: string,
  expectedVersion: number,
  values: { doneOn: string; doneByUserId: string; doneNote: string | null },
): Promise<boolean> {
  const result = await trx
    .updateTable('assessmentNextStep')
    .set({ ...values, status: 'done', version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A referral to targeted early help made by stepping an assessment down (domain-spec §4.2 T12). */
export async function insertStepDownEarlyHelpReferral(
  trx: Transaction<Database>,
  values: { assessmentId: string; childId: string; referredOn: string; needLevel: number; familyConsent: boolean; createdAt: Date },
): Promise<string> {
  return (
    await trx
      .insertInto('earlyHelpReferral')
      .values({ ...values, contactId: null })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}
