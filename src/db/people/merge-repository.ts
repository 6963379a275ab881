// Merging two records of one person. Every row anywhere that points at the merged record moves to
// the survivor: the referencing columns are discovered from the catalogue (information_schema:
// foreign keys to person(id), and uuid columns named person_id, child_id or *_person_id), so tables
// added by later journeys are covered without changing this file. A row that would duplicate one
// the survivor already has (the same link twice) is removed instead of moved. The audit log is
// never touched: it is append-only and keeps the history of the old id.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Trx = Transaction<Database>;

export interface PersonReference {
  readonly table: string;
  readonly column: string;
}

const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/**
 * How a reference is named in counts and in the audit log: "allocation.childId". Audit `changes`
 * keys must be camelCase: the database layer's camel-case plugin rewrites nested keys when rows are
 * read back, and the audit hash chain is checked on what is read.
 */
export function referenceKey(ref: PersonReference): string {
  return `${camel(ref.table)}.${camel(ref.column)}`;
}

/** Never moved: the audit log (append-only history) and the merge marker itself. */
const NEVER_MOVED = new Set(['audit_event.child_id', 'audit_event.subject_id', 'person.merged_into_person_id']);

export async function personReferences(trx: Trx): Promise<PersonReference[]> {
  const fks = await sql<{ tableName: string; columnName: string }>`
    select kcu.table_name, kcu.column_name
    from information_schema.table_constraints tc
    join information_schema.key_column_usage kcu
      on kcu.constraint_schema = tc.constraint_schema and kcu.constraint_name = tc.constraint_name and kcu.table_name = tc.table_name
    join information_schema.constraint_column_usage ccu
      on ccu.constraint_schema = tc.constraint_schema and ccu.constraint_name = tc.constraint_name
    where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()
      and ccu.table_name = 'person' and ccu.column_name = 'id'`.execute(trx);
  const named = await sql<{ tableName: string; columnName: string }>`
    select c.table_name, c.column_name
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = current_schema() and c.data_type = 'uuid'
      and (c.column_name in ('person_id', 'child_id') or c.column_name like '%\\_person\\_id' escape '\\')`.execute(trx);
  const seen = new Set<string>();
  const out: PersonReference[] = [];
  for (const r of [...fks.rows, ...named.rows]) {
    const key = `${r.tableName}.${r.columnName}`;
    if (seen.has(key) || NEVER_MOVED.has(key)) continue;
    seen.add(key);
    out.push({ table: r.tableName, column: r.columnName });
  }
  return out.sort((a, b) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`));
}

export async function countReferences(trx: Trx, refs: readonly PersonReference[], personId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const ref of refs) {
    const row = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(ref.table)} where ${sql.ref(ref.column)} = ${personId}`.execute(trx);
    const n = Number(row.rows[0]?.n ?? 0);
    if (n > 0) out[referenceKey(ref)] = n;
  }
  return out;
}

/**
 * A row of the merged record that cannot move because the survivor already holds its one allowed
 * counterpart, and that is a record of work, so it must not be removed as a duplicate either: the
 * unique rule is partial ("one open episode per child"), or is on the person alone ("one pre-birth
 * plan per child"), or other rows depend on the table's rows (a section 47 enquiry on a child's place
 * in a strategy discussion). Such a merge is refused until a worker closes or ends one of the two.
 */
export interface RecordClash {
  readonly table: string;
  readonly column: string;
}

interface UniqueIndex {
  readonly tableName: string;
  readonly columns: readonly string[];
  readonly predicate: string | null;
}

export async function findRecordClashes(trx: Trx, refs: readonly PersonReference[], fromId: string, toId: string): Promise<RecordClash[]> {
  const indexes = await sql<UniqueIndex>`
    select t.relname as table_name,
      array(select a.attname::text from unnest(i.indkey) k join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k)::text[] as columns,
      pg_get_expr(i.indpred, i.indrelid) as predicate
    from pg_index i
    join pg_class t on t.oid = i.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    where i.indisunique and n.nspname = current_schema()`.execute(trx);
  const referenced = await sql<{ tableName: string }>`
    select distinct t.relname as table_name
    from pg_constraint c
    join pg_class t on t.oid = c.confrelid
    join pg_namespace n on n.oid = t.relnamespace
    where c.contype = 'f' and n.nspname = current_schema()`.execute(trx);
  const hasDependants = new Set(referenced.rows.map((r) => r.tableName));
  const out: RecordClash[] = [];
  for (const ref of refs) {
    for (const index of indexes.rows) {
      const columns = typeof index.columns === 'string' ? String(index.columns).replace(/[{}]/g, '').split(',') : index.columns;
      if (index.tableName !== ref.table || !columns.includes(ref.column)) continue;
      const isRecord = index.predicate !== null || (columns.length === 1) || hasDependants.has(ref.table);
      if (!isRecord) continue;
      const table = sql.table(ref.table);
      const column = sql.ref(ref.column);
      // The predicate comes from the catalogue (this schema's own index definition), never from input.
      const where = index.predicate === null ? sql`true` : sql.raw(`(${index.predicate})`);
      const others = columns.filter((c) => c !== ref.column);
      const on = others.length === 0 ? sql`true` : sql.join(others.map((c) => sql`a.${sql.ref(c)} = b.${sql.ref(c)}`), sql` and `);
      const row = await sql<{ n: string }>`
        select count(*)::text as n
        from (select * from ${table} where ${column} = ${fromId} and ${where}) a
        join (select * from ${table} where ${column} = ${toId} and ${where}) b on ${on}`.execute(trx);
      if (Number(row.rows[0]?.n ?? 0) > 0 && !out.some((c) => c.table === ref.table)) out.push({ table: ref.table, column: ref.column });
    }
  }
  return out;
}

