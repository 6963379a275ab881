// Person search latency over a database already generated (`npx hearth seed --scale N`), without
// generating it again: `DATABASE_URL=… npx tsx bench/search-existing.ts [searches]`. Prints the
// same latency figures as `npm run bench` (bench/search.ts), for profiling search changes A/B.
import { systemClock } from '../src/app/shared/deps.ts';
import { connect } from '../src/db/connect.ts';
import { frontDoorContext, searchLatency } from './search.ts';

const url = process.env['DATABASE_URL'];
if (url === undefined || url === '') throw new Error('set DATABASE_URL to a generated authority');
const handle = await connect({ databaseUrl: url });
try {
  const deps = { db: handle.db, engine: handle.engine, clock: systemClock };
  const ctx = await frontDoorContext(deps);
  const n = Number(process.argv[2] ?? 400);
  const people = await handle.db.selectFrom('person').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const latency = await searchLatency(deps, ctx, n);
  const byKind = Object.entries(latency.byKind)
    .map(([k, v]) => `${k}: p50 ${v.p50.toFixed(1)} / p95 ${v.p95.toFixed(1)}`)
    .join('\n  ');
  process.stdout.write(
    `${Number(people.n).toLocaleString('en-GB')} people, ${String(latency.searches)} searches one at a time: p50 ${latency.p50.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms, p99 ${latency.p99.toFixed(1)} ms\n  ${byKind}\n`,
  );
} finally {
  await handle.close();
}
