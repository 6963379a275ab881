// `npm run bench`: figures for the README's Performance section, each the median of several runs.
//
//   BENCH_DATABASE_URL (or DATABASE_URL)  a PostgreSQL server: a fresh database is created on it,
//                                         and dropped after; without it only PGlite is measured
//   BENCH_DATABASE_NAME  the database created on that server (default hearth_bench; also <name>_search)
//   BENCH_ENGINES        postgres,pglite (default: both when a server is given)
//   BENCH_CHILDREN       children generated for the page benchmarks (60000 PostgreSQL, 20000 PGlite)
//   BENCH_SEARCH_PEOPLE  people for the search benchmark on PostgreSQL (default 1000000; 0 skips);
//                        PGlite searches the page benchmark's authority
//   BENCH_DURATION       seconds per load run (default 8); BENCH_RUNS runs per figure (default 3)
//   BENCH_CONNECTIONS    concurrent connections (default 50,200)
//   BENCH_PARTS          what to measure (default pages,returns,search): e.g. `search` alone
//                        generates only the search authority
//   BENCH_PROFILE        a folder: the server runs with --cpu-prof there (read the profile with
//                        `npx tsx bench/profile-summary.ts <file.cpuprofile>`)
//
// Nothing here asserts a time: it prints what it measured (a test never does; RELIABILITY.md §4).
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock } from '../src/app/shared/deps.ts';
import { connect, type DatabaseHandle } from '../src/db/connect.ts';
import { migrate } from '../src/db/migrate.ts';
import { progressBar } from '../src/db/seed/synthetic/progress.ts';
import { seedScaleAuthority, type ScaleResult } from '../src/db/seed/synthetic/scale.ts';
import { freshPglite, freshPostgres, signedInTargets, type BenchDatabase, type LoadTargets } from './fixtures.ts';
import { load, type LoadTarget } from './load.ts';
import type { RawRequest } from './raw.ts';
import { returnBenchmarks, returnLines, type ReturnFigures } from './returns.ts';
import { duplicateDetection, frontDoorContext, searchLatency, type DetectionQuality, type SearchLatency } from './search.ts';
import { medianFigures, type RunFigures } from './stats.ts';

const env = process.env;
const serverUrl = env['BENCH_DATABASE_URL'] ?? env['DATABASE_URL'] ?? '';
const engines = (env['BENCH_ENGINES'] ?? (serverUrl === '' ? 'pglite' : 'postgres,pglite'))
  .split(',')
  .map((e) => e.trim())
  .filter((e): e is 'postgres' | 'pglite' => e === 'postgres' || e === 'pglite');
const duration = Number(env['BENCH_DURATION'] ?? 8);
const runs = Number(env['BENCH_RUNS'] ?? 3);
const connectionCounts = (env['BENCH_CONNECTIONS'] ?? '50,200')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const searchPeopleTarget = Number(env['BENCH_SEARCH_PEOPLE'] ?? 1_000_000);
const parts = new Set((env['BENCH_PARTS'] ?? 'pages,returns,search').split(',').map((p) => p.trim()));
/** The database created (and dropped) on the server; `<name>_search` for the search benchmark. */
const benchDbName = env['BENCH_DATABASE_NAME'] ?? 'hearth_bench';
const here = dirname(fileURLToPath(import.meta.url));
const say = (line: string) => process.stderr.write(`${line}\n`);
/** People per child in a generated authority (parents, step-parents, grandparents, duplicates). */
const PEOPLE_PER_CHILD = 2.07;

interface PageRow {
  engine: string;
  page: string;
  connections: number;
  http: RunFigures;
  raw: RunFigures;
}

interface EngineReport {
  engine: 'postgres' | 'pglite';
  seed: { children: number; people: number; rows: number; seconds: number };
  users: number;
  rows: PageRow[];
  rawWithAudit: RunFigures | null;
  peakRssMb: number;
  search: { people: number; latency: SearchLatency; quality: DetectionQuality } | null;
  returns: ReturnFigures[];
}

