// Children with disabilities: eligibility decisions and their answers, short breaks and their
// reviews, personal budget requests and the resource allocation panel's decisions (migration 0017).
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import { isExclusion, type EligibilityAnswer, type EligibilityCode, type EvidenceSource } from '../../domain/disabilities/eligibility.ts';
import type { CwdBudgetStatus, CwdEligibilityStatus, Database } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface DecisionRow {
  readonly id: string;
  readonly childId: string;
  readonly number: number;
  readonly status: CwdEligibilityStatus;
  readonly outcome: 'eligible' | 'not_eligible';
  readonly reason: string;
  readonly decidingCodes: readonly string[];
  readonly summary: string;
  readonly adviceGiven: string | null;
  readonly decidedOn: string;
  readonly recordedByName: string;
  readonly recordedAt: Date;
  readonly reviewedByName: string | null;
  readonly reviewedAt: Date | null;
  readonly managerComment: string | null;
  readonly version: number;
}

function decisionQuery(db: Db) {
  return db
    .selectFrom('cwdEligibilityDecision as d')
    .innerJoin('appUser as recorder', 'recorder.id', 'd.recordedByUserId')
    .leftJoin('appUser as reviewer', 'reviewer.id', 'd.reviewedByUserId')
    .select([
      'd.id',
      'd.childId',
      'd.number',
      'd.status',
      'd.outcome',
      'd.reason',
      'd.decidingCodes',
      'd.summary',
      'd.adviceGiven',
      'd.decidedOn',
      'recorder.displayName as recordedByName',
      'd.recordedAt',
      'reviewer.displayName as reviewedByName',
      'd.reviewedAt',
      'd.managerComment',
      'd.version',
    ]);
}

export async function listDecisions(db: Db, childId: string): Promise<DecisionRow[]> {
  return decisionQuery(db).where('d.childId', '=', childId).orderBy('d.number', 'desc').execute();
}

/** The decision awaiting the team manager, locked for the change. */
export async function lockRecordedDecision(trx: Transaction<Database>, childId: string, decisionId: string): Promise<DecisionRow | undefined> {
  return decisionQuery(trx).where('d.childId', '=', childId).where('d.id', '=', decisionId).forUpdate('d').executeTakeFirst();
}

export async function findRecordedDecision(db: Db, childId: string): Promise<DecisionRow | undefined> {
  return decisionQuery(db).where('d.childId', '=', childId).where('d.status', '=', 'recorded').executeTakeFirst();
}

/** The decision in force: the one the team manager confirmed last. */
export async function findConfirmedDecision(db: Db, childId: string): Promise<DecisionRow | undefined> {
  return decisionQuery(db).where('d.childId', '=', childId).where('d.status', '=', 'confirmed').executeTakeFirst();
}

export async function nextDecisionNumber(trx: Transaction<Database>, childId: string): Promise<number> {
  const row = await trx
    .selectFrom('cwdEligibilityDecision')
    .select((eb) => eb.fn.max<number | null>('number').as('max'))
    .where('childId', '=', childId)
    .executeTakeFirst();
  return (row?.max ?? 0) + 1;
}

export async function insertDecision(
  trx: Transaction<Database>,
  values: {
    childId: string;
    number: number;
    outcome: 'eligible' | 'not_eligible';
    reason: string;
    decidingCodes: readonly string[];
    summary: string;
    adviceGiven: string | null;
    decidedOn: string;
    recordedByUserId: string;
    recordedAt: Date;
  },
  answers: readonly EligibilityAnswer[],
): Promise<string> {
  const row = await trx
    .insertInto('cwdEligibilityDecision')
    .values({ ...values, decidingCodes: [...values.decidingCodes] })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('cwdEligibilityAnswer')
    .values(
      answers.map((a) => ({
        decisionId: row.id,
        code: a.code,
        kind: isExclusion(a.code) ? ('exclusion' as const) : ('criterion' as const),
        met: a.met === true,
        evidence: a.evidence.trim() === '' ? null : a.evidence.trim(),
        evidenceSource: a.evidenceSource,
        evidenceDate: a.evidenceDate === '' ? null : a.evidenceDate,
      })),
    )
    .execute();
  return row.id;
}

export interface AnswerRow {
  readonly code: EligibilityCode;
  readonly met: boolean;
  readonly evidence: string | null;
  readonly evidenceSource: EvidenceSource | null;
  readonly evidenceDate: string | null;
}

