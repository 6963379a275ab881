// Section 47 enquiries: one per child per strategy discussion that started it.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, Section47EnquiryTable } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type Section47Row = Selectable<Section47EnquiryTable> & { readonly teamName: string };

export interface NewSection47 {
  readonly childId: string;
  readonly strategyDiscussionId: string;
  readonly lastStrategyDiscussionId: string;
  readonly lastStrategyHeldOn: string;
  readonly teamId: string;
  readonly kind: 'single_agency' | 'joint';
  readonly startedOn: string;
  readonly anchorOn: string;
  readonly dueOn: string;
  readonly createdAt: Date;
}

export async function insertSection47(trx: Transaction<Database>, enquiry: NewSection47): Promise<string> {
  const row = await trx.insertInto('section47Enquiry').values(enquiry).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function loadSection47(db: Db, id: string): Promise<Section47Row | undefined> {
  return db
    .selectFrom('section47Enquiry as s')
    .innerJoin('team as t', 't.id', 's.teamId')
    .selectAll('s')
    .select('t.name as teamName')
    .where('s.id', '=', id)
    .executeTakeFirst();
}

export async function openSection47ForChild(db: Db, childId: string): Promise<Section47Row | undefined> {
  return db
    .selectFrom('section47Enquiry as s')
    .innerJoin('team as t', 't.id', 's.teamId')
    .selectAll('s')
    .select('t.name as teamName')
    .where('s.childId', '=', childId)
    .where('s.status', '=', 'in_progress')
    .orderBy('s.startedOn', 'desc')
    .executeTakeFirst();
}

export async function section47sForChild(db: Db, childId: string): Promise<Section47Row[]> {
  return db
    .selectFrom('section47Enquiry as s')
    .innerJoin('team as t', 't.id', 's.teamId')
    .selectAll('s')
    .select('t.name as teamName')
    .where('s.childId', '=', childId)
    .orderBy('s.startedOn', 'desc')
    .orderBy('s.createdAt', 'desc')
    .execute();
}

/** A later strategy discussion about an enquiry in progress: the ICPC is then counted from it (S47-03). */
export async function moveLastStrategyDiscussion(trx: Transaction<Database>, id: string, discussionId: string, heldOn: string): Promise<void> {
  await trx
    .updateTable('section47Enquiry')
    .set((eb) => ({ lastStrategyDiscussionId: discussionId, lastStrategyHeldOn: heldOn, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export type Section47Progress = Pick<
  Section47EnquiryTable,
  'childSeenAloneOn' | 'childNotSeenAloneReason' | 'checksSummary' | 'abeInterviewOn' | 'paediatricExamOn'
>;

export async function updateSection47Progress(trx: Transaction<Database>, id: string, version: number, progress: Section47Progress): Promise<boolean> {
  const result = await trx
    .updateTable('section47Enquiry')
    .set({ ...progress, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'in_progress')
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function completeSection47(
  trx: Transaction<Database>,
  id: string,
  version: number,
  values: Section47Progress &
    Pick<Section47EnquiryTable, 'findings' | 'outcome' | 'outcomeOn' | 'icpcDueOn'> & { completedByUserId: string; completedAt: Date },
): Promise<boolean> {
  const result = await trx
    .updateTable('section47Enquiry')
    .set({ ...values, status: 'completed', version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'in_progress')
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
