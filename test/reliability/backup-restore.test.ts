// The backup and restore drill (RELIABILITY.md §4.11) for the embedded database: back up, change
// the data, restore into a fresh folder, and compare every table's row count and an ordered MD5
// of its rows with the database at the moment of the backup; the restored audit chain verifies.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/app/admin/create-user.ts';
import { systemClock } from '../../src/app/shared/deps.ts';
import { systemContext } from '../../src/app/shared/request-context.ts';
import { connect } from '../../src/db/connect.ts';
import { migrate } from '../../src/db/migrate.ts';
import { seedDemoAuthority } from '../../src/db/seed/demo-authority.ts';
import { verifyAuditChain } from '../../src/db/shared/audit-repository.ts';
import { engineUnderTest } from '../support/database.ts';

const run = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'hearth-backup-'));
const live = join(work, 'live');
const file = join(work, 'hearth-backup.tar.gz');
const hearth = (dataDir: string, ...args: string[]) =>
  run(process.execPath, ['bin/hearth.js', ...args], { env: { ...process.env, HEARTH_DATA_DIR: dataDir, DATABASE_URL: '' }, timeout: 60_000 });
const failure = (promise: Promise<unknown>) => promise.then(() => ({ code: 0, stderr: '' }), (e: unknown) => e as { code: number; stderr: string });

interface Snapshot {
  readonly counts: Record<string, number>;
  readonly checksums: Record<string, string>;
  readonly chain: { ok: boolean; checked: number };
}

/** Per-table row counts and an MD5 of each table's rows in a fixed order. */
async function snapshot(dataDir: string): Promise<Snapshot> {
  const handle = await connect({ dataDir });
  try {
    const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(handle.db);
    const counts: Record<string, number> = {};
    const checksums: Record<string, string> = {};
    for (const { name } of tables.rows) {
      const row = await sql<{ n: number; md5: string }>`select count(*)::int as n, md5(coalesce(string_agg(t::text, E'\n' order by t::text), '')) as md5 from ${sql.table(name)} as t`.execute(handle.db);
      counts[name] = row.rows[0]?.n ?? -1;
      checksums[name] = row.rows[0]?.md5 ?? '';
    }
    const chain = await verifyAuditChain(handle.db);
    return { counts, checksums, chain: { ok: chain.ok, checked: chain.checked } };
  } finally {
    await handle.close();
  }
}

async function addUser(dataDir: string, username: string): Promise<void> {
  const handle = await connect({ dataDir });
  try {
    await createUser({ db: handle.db, engine: handle.engine, clock: systemClock }, systemContext('backup test'), {
      username,
      displayName: 'Changed After Backup',
      password: 'a-long-enough-password',
      roles: ['iro'],
      teamIds: [],
      managedTeamIds: [],
    });
  } finally {
    await handle.close();
  }
}

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe.skipIf(engineUnderTest() !== 'pglite')('hearth backup and hearth restore (RELIABILITY.md §4.11)', () => {
  let atBackup: Snapshot;
  let changed: Snapshot;

  beforeAll(async () => {
    const handle = await connect({ dataDir: live });
    await migrate(handle);
    await seedDemoAuthority(handle, new Date());
    await handle.close();
    const backup = await hearth(live, 'backup', '--out', file);
    expect(backup.stdout).toMatch(/Backed up .* audit log to entry \d+/);
    atBackup = await snapshot(live);
    await addUser(live, 'after.backup');
    changed = await snapshot(live);
  }, 120_000);

  it('writes a backup only its owner can read, and records that it was taken', async () => {
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const handle = await connect({ dataDir: live });
    try {
      const audit = await handle.db.selectFrom('auditEvent').select(['action', 'actorLabel']).where('action', '=', 'ops.database.backed-up').execute();
      expect(audit).toEqual([{ action: 'ops.database.backed-up', actorLabel: 'hearth backup' }]);
    } finally {
      await handle.close();
    }
    expect(changed.counts['app_user']).toBe((atBackup.counts['app_user'] ?? 0) + 1);
  });

  it('restores into a fresh folder exactly what was backed up: every table, every row, an intact audit chain', async () => {
    const fresh = join(work, 'fresh');
    const restored = await hearth(fresh, 'restore', '--from', file);
    expect(restored.stdout).toMatch(/audit chain intact \(\d+ entries\)/);
    const copy = await snapshot(fresh);
    expect(copy.counts).toEqual(atBackup.counts);
    expect(copy.checksums).toEqual(atBackup.checksums);
    expect(copy.chain).toEqual({ ok: true, checked: atBackup.chain.checked });
    expect(readdirSync(fresh)).not.toContain('hearth.lock');
    expect((await hearth(fresh, 'verify-audit')).stdout).toContain('Audit chain intact');
  }, 60_000);

  it('refuses to restore over a database without --force, and with it moves that database aside', async () => {
    const refused = await failure(hearth(live, 'restore', '--from', file));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already holds a database');
    expect(await snapshot(live)).toEqual(changed);

    const forced = await hearth(live, 'restore', '--from', file, '--force');
    const aside = /Moved the database that was in .* to (.*)\.\n/.exec(forced.stdout)?.[1];
    expect(aside).toBeDefined();
    expect((await snapshot(live)).checksums).toEqual(atBackup.checksums);
    expect((await snapshot(aside ?? '')).checksums).toEqual(changed.checksums);
  }, 90_000);

  it('refuses while the database is in use, and refuses a file that is not a backup', async () => {
    const handle = await connect({ dataDir: live });
    try {
      const busy = await failure(hearth(live, 'backup', '--out', join(work, 'busy.tar.gz')));
      expect(busy.code).toBe(1);
      expect(busy.stderr).toContain('in use by another Hearth process');
      expect(existsSync(join(work, 'busy.tar.gz'))).toBe(false);
    } finally {
      await handle.close();
    }
    const notBackup = await failure(hearth(join(work, 'other'), 'restore', '--from', join(live, 'PG_VERSION')));
    expect(notBackup.stderr).toContain('is not a backup made by hearth backup');
  }, 60_000);
});

describe('backups of a PostgreSQL server', () => {
  it('are left to pg_dump: the command says so instead of copying anything', async () => {
    const refused = await failure(run(process.execPath, ['bin/hearth.js', 'backup', '--out', join(work, 'server.tar.gz')], { env: { ...process.env, DATABASE_URL: 'postgres://hearth@127.0.0.1:1/none' }, timeout: 60_000 }));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('pg_dump');
  });
});