function isUniqueViolation(error: unknown): boolean {
  return error !== null && typeof error === 'object' && 'code' in error && error.code === '23505';
}

/** Runs `work` inside a savepoint; a unique violation rolls back to it and returns false. */
async function trying(trx: Trx, name: string, work: () => Promise<unknown>): Promise<boolean> {
  await sql.raw(`savepoint ${name}`).execute(trx);
  try {
    await work();
    await sql.raw(`release savepoint ${name}`).execute(trx);
    return true;
  } catch (error) {
    await sql.raw(`rollback to savepoint ${name}`).execute(trx);
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export interface MovedCounts {
  readonly moved: number;
  readonly removedAsDuplicates: number;
}

/** Moves every row of `ref` from one person to the other; duplicates of the survivor's rows go. */
export async function moveReference(trx: Trx, ref: PersonReference, fromId: string, toId: string): Promise<MovedCounts> {
  const table = sql.table(ref.table);
  const column = sql.ref(ref.column);
  let moved = 0;
  const whole = await trying(trx, 'merge_all', async () => {
    const result = await sql`update ${table} set ${column} = ${toId} where ${column} = ${fromId}`.execute(trx);
    moved = Number(result.numAffectedRows ?? 0n);
  });
  if (whole) return { moved, removedAsDuplicates: 0 };
  // Some rows would duplicate the survivor's: move them one at a time, removing those that clash.
  const rows = await sql<{ rowRef: string }>`select ctid::text as row_ref from ${table} where ${column} = ${fromId}`.execute(trx);
  let removed = 0;
  moved = 0;
  for (const { rowRef } of rows.rows) {
    const ok = await trying(trx, 'merge_row', () => sql`update ${table} set ${column} = ${toId} where ctid = ${rowRef}::tid`.execute(trx));
    if (ok) {
      moved += 1;
    } else {
      await sql`delete from ${table} where ctid = ${rowRef}::tid`.execute(trx);
      removed += 1;
    }
  }
  return { moved, removedAsDuplicates: removed };
}

/** Links between the two records themselves would become a person related to themselves. */
export async function deleteLinksBetween(trx: Trx, a: string, b: string): Promise<number> {
  const result = await trx
    .deleteFrom('personRelationship')
    .where((eb) => eb.or([eb.and([eb('personId', '=', a), eb('relatedPersonId', '=', b)]), eb.and([eb('personId', '=', b), eb('relatedPersonId', '=', a)])]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** If both records have an open allocation, the merged one's ends: a child has one allocation. */
export async function endOpenAllocation(trx: Trx, personId: string, today: string): Promise<number> {
  const result = await sql`update allocation set ended_on = greatest(started_on, ${today}::date) where child_id = ${personId} and ended_on is null`.execute(trx);
  return Number(result.numAffectedRows ?? 0n);
}

export async function hasOpenAllocation(trx: Trx, personId: string): Promise<boolean> {
  const row = await trx.selectFrom('allocation').select('id').where('childId', '=', personId).where('endedOn', 'is', null).executeTakeFirst();
  return row !== undefined;
}

/** The merged record's addresses become history: the survivor keeps its own current address. */
export async function demoteCurrentAddress(trx: Trx, personId: string): Promise<void> {
  await trx.updateTable('personAddress').set({ isCurrent: false }).where('personId', '=', personId).where('isCurrent', '=', true).execute();
}

export async function markMerged(trx: Trx, mergedId: string, survivorId: string, expectedVersion: number, userId: string | null, now: Date): Promise<boolean> {
  const result = await trx
    .updateTable('person')
    .set((eb) => ({ mergedIntoPersonId: survivorId, mergedAt: now, mergedByUserId: userId, version: eb('version', '+', 1), updatedAt: now }))
    .where('id', '=', mergedId)
    .where('version', '=', expectedVersion)
    .where('mergedIntoPersonId', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