export async function listAnswers(db: Db, decisionIds: readonly string[]): Promise<Map<string, AnswerRow[]>> {
  const out = new Map<string, AnswerRow[]>();
  if (decisionIds.length === 0) return out;
  const rows = await db.selectFrom('cwdEligibilityAnswer').selectAll().where('decisionId', 'in', decisionIds).execute();
  for (const r of rows) {
    const list = out.get(r.decisionId) ?? [];
    list.push({
      code: r.code as EligibilityCode,
      met: r.met,
      evidence: r.evidence,
      evidenceSource: r.evidenceSource as EvidenceSource | null,
      evidenceDate: r.evidenceDate,
    });
    out.set(r.decisionId, list);
  }
  return out;
}

/** The manager's review: bumps the version if it is still `expected`; false when someone changed it first. */
export async function reviewDecision(
  trx: Transaction<Database>,
  decisionId: string,
  expected: number,
  values: { status: 'confirmed' | 'returned'; reviewedByUserId: string; managerComment: string | null },
  now: Date,
): Promise<boolean> {
  if (values.status === 'confirmed') {
    const current = await trx.selectFrom('cwdEligibilityDecision').select('childId').where('id', '=', decisionId).executeTakeFirstOrThrow();
    await trx
      .updateTable('cwdEligibilityDecision')
      .set({ status: 'superseded', version: sql<number>`version + 1` })
      .where('childId', '=', current.childId)
      .where('status', '=', 'confirmed')
      .execute();
  }
  const result = await trx
    .updateTable('cwdEligibilityDecision')
    .set({ ...values, reviewedAt: now, version: sql<number>`version + 1` })
    .where('id', '=', decisionId)
    .where('status', '=', 'recorded')
    .where('version', '=', expected)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

// ---------------------------------------------------------------------------------------------
// Short breaks.

export interface ShortBreakRow {
  readonly id: string;
  readonly childId: string;
  readonly breakType: 'daytime_care' | 'overnight_care' | 'activities' | 'evenings_weekends_holidays';
  readonly provider: string;
  readonly amount: number;
  readonly unit: 'hours' | 'nights';
  readonly startsOn: string;
  readonly endsOn: string | null;
  readonly status: 'active' | 'ended';
  readonly endedOn: string | null;
  readonly lastReviewedOn: string | null;
  readonly recordedByName: string;
  readonly version: number;
}

function shortBreakQuery(db: Db) {
  return db
    .selectFrom('cwdShortBreak as s')
    .innerJoin('appUser', 'appUser.id', 's.recordedByUserId')
    .select([
      's.id',
      's.childId',
      's.breakType',
      's.provider',
      's.amount',
      's.unit',
      's.startsOn',
      's.endsOn',
      's.status',
      's.endedOn',
      's.lastReviewedOn',
      'appUser.displayName as recordedByName',
      's.version',
    ]);
}

export async function listShortBreaks(db: Db, childId: string): Promise<ShortBreakRow[]> {
  return shortBreakQuery(db).where('s.childId', '=', childId).orderBy('s.status').orderBy('s.startsOn', 'desc').execute();
}

export async function lockShortBreak(trx: Transaction<Database>, childId: string, id: string): Promise<ShortBreakRow | undefined> {
  return shortBreakQuery(trx).where('s.childId', '=', childId).where('s.id', '=', id).forUpdate('s').executeTakeFirst();
}

export async function insertShortBreak(
  trx: Transaction<Database>,
  values: {
    childId: string;
    eligibilityDecisionId: string;
    breakType: ShortBreakRow['breakType'];
    provider: string;
    amount: number;
    unit: 'hours' | 'nights';
    startsOn: string;
    endsOn: string | null;
    recordedByUserId: string;
    recordedAt: Date;
  },
): Promise<string> {
  const row = await trx.insertInto('cwdShortBreak').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export interface ShortBreakReviewRow {
  readonly id: string;
  readonly shortBreakId: string;
  readonly reviewedOn: string;
  readonly dueOn: string;
  readonly withinTimescale: boolean;
  readonly outcome: 'continue' | 'end';
  readonly notes: string;
  readonly recordedByName: string;
}

export async function listShortBreakReviews(db: Db, childId: string): Promise<ShortBreakReviewRow[]> {
  return db
    .selectFrom('cwdShortBreakReview as r')
    .innerJoin('appUser', 'appUser.id', 'r.recordedByUserId')
    .select(['r.id', 'r.shortBreakId', 'r.reviewedOn', 'r.dueOn', 'r.withinTimescale', 'r.outcome', 'r.notes', 'appUser.displayName as recordedByName'])
    .where('r.childId', '=', childId)
    .orderBy('r.reviewedOn', 'desc')
    .execute();
}

export async function insertShortBreakReview(
  trx: Transaction<Database>,
  values: {
    shortBreakId: string;
    childId: string;
    reviewedOn: string;
    dueOn: string;
    withinTimescale: boolean;
    outcome: 'continue' | 'end';
    notes: string;
    recordedByUserId: string;
    recordedAt: Date;
  },
): Promise<string> {
  const row = await trx.insertInto('cwdShortBreakReview').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateShortBreakAfterReview(
  trx: Transaction<Database>,
  id: string,
  expected: number,
  changes: { lastReviewedOn: string; status?: 'ended'; endedOn?: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('cwdShortBreak')
    .set({ ...changes, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expected)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

// ---------------------------------------------------------------------------------------------
// Personal budget requests and panel decisions.

export interface BudgetRequestRow {
  readonly id: string;
  readonly childId: string;
  readonly amountPence: number;
  readonly purpose: string;
  readonly requestedOn: string;
  readonly panelDate: string;
  readonly status: CwdBudgetStatus;
  readonly recordedByName: string;
  readonly version: number;
}

function requestQuery(db: Db) {
  return db
    .selectFrom('cwdBudgetRequest as b')
    .innerJoin('appUser', 'appUser.id', 'b.recordedByUserId')
    .select([
      'b.id',
      'b.childId',
      'b.amountPence',
      'b.purpose',
      'b.requestedOn',
      'b.panelDate',
      'b.status',
      'appUser.displayName as recordedByName',
      'b.version',
    ]);
}

export async function listBudgetRequests(db: Db, childId: string): Promise<BudgetRequestRow[]> {
  return requestQuery(db).where('b.childId', '=', childId).orderBy('b.requestedOn', 'desc').orderBy('b.recordedAt', 'desc').execute();
}

export async function lockBudgetRequest(trx: Transaction<Database>, childId: string, id: string): Promise<BudgetRequestRow | undefined> {
  return requestQuery(trx).where('b.childId', '=', childId).where('b.id', '=', id).forUpdate('b').executeTakeFirst();
}

export async function insertBudgetRequest(
  trx: Transaction<Database>,
  values: {
    childId: string;
    eligibilityDecisionId: string;
    amountPence: number;
    purpose: string;
    requestedOn: string;
    panelDate: string;
    recordedByUserId: string;
    recordedAt: Date;
  },
): Promise<string> {
  const row = await trx.insertInto('cwdBudgetRequest').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export interface PanelDecisionRow {
  readonly id: string;
  readonly requestId: string;
  readonly panelDate: string;
  readonly decision: 'approved' | 'approved_with_changes' | 'declined' | 'deferred';
  readonly approvedAmountPence: number | null;
  readonly reason: string | null;
  readonly nextPanelDate: string | null;
  readonly recordedByName: string;
}

export async function listPanelDecisions(db: Db, childId: string): Promise<PanelDecisionRow[]> {
  return db
    .selectFrom('cwdPanelDecision as p')
    .innerJoin('appUser', 'appUser.id', 'p.recordedByUserId')
    .select([
      'p.id',
      'p.requestId',
      'p.panelDate',
      'p.decision',
      'p.approvedAmountPence',
      'p.reason',
      'p.nextPanelDate',
      'appUser.displayName as recordedByName',
    ])
    .where('p.childId', '=', childId)
    .orderBy('p.panelDate', 'desc')
    .orderBy('p.recordedAt', 'desc')
    .execute();
}

export async function insertPanelDecision(
  trx: Transaction<Database>,
  values: {
    requestId: string;
    childId: string;
    panelDate: string;
    decision: PanelDecisionRow['decision'];
    approvedAmountPence: number | null;
    reason: string | null;
    nextPanelDate: string | null;
    recordedByUserId: string;
    recordedAt: Date;
  },
): Promise<string> {
  const row = await trx.insertInto('cwdPanelDecision').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRequestAfterDecision(
  trx: Transaction<Database>,
  id: string,
  expected: number,
  changes: { status: CwdBudgetStatus; panelDate?: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('cwdBudgetRequest')
    .set({ ...changes, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', expected)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}
