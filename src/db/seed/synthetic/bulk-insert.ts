// Bulk loading for the scale generator: rows are buffered per table and written as one
// `insert … select * from unnest($1::type[], $2::type[], …)` per batch, so a batch of 10,000 rows is
// one statement with one parameter per column (the COPY-style path that works on both PostgreSQL
// and PGlite, and is not limited to 65,535 parameters like a multi-row VALUES list).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../schema.ts';

export type Cell = string | number | boolean | null;
export type Row = readonly Cell[];

export interface TableSpec {
  /** The SQL table name (snake_case). */
  readonly table: string;
  /**
   * A second buffer for the same table, flushed in its own place in the order: for rows that
   * reference rows of a table declared after the first buffer (review conferences reference plans,
   * which reference initial conferences).
   */
  readonly key?: string;
  /**
   * [column, SQL type of the cells, optional cast] in the order rows give their cells. A cast is
   * for array columns: unnest() flattens arrays of arrays, so a text[] cell travels as its array
   * literal in text ('{AUT,LD}') and is cast back (['disabilities', 'text', 'text[]']).
   */
  readonly columns: readonly (readonly [string, string, string?])[];
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;
const SQL_TYPE = /^[a-z][a-z0-9_ ]*(\[\])?$/;

function checkSpec(spec: TableSpec): void {
  if (!IDENTIFIER.test(spec.table)) throw new Error(`bad table name ${spec.table}`);
  for (const [column, type, cast] of spec.columns) {
    if (!IDENTIFIER.test(column) || !SQL_TYPE.test(type) || !SQL_TYPE.test(cast ?? type)) throw new Error(`bad column ${spec.table}.${column} ${type}`);
  }
}

/** Inserts rows in batches; returns how many rows were written. */
export async function insertRows(db: Kysely<Database> | Transaction<Database>, spec: TableSpec, rows: readonly Row[], batchSize = 10_000): Promise<number> {
  checkSpec(spec);
  for (let from = 0; from < rows.length; from += batchSize) {
    const batch = rows.slice(from, from + batchSize);
    const arrays = spec.columns.map((_, c) => batch.map((row) => row[c] ?? null));
    const columns = sql.join(spec.columns.map(([name]) => sql.id(name)));
    const unnest = sql.join(spec.columns.map(([, type], c) => sql`${arrays[c]}::${sql.raw(type)}[]`));
    const aliases = sql.join(spec.columns.map((_, c) => sql.raw(`c${String(c)}`)));
    const picks = sql.join(spec.columns.map(([, , cast], c) => sql.raw(cast === undefined ? `u.c${String(c)}` : `u.c${String(c)}::${cast}`)));
    await sql`insert into ${sql.table(spec.table)} (${columns}) select ${picks} from unnest(${unnest}) as u(${aliases})`.execute(db);
  }
  return rows.length;
}

/** Buffers rows per table, and writes them in the order tables were first declared. */
export class RowSink {
  private readonly buffers = new Map<string, { spec: TableSpec; rows: Row[] }>();
  private readonly written = new Map<string, number>();

  declare(spec: TableSpec): void {
    const key = spec.key ?? spec.table;
    if (!this.buffers.has(key)) this.buffers.set(key, { spec, rows: [] });
  }

  push(spec: TableSpec, row: Row): void {
    const buffer = this.buffers.get(spec.key ?? spec.table);
    if (buffer === undefined) throw new Error(`table ${spec.table} was not declared`);
    if (row.length !== spec.columns.length) throw new Error(`${spec.table}: ${String(row.length)} cells for ${String(spec.columns.length)} columns`);
    buffer.rows.push(row);
  }

  get pending(): number {
    let n = 0;
    for (const b of this.buffers.values()) n += b.rows.length;
    return n;
  }

  async flush(db: Kysely<Database> | Transaction<Database>): Promise<void> {
    for (const buffer of this.buffers.values()) {
      if (buffer.rows.length === 0) continue;
      await insertRows(db, buffer.spec, buffer.rows);
      this.written.set(buffer.spec.table, (this.written.get(buffer.spec.table) ?? 0) + buffer.rows.length);
      buffer.rows = [];
    }
  }

  /** Rows written so far, by table. */
  counts(): Record<string, number> {
    return Object.fromEntries(this.written);
  }
}
