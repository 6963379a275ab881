// In-process probe of "My work" (issue 9): statements per page and time per due-item source, for
// workers and managers of a generated authority, without HTTP. Not a test: it prints what it measured.
//
//   PROBE_DATABASE_URL  a PostgreSQL database (kept between runs; generated once if empty)
//   PROBE_CHILDREN      children to generate when empty (default 20000)
//   PROBE_ROUNDS        rounds over the chosen users (default 5)
//
//   npx tsx bench/my-work-probe.ts
import {
  sql,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type QueryResult,
  type RootOperationNode,
  type UnknownRow,
} from 'kysely';
import { systemClock } from '../src/app/shared/deps.ts';
import type { RequestContext } from '../src/app/shared/request-context.ts';
import { DUE_ITEM_SOURCES } from '../src/app/work/due-item-sources.ts';
import { viewMyWork } from '../src/app/work/my-work.ts';
import { loadActor } from '../src/db/admin/user-repository.ts';
import { connect } from '../src/db/connect.ts';
import { migrate } from '../src/db/migrate.ts';
import { seedScaleAuthority } from '../src/db/seed/synthetic/scale.ts';

const env = process.env;
const url = env['PROBE_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/mywork_db';
const rounds = Number(env['PROBE_ROUNDS'] ?? 5);

class Counter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count += 1;
    return args.node;
  }
  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}

const handle = await connect({ databaseUrl: url });
await migrate(handle);
const people = (await sql<{ n: string }>`select count(*)::text as n from person`.execute(handle.db)).rows[0]?.n ?? '0';
if (people === '0') {
  const children = Number(env['PROBE_CHILDREN'] ?? 20_000);
  process.stderr.write(`generating ${String(children)} children\n`);
  await seedScaleAuthority(handle, systemClock.now(), { children, seed: 2026, auditHistory: false });
  await sql`analyze`.execute(handle.db);
}
const counter = new Counter();
const deps = { db: handle.db.withPlugin(counter), engine: handle.engine, clock: systemClock };

const users = (
  await sql<{ id: string; isManager: boolean }>`
  select u.id, tm.is_manager as "isManager" from app_user u
  join user_role r on r.user_id = u.id join team_membership tm on tm.user_id = u.id
  where u.active and u.id::text like '5ca1e000%' and (
    (r.role = 'social_worker' and not tm.is_manager and exists (select 1 from allocation a where a.worker_user_id = u.id and a.ended_on is null))
    or (r.role = 'team_manager' and tm.is_manager and exists (select 1 from allocation a where a.team_id = tm.team_id and a.ended_on is null)))
  order by md5(u.id::text)`.execute(handle.db)
).rows;
const workers = users.filter((u) => !u.isManager).slice(0, 12);
const managers = users.filter((u) => u.isManager).slice(0, 4);

async function ctxOf(id: string): Promise<RequestContext> {
  const actor = await loadActor(handle.db, id);
  if (actor === null) throw new Error(`no actor ${id}`);
  return { actor, requestId: null, ip: null };
}

for (const [label, group] of [
  ['worker', workers],
  ['manager', managers],
] as const) {
  const ctxs = await Promise.all(group.map((u) => ctxOf(u.id)));
  for (const ctx of ctxs) await viewMyWork(deps, ctx); // warm up
  let statements = 0;
  let items = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < rounds; r += 1) {
    for (const ctx of ctxs) {
      const before = counter.count;
      const work = await viewMyWork(deps, ctx);
      statements += counter.count - before;
      items += work.myDue.length + work.teamDue.length;
    }
  }
  const n = rounds * ctxs.length;
  const ms = (performance.now() - t0) / n;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000 / n;
  process.stdout.write(
    `${label}: ${String(n)} pages, ${(statements / n).toFixed(1)} statements/page, ${(items / n).toFixed(0)} due items/page, ${ms.toFixed(1)} ms/page wall, ${cpuMs.toFixed(1)} ms/page Node CPU\n`,
  );

  // each source alone, in its own transaction, with the page's scope
  const perSource = new Map<string, { ms: number; statements: number; items: number }>();
  for (let r = 0; r < rounds; r += 1) {
    for (const ctx of ctxs) {
      const actor = ctx.actor;
      if (actor === null) continue;
      const managed = actor.teams.filter((t) => t.isManager).map((t) => t.teamId);
      const scope = label === 'manager' ? { teamIds: managed } : { workerId: actor.userId };
      for (const source of DUE_ITEM_SOURCES) {
        const name = source.name;
        const before = counter.count;
        const s0 = performance.now();
        const got = await deps.db.transaction().execute((trx) => source(trx, actor, new Date(), scope));
        const entry = perSource.get(name) ?? { ms: 0, statements: 0, items: 0 };
        entry.ms += performance.now() - s0;
        entry.statements += counter.count - before;
        entry.items += got.length;
        perSource.set(name, entry);
      }
    }
  }
  for (const [name, e] of perSource)
    process.stdout.write(
      `  ${name.padEnd(28)} ${(e.ms / n).toFixed(2).padStart(7)} ms  ${(e.statements / n).toFixed(1)} statements  ${(e.items / n).toFixed(1)} items\n`,
    );
}
await handle.close();
