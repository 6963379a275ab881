// One Kysely type over two engines: PostgreSQL through `pg` when DATABASE_URL is set, otherwise the
// embedded PGlite in a data directory (DESIGN.md: PGlite is for demos, development and tests).
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import type { Database } from './schema.ts';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import { PreparingClient, preparedStatementsEnabled } from './prepared-statements.ts';

export type Engine = 'postgres' | 'pglite';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly engine: Engine;
  /** Runs a script of several statements (migrations, restores). */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** postgres://… to use a server; omitted for the embedded database. */
  readonly databaseUrl?: string | undefined;
  /** Directory for the embedded database; omitted for an in-memory one (tests). */
  readonly dataDir?: string | undefined;
  readonly poolSize?: number;
}

const DATE_OID = 1082;
const INT8_OID = 20;
/**
 * Calendar dates stay ISO text (a `date` must never shift across a time zone) and 64-bit integers
 * stay text (as `pg` gives them), so both engines hand the application the same values.
 */
const keepAsText = (value: string): string => value;

export async function connect(options: ConnectOptions): Promise<DatabaseHandle> {
  return options.databaseUrl !== undefined && options.databaseUrl !== ''
    ? connectPostgres(options.databaseUrl, options.poolSize ?? 20)
    : connectPglite(options.dataDir);
}

function dateAsTextTypes(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  types.setTypeParser(DATE_OID, 'text', keepAsText);
  return types;
}

function connectPostgres(url: string, max: number): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: dateAsTextTypes(),
    // The hottest statements run as named prepared statements (src/db/prepared-statements.ts).
    ...(preparedStatementsEnabled() ? { Client: PreparingClient } : {}),
  });
  // An idle client whose server connection ends (a server restart, an administrator terminating it)
  // emits 'error' on the pool; without a listener that crashes the process. The pool drops the
  // client and opens a new one when next needed, so there is nothing else to do.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })] });
  return {
    db,
    engine: 'postgres',
    exec: async (script) => {
      await pool.query(script);
    },
    close: () => db.destroy(),
  };
}

/** Files Hearth keeps beside the database itself. */
const HEARTH_FILES = new Set(['hearth.lock', 'secret']);

/**
 * A first start killed during initialisation leaves a folder PGlite cannot open (RELIABILITY.md,
 * PGlite rule 3): say so plainly instead of failing with a WebAssembly abort.
 */
function refuseHalfInitialised(dataDir: string, lock: DataDirLock): void {
  const entries = readdirSync(dataDir).filter((name) => !HEARTH_FILES.has(name));
  if (entries.length > 0 && !existsSync(join(dataDir, 'PG_VERSION'))) {
    lock.release();
    throw new Error(`The embedded database in ${dataDir} is incomplete: its first start was interrupted. Move the folder aside (it holds no records yet) and start again.`);
  }
}

async function connectPglite(dataDir: string | undefined): Promise<DatabaseHandle> {
  let lock: DataDirLock | undefined;
  if (dataDir !== undefined) {
    mkdirSync(dataDir, { recursive: true });
    lock = acquireDataDirLock(dataDir);
    refuseHalfInitialised(dataDir, lock);
  }
  try {
    const client = await PGlite.create({
      ...(dataDir === undefined ? {} : { dataDir }),
      extensions: { pg_trgm, fuzzystrmatch },
      parsers: { [DATE_OID]: keepAsText, [INT8_OID]: keepAsText },
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect(client), plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })] });
    return {
      db,
      engine: 'pglite',
      exec: async (script) => {
        await client.exec(script);
      },
      close: async () => {
        if (!client.closed) {
          await sql`checkpoint`.execute(db).catch(() => undefined);
        }
        await db.destroy();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
