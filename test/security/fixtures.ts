// The demo authority plus the two accounts the access matrix needs: a named grantee of the
// restricted record and an account the administrator's cells may edit.
import { sql } from 'kysely';
import { DEMO_CHILD_IDS } from '../../src/db/seed/demo-authority.ts';
import { DEMO_USER_IDS } from '../../src/db/seed/users.ts';
import { buildServer } from '../../src/web/server.ts';
import { createTestAuthority } from '../support/authority.ts';
import type { TestWeb } from '../support/web.ts';
import { GRANTEE, TARGET_USER } from './access-matrix.ts';

/**
 * Like createTestWeb(), but configured as in production (templates compiled once, CSP upgrading
 * insecure requests), with CSRF and secure cookies on.
 */
export async function createSecurityWeb(): Promise<TestWeb> {
  const database = await createTestAuthority();
  const server = await buildServer(database.deps, { production: true, cookieSecret: 'security-suite-secret-'.repeat(2), cookieSecure: true, trustProxy: false });
  const web: TestWeb = {
    database,
    server,
    app: server.app,
    close: async () => {
      await server.app.close();
      await database.close();
    },
  };
  const db = web.database.handle.db;
  const now = web.database.clock.now();
  const { passwordHash } = await db.selectFrom('appUser').select('passwordHash').where('id', '=', DEMO_USER_IDS.socialWorker).executeTakeFirstOrThrow();
  for (const user of [GRANTEE, TARGET_USER]) {
    const team = await db.selectFrom('team').select('id').where('code', '=', user.teamCode).executeTakeFirstOrThrow();
    await db.insertInto('appUser').values({ id: user.id, username: user.username, displayName: user.displayName, passwordHash, createdAt: now, updatedAt: now }).execute();
    await db.insertInto('userRole').values({ userId: user.id, role: user.role }).execute();
    await db.insertInto('teamMembership').values({ userId: user.id, teamId: team.id, isManager: false }).execute();
  }
  await db
    .insertInto('accessGrant')
    .values({ personId: DEMO_CHILD_IDS.restricted, userId: GRANTEE.id, grantedByUserId: DEMO_USER_IDS.teamManager, reason: 'Access matrix: named grantee', createdAt: now })
    .execute();
  return web;
}

/** Rows in every table of the public schema, by table (so tables added later are counted too). */
export async function tableCounts(web: TestWeb): Promise<Record<string, number>> {
  const db = web.database.handle.db;
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  if (tables.rows.length === 0) return {};
  const counts = sql.join(tables.rows.map((t) => sql`select ${t.name} as name, count(*)::int as n from ${sql.table(t.name)}`), sql` union all `);
  const result = await sql<{ name: string; n: number }>`${counts}`.execute(db);
  return Object.fromEntries(result.rows.map((r) => [r.name, r.n]));
}

export async function lastAuditSeq(web: TestWeb): Promise<bigint> {
  const head = await web.database.handle.db.selectFrom('auditChainHead').select('seq').where('id', '=', 1).executeTakeFirstOrThrow();
  return BigInt(head.seq);
}

export async function auditSince(web: TestWeb, seq: bigint) {
  return web.database.handle.db.selectFrom('auditEvent').select(['seq', 'action', 'outcome', 'actorUserId']).where('seq', '>', String(seq)).orderBy('seq').execute();
}
