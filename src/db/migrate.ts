// Forward-only SQL migrations, applied in name order, each in its own transaction, recorded with a
// checksum so an edited migration is refused rather than silently skipped.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { DatabaseHandle } from './connect.ts';

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface MigrationResult {
  readonly applied: readonly string[];
}

export function listMigrations(): { name: string; script: string; checksum: string }[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name))
    .sort()
    .map((name) => {
      const script = readFileSync(join(MIGRATIONS_DIR, name), 'utf8');
      return { name, script, checksum: createHash('sha256').update(script).digest('hex') };
    });
}

export async function migrate(handle: DatabaseHandle): Promise<MigrationResult> {
  const { db } = handle;
  await handle.exec(`create table if not exists schema_migration (
      name text primary key, checksum text not null, applied_at timestamptz not null default now())`);
  const done = new Map((await db.selectFrom('schemaMigration').select(['name', 'checksum']).execute()).map((r) => [r.name, r.checksum]));
  const applied: string[] = [];
  for (const migration of listMigrations()) {
      const previous = done.get(migration.name);
      if (previous !== undefined) {
        if (previous !== migration.checksum) {
          throw new Error(`Migration ${migration.name} was changed after it was applied. Migrations are forward-only: add a new one.`);
        }
        continue;
      }
      // One simple-protocol message runs as one implicit transaction on both engines. The row is
      // inserted first: a second migrator racing on a shared server waits on its key, then fails
      // cleanly instead of applying the script twice. Name and checksum match [0-9a-z_.] only.
      await handle.exec(`insert into schema_migration (name, checksum) values ('${migration.name}', '${migration.checksum}');\n${migration.script}`);
      applied.push(migration.name);
    }
  // PGlite never autovacuums or analyzes (RELIABILITY.md M5): statistics are refreshed here.
  if (applied.length > 0) await sql`analyze`.execute(db);
  return { applied };
}
