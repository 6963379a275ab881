// Return runs: a background build's row, its progress, and its result.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Transaction<Database> | Kysely<Database>;

export interface NewReturnRun {
  readonly kind: 'cin_census' | 'annex_a';
  readonly censusYear: number | null;
  readonly windowFrom: string | null;
  readonly windowTo: string | null;
  readonly requestedByUserId: string | null;
  readonly startedAt: Date;
}

export async function insertReturnRun(db: Db, run: NewReturnRun): Promise<string> {
  const row = await db.insertInto('returnRun').values(run).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateReturnRunProgress(db: Db, id: string, progress: { stage: string; done: number; total: number }): Promise<void> {
  await db.updateTable('returnRun').set(progress).where('id', '=', id).where('status', '=', 'running').execute();
}

export async function completeReturnRun(
  db: Db,
  id: string,
  result: { finishedAt: Date; output: Buffer; outputFilename: string; children: number | null; rowCounts: unknown; failures: unknown },
): Promise<void> {
  await db
    .updateTable('returnRun')
    .set({
      status: 'done',
      stage: 'Done',
      finishedAt: result.finishedAt,
      output: result.output,
      outputFilename: result.outputFilename,
      children: result.children,
      rowCounts: result.rowCounts === null ? null : JSON.stringify(result.rowCounts),
      failures: JSON.stringify(result.failures),
    })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

export async function failReturnRun(db: Db, id: string, finishedAt: Date, error: string): Promise<void> {
  await db
    .updateTable('returnRun')
    .set({ status: 'failed', finishedAt, error: error.slice(0, 2000) || 'Failed' })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

export interface ReturnRunView {
  readonly id: string;
  readonly kind: 'cin_census' | 'annex_a';
  readonly censusYear: number | null;
  readonly windowFrom: string | null;
  readonly windowTo: string | null;
  readonly status: 'running' | 'done' | 'failed';
  readonly stage: string;
  readonly done: number;
  readonly total: number;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
  readonly children: number | null;
  readonly rowCounts: unknown;
  readonly failures: unknown;
  readonly outputFilename: string | null;
  readonly error: string | null;
  readonly requestedBy: string | null;
}

const VIEW_COLUMNS = [
  'r.id',
  'r.kind',
  'r.censusYear',
  'r.windowFrom',
  'r.windowTo',
  'r.status',
  'r.stage',
  'r.done',
  'r.total',
  'r.startedAt',
  'r.finishedAt',
  'r.children',
  'r.rowCounts',
  'r.failures',
  'r.outputFilename',
  'r.error',
  'u.displayName as requestedBy',
] as const;

export async function findReturnRun(db: Db, id: string): Promise<ReturnRunView | undefined> {
  return db.selectFrom('returnRun as r').leftJoin('appUser as u', 'u.id', 'r.requestedByUserId').select(VIEW_COLUMNS).where('r.id', '=', id).executeTakeFirst();
}

export async function recentReturnRuns(db: Db, limit: number): Promise<ReturnRunView[]> {
  return db
    .selectFrom('returnRun as r')
    .leftJoin('appUser as u', 'u.id', 'r.requestedByUserId')
    .select(VIEW_COLUMNS)
    .orderBy('r.startedAt', 'desc')
    .limit(limit)
    .execute();
}

export async function returnRunOutput(db: Db, id: string): Promise<{ output: Buffer; outputFilename: string } | undefined> {
  const row = await db.selectFrom('returnRun').select(['output', 'outputFilename']).where('id', '=', id).where('status', '=', 'done').executeTakeFirst();
  return row?.output == null || row.outputFilename === null ? undefined : { output: row.output, outputFilename: row.outputFilename };
}
