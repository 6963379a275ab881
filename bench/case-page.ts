// A quick, repeatable look at the case record page alone, against an authority already generated
// (`npx hearth seed --scale N` into DATABASE_URL): signs users in, runs the server (bench/server.ts)
// with a statement counter, loads `/children/:id` and prints server CPU ms per request, statements
// per page and req/s, then the raw-SQL floor and the floor with the audit append. For A/B work on a
// shared machine, where CPU per request and statements per page move far less than req/s.
//   DATABASE_URL=postgres://…/perf2_bench npx tsx bench/case-page.ts [connections] [seconds]
// BENCH_PROFILE=<dir>: a CPU profile of the server during the page load run only.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect } from '../src/db/connect.ts';
import { migrate } from '../src/db/migrate.ts';
import { signedInTargets } from './fixtures.ts';
import { load } from './load.ts';
import type { RawRequest } from './raw.ts';
import type { RunFigures } from './stats.ts';

const url = process.env['DATABASE_URL'] ?? '';
if (url === '') throw new Error('DATABASE_URL: an authority generated with `npx hearth seed --scale N`');
const connections = Number(process.argv[2] ?? 200);
const seconds = Number(process.argv[3] ?? 5);
const here = dirname(fileURLToPath(import.meta.url));

const handle = await connect({ databaseUrl: url });
await migrate(handle);
const targets = await signedInTargets(handle);
await handle.close();

const profile = process.env['BENCH_PROFILE'];
if (profile !== undefined) mkdirSync(profile, { recursive: true });
const child = fork(join(here, 'server.ts'), [], {
  execArgv: ['--import', 'tsx'],
  env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'production', HEARTH_SECRET: randomBytes(32).toString('hex'), HEARTH_COOKIE_SECURE: 'false', BENCH_COUNT_STATEMENTS: '1' },
  stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
});
const port = await new Promise<number>((resolve) => {
  child.once('message', (m: { type: string; port: number }) => {
    resolve(m.port);
  });
});
const ask = <T>(message: Record<string, unknown>, reply: string): Promise<T> =>
  new Promise((resolve, reject) => {
    const on = (m: { type: string; figures?: T; statements?: T; message?: string }) => {
      if (m.type === reply) {
        child.off('message', on);
        resolve((m.figures ?? m.statements) as T);
      } else if (m.type === 'raw-error') {
        child.off('message', on);
        reject(new Error(m.message));
      }
    };
    child.on('message', on);
    child.send(message);
  });
const cpuMs = (): number => {
  const fields = readFileSync(`/proc/${String(child.pid)}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

const cases = targets.cases.map((t) => ({ path: `/children/${t.childId}`, cookie: `hearth-session=${t.token}` }));
await load(port, cases, 10, 3);
if (profile !== undefined) await ask({ type: 'profile-start' }, 'profile-started');
const before = await ask<number>({ type: 'statements' }, 'statements');
const cpu0 = cpuMs();
const page: RunFigures = await load(port, cases, connections, seconds);
const cpu = cpuMs() - cpu0;
if (profile !== undefined) await ask({ type: 'profile-stop', file: join(profile, `case-page-${String(Date.now())}.cpuprofile`) }, 'profile-stopped');
const statements = (await ask<number>({ type: 'statements' }, 'statements')) - before;
const raw = await ask<RunFigures>({ type: 'raw', kind: 'case', targets: targets.cases, concurrency: connections, durationMs: seconds * 1000 } satisfies RawRequest & { type: string }, 'raw-result');
const rawAudit = await ask<RunFigures>(
  { type: 'raw', kind: 'case', withAudit: true, targets: targets.cases, concurrency: connections, durationMs: seconds * 1000 } satisfies RawRequest & { type: string },
  'raw-result',
);
child.send({ type: 'stop' });
const f = (n: number) => n.toFixed(n < 10 ? 2 : 0);
process.stdout.write(
  `case page at ${String(connections)} conns, ${String(seconds)} s: ${f(page.rps)} req/s, p50 ${f(page.p50)} p95 ${f(page.p95)} ms, ` +
    `non-2xx ${String(page.non2xx)}, errors ${String(page.errors)}; server CPU ${f(cpu / Math.max(1, page.requests))} ms/req; ` +
    `${f(statements / Math.max(1, page.requests))} statements/page\n` +
    `raw ${f(raw.rps)} req/s (p95 ${f(raw.p95)}), raw+audit ${f(rawAudit.rps)} req/s (p95 ${f(rawAudit.p95)}); page/raw ${((page.rps / raw.rps) * 100).toFixed(1)}%\n`,
);
