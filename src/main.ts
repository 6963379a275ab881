// `npm start`: the whole service. PGlite in ./data unless DATABASE_URL names a PostgreSQL server;
// migrated, seeded with the demo authority on first run, then listening on PORT (3000).
import { resolve } from 'node:path';
import { CompiledQuery } from 'kysely';
import { sweepExpiredRows } from './app/ops/sweep.ts';
import { systemClock } from './app/shared/deps.ts';
import { systemContext } from './app/shared/request-context.ts';
import { SWEEP_INTERVAL_MS } from './domain/shared/retention/retention.ts';
import { connect } from './db/connect.ts';
import { migrate } from './db/migrate.ts';
import { hasDemoAuthority, seedDemoAuthority, DEMO_PASSWORD } from './db/seed/demo-authority.ts';
import { createLogger } from './logger.ts';
import { loadWebConfig } from './web/config.ts';
import { buildServer } from './web/server.ts';
import { DEMO_USERS } from './db/seed/users.ts';

const logger = createLogger();
const databaseUrl = process.env['DATABASE_URL'];
const dataDir = databaseUrl === undefined || databaseUrl === '' ? resolve(process.env['HEARTH_DATA_DIR'] ?? 'data') : undefined;
const port = Number(process.env['PORT'] ?? 3000);
const host = process.env['HOST'] ?? '127.0.0.1';

const handle = await connect({ databaseUrl, dataDir });
const { applied } = await migrate(handle);
if (applied.length > 0) logger.info({ applied }, 'migrations applied');
const deps = { db: handle.db, engine: handle.engine, clock: systemClock };
const seedDemo = process.env['HEARTH_DEMO'] !== 'false';
let seeded = false;
if (seedDemo && !(await hasDemoAuthority(handle.db))) {
  await seedDemoAuthority(handle, systemClock.now());
  seeded = true;
}
const { app } = await buildServer(deps, loadWebConfig(process.env, dataDir), logger);

// PGlite never runs autovacuum or autoanalyze (RELIABILITY.md M5): refresh statistics hourly.
const maintenance =
  handle.engine === 'pglite'
    ? setInterval(() => {
        handle.db.executeQuery(CompiledQuery.raw('analyze')).catch((error: unknown) => {
          logger.warn({ err: { type: (error as Error).name } }, 'scheduled analyze failed');
        });
      }, 60 * 60 * 1000)
    : undefined;
maintenance?.unref();

// Expired sessions and old idempotency records are deleted hourly, on either engine
// (src/domain/shared/retention/retention.ts; `npx hearth sweep` does the same by hand).
async function sweep(): Promise<void> {
  try {
    const swept = await sweepExpiredRows(deps, systemContext('scheduled sweep'));
    if (swept.sessions + swept.formSubmissions > 0) logger.info(swept, 'expired rows swept');
  } catch (error) {
    logger.warn({ err: { type: (error as Error).name } }, 'scheduled sweep failed');
  }
}
const sweeper = setInterval(() => void sweep(), SWEEP_INTERVAL_MS);
sweeper.unref();

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stopping');
  clearInterval(maintenance);
  clearInterval(sweeper);
  await app.close();
  await handle.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));

await app.listen({ port, host });
const url = `http://localhost:${String(port)}`;
const lines = [
  '',
  `Hearth is running at ${url}`,
  handle.engine === 'pglite'
    ? `Database: embedded PostgreSQL (PGlite) in ${dataDir ?? ''}. It survives application crashes, not power loss or OS crashes: use PostgreSQL (DATABASE_URL) for production data.`
    : 'Database: PostgreSQL server (DATABASE_URL).',
  seeded ? 'The demo authority was loaded (synthetic people only).' : '',
  ...(seedDemo ? ['', `Demo sign-ins (password for all: ${DEMO_PASSWORD}):`, ...DEMO_USERS.map((u) => `  ${u.username.padEnd(22)} ${u.roleLabel} — ${u.teamName}`)] : []),
  '',
];
process.stdout.write(lines.join('\n'));
