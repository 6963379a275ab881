// Databases and signed-in sessions for the benchmark: a fresh PostgreSQL database (created and
// dropped here) or a PGlite folder; sessions made through the sign-in use case, as a person signing
// in would; and the children each user may open, so requests spread over many records and users.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { signIn } from '../src/app/auth/sign-in.ts';
import { systemClock } from '../src/app/shared/deps.ts';
import type { DatabaseHandle } from '../src/db/connect.ts';
import { DEMO_PASSWORD } from '../src/db/seed/demo-authority.ts';
import type { RawTarget } from './raw.ts';

export interface BenchDatabase {
  readonly engine: 'postgres' | 'pglite';
  /** DATABASE_URL for the server process, or undefined for PGlite. */
  readonly url: string | undefined;
  readonly dataDir: string | undefined;
  drop(): Promise<void>;
}

export async function freshPostgres(serverUrl: string, name: string): Promise<BenchDatabase> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bad database name ${name}`);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    engine: 'postgres',
    url: url.toString(),
    dataDir: undefined,
    drop: async () => {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

export function freshPglite(): BenchDatabase {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-bench-'));
  return {
    engine: 'pglite',
    url: undefined,
    dataDir,
    drop: async () => {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface LoadTargets {
  /** GET /children/:id requests a signed-in user may make (the page answers 200). */
  readonly cases: readonly (RawTarget & { readonly childId: string })[];
  /** GET /my-work, one per signed-in user. */
  readonly myWork: readonly RawTarget[];
  readonly users: number;
}

interface UserRow {
  id: string;
  username: string;
  role: string;
  teamId: string;
  isManager: boolean;
}

/**
 * Signs in up to `maxUsers` staff of the generated authority (workers with caseloads, their
 * managers, and MASH practitioners who work across cases) and lists, for each, up to
 * `perUser` children they may open: their own, their team's, or any for the front door.
 */
export async function signedInTargets(handle: DatabaseHandle, maxUsers = 120, perUser = 25): Promise<LoadTargets> {
  const deps = { db: handle.db, engine: handle.engine, clock: systemClock };
  const users = (await sql<UserRow>`
    select u.id, u.username, r.role, tm.team_id, tm.is_manager from app_user u
    join user_role r on r.user_id = u.id join team_membership tm on tm.user_id = u.id
    where u.active and u.id::text like '5ca1e000%' and (
      (r.role in ('social_worker', 'personal_adviser') and exists (select 1 from allocation a where a.worker_user_id = u.id and a.ended_on is null))
      or (r.role = 'team_manager' and tm.is_manager and exists (select 1 from allocation a where a.team_id = tm.team_id and a.ended_on is null))
      or r.role = 'mash_practitioner')
    order by md5(u.id::text)`.execute(handle.db)).rows;
  const workers = users.filter((u) => !u.isManager && u.role !== 'mash_practitioner');
  const managers = users.filter((u) => u.isManager);
  const mash = users.filter((u) => u.role === 'mash_practitioner');
  const chosen = [...workers.slice(0, Math.round(maxUsers * 0.75)), ...managers.slice(0, Math.round(maxUsers * 0.15)), ...mash.slice(0, Math.round(maxUsers * 0.1))];
  const cases: (RawTarget & { childId: string })[] = [];
  const myWork: RawTarget[] = [];
  const anyChildren = (await sql<{ childId: string }>`select a.child_id from allocation a join person p on p.id = a.child_id
    where a.ended_on is null and p.restriction = 'none' order by md5(a.child_id::text) limit 2000`.execute(handle.db)).rows;
  for (const user of chosen) {
    const result = await signIn(deps, { username: user.username, password: DEMO_PASSWORD, ip: '127.0.0.1', requestId: null });
    if (result.outcome !== 'signed-in') throw new Error(`could not sign in ${user.username}: ${result.outcome}`);
    const token = result.token;
    const children =
      user.role === 'mash_practitioner'
        ? anyChildren.slice(cases.length % 1000, (cases.length % 1000) + perUser)
        : (await sql<{ childId: string }>`select a.child_id from allocation a join person p on p.id = a.child_id
            where a.ended_on is null and a.team_id = ${user.teamId} and p.restriction = 'none'
            order by (a.worker_user_id = ${user.id}) desc, md5(a.child_id::text) limit ${perUser}`.execute(handle.db)).rows;
    for (const c of children) cases.push({ token, childId: c.childId });
    myWork.push({ token, ...(user.isManager ? { managedTeamIds: [user.teamId] } : {}) });
  }
  return { cases, myWork, users: chosen.length };
}
