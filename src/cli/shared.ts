import { resolve } from 'node:path';
import { systemClock, type AppDeps } from '../app/shared/deps.ts';
import { connect, type DatabaseHandle } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';

export const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** A refusal to report to the operator; thrown so the database is closed cleanly first. */
export class CliError extends Error {}

export const fail = (line: string): never => {
  throw new CliError(line);
};

export const list = (value: string): string[] =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** The embedded database folder, or undefined when DATABASE_URL names a server. */
export function dataDirFromEnv(): string | undefined {
  const databaseUrl = process.env['DATABASE_URL'];
  return databaseUrl === undefined || databaseUrl === '' ? resolve(process.env['HEARTH_DATA_DIR'] ?? 'data') : undefined;
}

/** Opens the database the service would use (migrated), runs `fn`, and always closes it. */
export async function withDatabase<T>(fn: (handle: DatabaseHandle, deps: AppDeps) => Promise<T>): Promise<T> {
  const handle = await connect({
    databaseUrl: process.env['DATABASE_URL'],
    dataDir: dataDirFromEnv(),
    poolSize: 4,
  });
  try {
    await migrate(handle);
    return await fn(handle, {
      db: handle.db,
      engine: handle.engine,
      clock: systemClock,
    });
  } finally {
    await handle.close();
  }
}
