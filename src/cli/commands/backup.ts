// `hearth backup --out <file>`: a physical copy of the embedded database (RELIABILITY.md §4.11).
// PGlite's dumpDataDir() tars the data folder; it is taken while this command holds the folder's
// lock, so no server is writing (a running Hearth must be stopped first), after a checkpoint. The
// backup is itself audited (it copies every record) and written with owner-only permissions.
// A PostgreSQL server is backed up with pg_dump instead (README "Backups").
import { existsSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { CamelCasePlugin, Kysely, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { acquireDataDirLock, DataDirLockedError, type DataDirLock } from '../../db/data-dir-lock.ts';
import type { Database } from '../../db/schema.ts';
import { appendAuditEvent } from '../../db/shared/audit-repository.ts';
import { dataDirFromEnv, fail, out } from '../shared.ts';

/** Hearth's own files beside the database: not part of "is there a database here". */
export const HEARTH_FILES = new Set(['hearth.lock', 'secret']);

export interface EmbeddedDatabase {
  readonly client: PGlite;
  readonly db: Kysely<Database>;
  close(): Promise<void>;
}

/** The embedded database folder the command works on; refuses when DATABASE_URL names a server. */
export function embeddedDataDir(command: string, serverAdvice: string): string {
  const dir = dataDirFromEnv();
  if (dir === undefined)
    return fail(`hearth ${command} works on the embedded database only. DATABASE_URL names a PostgreSQL server: ${serverAdvice} (README "Backups").`);
  return dir;
}

export function hasDatabase(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).some((name) => !HEARTH_FILES.has(name));
}

function lock(dir: string): DataDirLock {
  try {
    return acquireDataDirLock(dir);
  } catch (error) {
    if (error instanceof DataDirLockedError) return fail(`${error.message} (a backup or restore needs the database to itself).`);
    throw error;
  }
}

/**
 * Opens the embedded database in `dir` under its lock, with the extensions and type parsers of
 * src/db/connect.ts (dates and 64-bit integers as text), optionally loading a backup into it.
 */
export async function openEmbedded(dir: string, loadDataDir?: Blob): Promise<EmbeddedDatabase> {
  const held = lock(dir);
  try {
    const client = await PGlite.create({
      dataDir: dir,
      extensions: { pg_trgm, fuzzystrmatch },
      parsers: { 1082: (value: string) => value, 20: (value: string) => value },
      ...(loadDataDir === undefined ? {} : { loadDataDir }),
    });
    // A backup carries the lock file of the process that took it: this process holds the folder.
    if (loadDataDir !== undefined) writeFileSync(join(dir, 'hearth.lock'), String(process.pid));
    const db = new Kysely<Database>({ dialect: new PGliteDialect(client), plugins: [new CamelCasePlugin()] });
    return {
      client,
      db,
      close: async () => {
        try {
          if (!client.closed) await client.exec('checkpoint');
          await db.destroy();
        } finally {
          held.release();
        }
      },
    };
  } catch (error) {
    held.release();
    throw error;
  }
}

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('copy the embedded database (stopped) to a file; for a PostgreSQL server use pg_dump')
    .requiredOption('--out <file>', 'where to write the backup (a .tar.gz; it holds every record: keep it safe)')
    .option('--force', 'overwrite the file if it exists', false)
    .action(async (options: { out: string; force: boolean }) => {
      const dir = embeddedDataDir('backup', 'back it up with pg_dump --format=custom');
      const file = resolve(options.out);
      if (!hasDatabase(dir)) fail(`There is no embedded database in ${dir} to back up.`);
      if (existsSync(file) && !options.force) fail(`${file} already exists: choose another name, or add --force to overwrite it.`);
      const started = Date.now();
      const database = await openEmbedded(dir);
      try {
        const head = await database.db.transaction().execute(async (trx) => {
          const seq = await appendAuditEvent(
            trx,
            { actorUserId: null, actorLabel: 'hearth backup', requestId: null, ip: null },
            { action: 'ops.database.backed-up', subjectType: 'database', subjectId: 'embedded', changes: { file: basename(file) } },
            new Date(),
          );
          const tables = await sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_schema = 'public'`.execute(trx);
          return { seq, tables: tables.rows[0]?.n ?? 0 };
        });
        await database.client.exec('checkpoint');
        const dump = await database.client.dumpDataDir('gzip');
        const partial = `${file}.partial`;
        writeFileSync(partial, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
        renameSync(partial, file);
        out(
          `Backed up ${dir} to ${file}: ${String(head.tables)} tables, audit log to entry ${head.seq}, ${(dump.size / 1_048_576).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
        );
        out('The file holds every record in Hearth: store it encrypted, where only administrators can read it.');
      } finally {
        await database.close();
      }
    });
}
