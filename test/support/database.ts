// A fresh, migrated database per test file: PGlite in memory, or a new database on the PostgreSQL
// server named by TEST_DATABASE_URL (created here and dropped afterwards), so files run in parallel.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { AppDeps, Clock } from '../../src/app/shared/deps.ts';
import { connect, type DatabaseHandle } from '../../src/db/connect.ts';
import { migrate } from '../../src/db/migrate.ts';

export const engineUnderTest = (): 'pglite' | 'postgres' => (process.env['HEARTH_TEST_ENGINE'] === 'postgres' ? 'postgres' : 'pglite');

export interface TestDatabase {
  readonly handle: DatabaseHandle;
  readonly deps: AppDeps;
  readonly clock: MutableClock;
  close(): Promise<void>;
}

export interface MutableClock extends Clock {
  set(date: Date): void;
  advance(ms: number): void;
}

export function mutableClock(start = new Date()): MutableClock {
  let current = start;
  return {
    now: () => current,
    set: (date) => {
      current = date;
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

export async function createTestDatabase(options: { readonly poolSize?: number } = {}): Promise<TestDatabase> {
  const clock = mutableClock();
  if (engineUnderTest() === 'pglite') {
    const handle = await connect({});
    await migrate(handle);
    return { handle, clock, deps: { db: handle.db, engine: handle.engine, clock }, close: () => handle.close() };
  }
  const serverUrl = process.env['TEST_DATABASE_URL'];
  if (serverUrl === undefined) throw new Error('TEST_DATABASE_URL is not set');
  const name = `hearth_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await connect({ databaseUrl: url.toString(), poolSize: options.poolSize ?? 5 });
  await migrate(handle);
  return {
    handle,
    clock,
    deps: { db: handle.db, engine: handle.engine, clock },
    close: async () => {
      await handle.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
