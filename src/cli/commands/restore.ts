// `hearth restore --from <file>`: loads a backup made by `hearth backup` into the embedded database
// folder (RELIABILITY.md §4.11). It refuses a folder that already holds a database unless --force
// is given, and even then moves that folder aside rather than deleting it. The restored copy is
// checked before the command says it is done: every table readable and the audit chain intact.
// The server applies any newer migrations when it next starts. PostgreSQL: pg_restore (README).
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { sql } from 'kysely';
import { verifyAuditChain } from '../../db/shared/audit-repository.ts';
import { fail, out } from '../shared.ts';
import { embeddedDataDir, hasDatabase, openEmbedded } from './backup.ts';

const GZIP_MAGIC = [0x1f, 0x8b];

export function registerRestore(program: Command): void {
  program
    .command('restore')
    .description('load a backup into the embedded database folder; for a PostgreSQL server use pg_restore')
    .requiredOption('--from <file>', 'a backup made by `hearth backup`')
    .option('--force', 'replace a database already in the folder (it is moved aside, not deleted)', false)
    .action(async (options: { from: string; force: boolean }) => {
      const dir = embeddedDataDir('restore', 'restore it with pg_restore');
      const file = resolve(options.from);
      if (!existsSync(file)) fail(`There is no backup at ${file}.`);
      const backup = readFileSync(file);
      if (backup[0] !== GZIP_MAGIC[0] || backup[1] !== GZIP_MAGIC[1]) fail(`${file} is not a backup made by hearth backup.`);
      const started = Date.now();
      if (hasDatabase(dir)) {
        if (!options.force)
          fail(`${dir} already holds a database. Restore into an empty folder (set HEARTH_DATA_DIR), or add --force to move this one aside first.`);
        const aside = `${dir}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        const current = await openEmbedded(dir); // takes the lock: refuses while Hearth is running
        await current.close();
        renameSync(dir, aside);
        out(`Moved the database that was in ${dir} to ${aside}.`);
      }
      mkdirSync(dir, { recursive: true });
      const database = await openEmbedded(dir, new Blob([backup]));
      try {
        const tables = await sql<{
          name: string;
        }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`.execute(database.db);
        let rows = 0;
        for (const table of tables.rows) {
          const count = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table.name)}`.execute(database.db);
          rows += count.rows[0]?.n ?? 0;
        }
        const chain = await verifyAuditChain(database.db);
        if (!chain.ok)
          fail(
            `Restored into ${dir}, but its audit chain is broken at entry ${chain.firstBreak?.seq ?? '?'}: ${chain.firstBreak?.problem ?? ''}. Keep the backup file and tell your information governance lead.`,
          );
        out(
          `Restored ${file} into ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${String(tables.rows.length)} tables, ${String(rows)} rows, audit chain intact (${String(chain.checked)} entries).`,
        );
      } finally {
        await database.close();
      }
    });
}
