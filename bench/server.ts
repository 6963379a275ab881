// The server under test, run as a child process of bench/run.ts (so its memory can be measured on
// its own): the same buildServer() as `npm start`, in production mode, logging at info level to
// /dev/null (the cost of logging is real, the output is not wanted). It also runs the raw-SQL floor
// on request, through its own pool. Messages: {type:'raw', ...RawRequest} and {type:'stop'}.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import pg from 'pg';
import pino from 'pino';
import { systemClock } from '../src/app/shared/deps.ts';
import { connect } from '../src/db/connect.ts';
import { migrate } from '../src/db/migrate.ts';
import { createLogger } from '../src/logger.ts';
import { loadWebConfig } from '../src/web/config.ts';
import { buildServer } from '../src/web/server.ts';
import { runRaw, type RawRequest } from './raw.ts';

const send = (message: unknown): void => {
  process.send?.(message);
};

// BENCH_COUNT_STATEMENTS: count every statement sent to PostgreSQL (BEGIN and COMMIT included), for
// statements per page; bench/case-page.ts asks for the count with {type:'statements'}.
let statements = 0;
if (process.env['BENCH_COUNT_STATEMENTS'] === '1') {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- wrapped below and called with the client as `this`
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function counted(this: pg.Client, ...args: unknown[]) {
    statements += 1;
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;
}

// {type:'profile-start'} / {type:'profile-stop', file}: a CPU profile of just the load run (not
// start-up or the raw floor), for bench/case-page.ts.
const inspector = new Session();
inspector.connect();

const databaseUrl = process.env['DATABASE_URL'];
const dataDir = databaseUrl === undefined || databaseUrl === '' ? process.env['HEARTH_DATA_DIR'] : undefined;
const handle = await connect({ databaseUrl, dataDir });
await migrate(handle);
const deps = { db: handle.db, engine: handle.engine, clock: systemClock };
const logger = createLogger('info', pino.destination({ dest: '/dev/null', sync: false }));
const { app } = await buildServer(deps, loadWebConfig(process.env, dataDir), logger);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
send({ type: 'ready', port: typeof address === 'object' && address !== null ? address.port : 0 });

process.on('message', (message: { type: string } & Partial<RawRequest>) => {
  if (message.type === 'raw') {
    runRaw(handle.db, message as RawRequest).then(
      (figures) => send({ type: 'raw-result', figures }),
      (error: unknown) => send({ type: 'raw-error', message: String(error) }),
    );
  } else if (message.type === 'profile-start') {
    void (async () => {
      await inspector.post('Profiler.enable');
      await inspector.post('Profiler.start');
      send({ type: 'profile-started' });
    })();
  } else if (message.type === 'profile-stop') {
    void (async () => {
      const { profile } = await inspector.post('Profiler.stop');
      const file = String((message as { file?: string }).file);
      writeFileSync(file, JSON.stringify(profile));
      send({ type: 'profile-stopped', file });
    })();
  } else if (message.type === 'statements') {
    send({ type: 'statements', statements });
  } else if (message.type === 'stop') {
    void (async () => {
      await app.close();
      await handle.close();
      process.exit(0);
    })();
  }
});