async function seedInto(handle: DatabaseHandle, children: number, auditHistory: boolean): Promise<{ result: ScaleResult; seconds: number }> {
  const bar = progressBar();
  const t0 = performance.now();
  const result = await seedScaleAuthority(handle, systemClock.now(), { children, seed: 2026, auditHistory, onProgress: bar });
  bar.end();
  return { result, seconds: (performance.now() - t0) / 1000 };
}

function startServer(db: BenchDatabase): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(join(here, 'server.ts'), [], {
    execArgv: ['--import', 'tsx', ...(env['BENCH_PROFILE'] === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${env['BENCH_PROFILE']}`])],
    env: {
      ...env,
      DATABASE_URL: db.url ?? '',
      HEARTH_DATA_DIR: db.dataDir ?? '',
      NODE_ENV: 'production',
      HEARTH_SECRET: randomBytes(32).toString('hex'),
      HEARTH_COOKIE_SECURE: 'false',
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { type: string; port: number }) => {
      if (m.type === 'ready') resolve({ child, port: m.port });
    });
    child.once('exit', (code) => {
      reject(new Error(`server exited with ${String(code)}`));
    });
  });
}

function askServer(child: ChildProcess, request: RawRequest): Promise<RunFigures> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: { type: string; figures?: RunFigures; message?: string }) => {
      if (m.type === 'raw-result' && m.figures !== undefined) {
        child.off('message', onMessage);
        resolve(m.figures);
      } else if (m.type === 'raw-error') {
        child.off('message', onMessage);
        reject(new Error(m.message));
      }
    };
    child.on('message', onMessage);
    child.send({ type: 'raw', ...request });
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => {
      resolve();
    });
    child.send({ type: 'stop' });
  });
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (clock ticks of 10 ms). */
function cpuMs(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const fields =
      readFileSync(`/proc/${String(pid)}/stat`, 'utf8')
        .split(') ')[1]
        ?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** Peak resident memory (VmHWM) of a process, in MB, from /proc. */
function peakRssMb(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb === undefined ? Number.NaN : Number(kb) / 1024;
  } catch {
    return Number.NaN;
  }
}

async function pageBenchmarks(
  engine: 'postgres' | 'pglite',
  db: BenchDatabase,
  targets: LoadTargets,
): Promise<{ rows: PageRow[]; rawWithAudit: RunFigures | null; peakRssMb: number }> {
  const { child, port } = await startServer(db);
  const cookieOf = (token: string) => `hearth-session=${token}`;
  const cases: LoadTarget[] = targets.cases.map((t) => ({ path: `/children/${t.childId}`, cookie: cookieOf(t.token) }));
  const myWork: LoadTarget[] = targets.myWork.map((t) => ({ path: '/my-work', cookie: cookieOf(t.token) }));
  let peak = 0;
  const sampler = setInterval(() => {
    const rss = peakRssMb(child.pid);
    if (!Number.isNaN(rss)) peak = Math.max(peak, rss);
  }, 250);
  try {
    say(`${engine}: warming up`);
    await load(port, cases, 10, 3);
    await load(port, myWork, 10, 2);
    const rows: PageRow[] = [];
    for (const connections of connectionCounts) {
      for (const [page, http, raw] of [
        ['case record /children/:id', cases, { kind: 'case', targets: targets.cases }],
        ['My work /my-work', myWork, { kind: 'my-work', targets: targets.myWork }],
      ] as const) {
        const httpRuns: RunFigures[] = [];
        const rawRuns: RunFigures[] = [];
        for (let r = 0; r < runs; r += 1) {
          say(`${engine}: ${page} at ${String(connections)} connections, run ${String(r + 1)}/${String(runs)}`);
          const cpuBefore = cpuMs(child.pid);
          const figures = await load(port, http, connections, duration);
          httpRuns.push({ ...figures, serverCpuMsPerRequest: (cpuMs(child.pid) - cpuBefore) / Math.max(1, figures.requests) });
          rawRuns.push(await askServer(child, { ...raw, concurrency: connections, durationMs: duration * 1000 }));
        }
        rows.push({ engine, page, connections, http: medianFigures(httpRuns), raw: medianFigures(rawRuns) });
      }
    }
    const top = connectionCounts.at(-1) ?? 200;
    say(`${engine}: diagnosis, raw case reads with the audit append at ${String(top)} connections`);
    const rawWithAudit = await askServer(child, { kind: 'case', withAudit: true, targets: targets.cases, concurrency: top, durationMs: duration * 1000 });
    peak = Math.max(peak, peakRssMb(child.pid));
    return { rows, rawWithAudit, peakRssMb: peak };
  } finally {
    clearInterval(sampler);
    await stopServer(child);
  }
}

async function searchBenchmarks(handle: DatabaseHandle, truth: ScaleResult['duplicates']): Promise<{ latency: SearchLatency; quality: DetectionQuality }> {
  const deps = { db: handle.db, engine: handle.engine, clock: systemClock };
  const ctx = await frontDoorContext(deps);
  say(`${handle.engine}: person search latency`);
  const latency = await searchLatency(deps, ctx);
  say(`${handle.engine}: duplicate detection against the ground truth`);
  const quality = await duplicateDetection(deps, ctx, truth);
  return { latency, quality };
}

async function benchEngine(engine: 'postgres' | 'pglite'): Promise<EngineReport> {
  const children = parts.has('pages') || parts.has('returns') || engine === 'pglite' ? Number(env['BENCH_CHILDREN'] ?? (engine === 'postgres' ? 60_000 : 20_000)) : 200; // a token authority when only search is measured on PostgreSQL
  const db = engine === 'postgres' ? await freshPostgres(serverUrl, benchDbName) : freshPglite();
  try {
    say(`${engine}: generating an authority of ${children.toLocaleString('en-GB')} children`);
    const handle = await connect({ databaseUrl: db.url, dataDir: db.dataDir });
    await migrate(handle);
    const { result, seconds } = await seedInto(handle, children, true);
    const targets = await signedInTargets(handle);
    const returns = parts.has('returns') ? await returnBenchmarks(handle, say) : [];
    await handle.close();
    const pages = parts.has('pages') ? await pageBenchmarks(engine, db, targets) : { rows: [], rawWithAudit: null, peakRssMb: Number.NaN };
    let search: EngineReport['search'] = null;
    if (!parts.has('search')) {
      // not asked for
    } else if (engine === 'pglite') {
      const again = await connect({ dataDir: db.dataDir });
      search = { people: result.people, ...(await searchBenchmarks(again, result.duplicates)) };
      await again.close();
    } else if (searchPeopleTarget > 0) {
      const searchDb = await freshPostgres(serverUrl, `${benchDbName}_search`);
      try {
        const searchChildren = Math.round(searchPeopleTarget / PEOPLE_PER_CHILD);
        say(`${engine}: generating ${searchChildren.toLocaleString('en-GB')} children (about ${searchPeopleTarget.toLocaleString('en-GB')} people) for search`);
        const h = await connect({ databaseUrl: searchDb.url });
        await migrate(h);
        const big = await seedInto(h, searchChildren, false);
        search = { people: big.result.people, ...(await searchBenchmarks(h, big.result.duplicates)) };
        await h.close();
      } finally {
        await searchDb.drop();
      }
    }
    const rows = Object.values(result.rows).reduce((a, b) => a + b, 0);
    return {
      engine,
      seed: { children, people: result.people, rows, seconds },
      users: targets.users,
      rows: pages.rows,
      rawWithAudit: pages.rawWithAudit,
      peakRssMb: pages.peakRssMb,
      search,
      returns,
    };
  } finally {
    await db.drop();
  }
}

// Figures that crossed the IPC channel as JSON turn NaN into null: both print as a dash.
const finite = (n: number | null): n is number => n !== null && Number.isFinite(n);
const ms = (n: number | null) => (!finite(n) ? '–' : n < 10 ? n.toFixed(1) : n.toFixed(0));
const pct = (n: number | null) => (!finite(n) ? '–' : `${(n * 100).toFixed(1)}%`);
const whole = (n: number | null) => (!finite(n) ? '–' : n.toFixed(0));

function table(headers: readonly string[], body: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

function report(reports: readonly EngineReport[]): string {
  const out: string[] = [];
  out.push(
    `Hearth benchmark — ${new Date().toISOString().slice(0, 10)}, ${String(cpus().length)} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; each figure the median of ${String(runs)} runs of ${String(duration)} s.`,
  );
  out.push('');
  out.push(
    table(
      ['engine', 'page', 'conns', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'non-2xx', 'server CPU ms/req', 'raw SQL req/s', 'raw p95 ms', 'page/raw'],
      reports.flatMap((r) =>
        r.rows.map((row) => [
          row.engine,
          row.page,
          String(row.connections),
          whole(row.http.rps),
          ms(row.http.p50),
          ms(row.http.p95),
          ms(row.http.p99),
          whole(row.http.errors),
          whole(row.http.non2xx),
          ms(row.http.serverCpuMsPerRequest ?? null),
          whole(row.raw.rps),
          ms(row.raw.p95),
          pct(row.http.rps / row.raw.rps),
        ]),
      ),
    ),
  );
  out.push('');
  for (const r of reports) {
    out.push(
      `${r.engine}: authority of ${r.seed.children.toLocaleString('en-GB')} children, ${r.seed.people.toLocaleString('en-GB')} people, ${r.seed.rows.toLocaleString('en-GB')} rows generated in ${r.seed.seconds.toFixed(0)} s (${(r.seed.rows / r.seed.seconds).toFixed(0)} rows/s); ${String(r.users)} signed-in users; server peak RSS ${r.peakRssMb.toFixed(0)} MB.`,
    );
    if (r.rawWithAudit !== null)
      out.push(
        `${r.engine}: raw case reads plus the audit-chain append, in one transaction: ${whole(r.rawWithAudit.rps)} req/s, p95 ${ms(r.rawWithAudit.p95)} ms, ${whole(r.rawWithAudit.errors)} errors.`,
      );
    if (r.search === null) {
      out.push(`${r.engine}: person search: not measured (BENCH_SEARCH_PEOPLE=0).`);
    } else {
      const s = r.search;
      out.push(
        `${r.engine}: person search over ${s.people.toLocaleString('en-GB')} people: p50 ${ms(s.latency.p50)} ms, p95 ${ms(s.latency.p95)} ms, p99 ${ms(s.latency.p99)} ms (${String(s.latency.searches)} searches, one at a time); ${Object.entries(
          s.latency.byKind,
        )
          .map(([k, v]) => `${k} p50 ${ms(v.p50)}/p95 ${ms(v.p95)}`)
          .join('; ')}.`,
      );
      const q = s.quality;
      out.push(
        `${r.engine}: duplicate detection (likely or very likely): precision ${pct(q.precision)}, recall ${pct(q.recall)}, F1 ${pct(q.f1)} over ${String(q.pairs)} known pairs and ${String(q.searched)} records searched (TP ${String(q.truePositives)}, FP ${String(q.falsePositives)}, FN ${String(q.falseNegatives)}); recall by difference: ${Object.entries(
          q.recallByKind,
        )
          .map(([k, v]) => `${k} ${pct(v)}`)
          .join(', ')}.`,
      );
    }
  }
  for (const r of reports) out.push(...returnLines(r.engine, r.returns));
  return out.join('\n');
}

const reports: EngineReport[] = [];
const resultsFile = join(tmpdir(), 'hearth-bench-results.json');
for (const engine of engines) {
  reports.push(await benchEngine(engine));
  writeFileSync(resultsFile, JSON.stringify(reports, null, 2));
}
say(`raw figures: ${resultsFile}`);
process.stdout.write(`${report(reports)}\n`);
