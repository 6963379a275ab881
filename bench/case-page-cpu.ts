// In-process CPU per case page: builds the server as `npm start` does (production mode), signs users
// in, then injects GET /children/:id (no sockets, no load generator) at a small concurrency and
// reports the process's CPU (user + system) and statements per page. Less moved by other load on a
// shared machine than req/s; for A/B comparisons.
//   DATABASE_URL=postgres://…/perf2_bench npx tsx bench/case-page-cpu.ts [requests] [concurrency]
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { systemClock } from '../src/app/shared/deps.ts';
import { connect } from '../src/db/connect.ts';
import { migrate } from '../src/db/migrate.ts';
import { createLogger } from '../src/logger.ts';
import { loadWebConfig } from '../src/web/config.ts';
import { buildServer } from '../src/web/server.ts';
import { signedInTargets } from './fixtures.ts';

let statements = 0;
// eslint-disable-next-line @typescript-eslint/unbound-method -- wrapped below and called with the client as `this`
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
  statements += 1;
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

const url = process.env['DATABASE_URL'] ?? '';
if (url === '') throw new Error('DATABASE_URL: an authority generated with `npx hearth seed --scale N`');
const requests = Number(process.argv[2] ?? 1000);
const concurrency = Number(process.argv[3] ?? 10);
const handle = await connect({ databaseUrl: url });
await migrate(handle);
const targets = await signedInTargets(handle);
const env = { ...process.env, NODE_ENV: 'production', HEARTH_SECRET: randomBytes(32).toString('hex'), HEARTH_COOKIE_SECURE: 'false' };
const logger = createLogger('info', pino.destination({ dest: '/dev/null', sync: false }));
const { app } = await buildServer({ db: handle.db, engine: handle.engine, clock: systemClock }, loadWebConfig(env, undefined), logger);
await app.ready();

async function run(count: number): Promise<number> {
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < count) {
      const t = targets.cases[next++ % targets.cases.length];
      if (t === undefined) return;
      const r = await app.inject({ method: 'GET', url: `/children/${t.childId}`, headers: { cookie: `hearth-session=${t.token}` } });
      if (r.statusCode !== 200) failed += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return failed;
}

await run(Math.min(500, requests));
const s0 = statements;
const c0 = process.cpuUsage();
const t0 = performance.now();
const failed = await run(requests);
const wall = performance.now() - t0;
const cpu = process.cpuUsage(c0);
process.stdout.write(
  `${String(requests)} case pages in-process at concurrency ${String(concurrency)}: CPU ${((cpu.user + cpu.system) / 1000 / requests).toFixed(2)} ms/page ` +
    `(user ${(cpu.user / 1000 / requests).toFixed(2)}), ${((statements - s0) / requests).toFixed(2)} statements/page, ${(requests / (wall / 1000)).toFixed(0)} pages/s, ${String(failed)} not 200\n`,
);
await app.close();
await handle.close();
