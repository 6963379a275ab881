// `npm run test:crash` (RELIABILITY.md §4.3, §4.12 A2): starts the real server (src/main.ts) on a
// fresh embedded database in a temporary folder (and, when TEST_DATABASE_URL names a PostgreSQL
// server, on a fresh database there), creates staff accounts through the JSON API from several
// clients at once, kills the server with SIGKILL at a random moment, starts it again and checks:
//  - every write the server acknowledged (201) is there, once;
//  - every write in flight when it died can be retried with its Idempotency-Key and then exists
//    exactly once (it either committed, and the retry is answered with the same account, or it
//    did not, and the retry makes it);
//  - the audit chain verifies (through the running server each round, directly at the end);
//  - no account without its audit row and submission record, no audit row without its account.
// Rounds: CRASH_ROUNDS (default 5). Kill moments come from CRASH_SEED (printed, to reproduce).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { connect } from '../src/db/connect.ts';
import { DEMO_PASSWORD } from '../src/db/seed/demo-authority.ts';
import { verifyAuditChain } from '../src/db/shared/audit-repository.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WRITERS = 4;
const MAX_KILL_DELAY_MS = 1_500;
const START_TIMEOUT_MS = 90_000;
const PASSWORD = 'crash-test-password-2026';

export type Engine = 'pglite' | 'postgres';

export interface CrashOptions {
  readonly rounds?: number;
  readonly engines?: readonly Engine[];
  /** The PostgreSQL server to create a fresh database on (TEST_DATABASE_URL). */
  readonly serverUrl?: string | undefined;
  readonly seed?: number;
  readonly log?: (line: string) => void;
}

export interface CrashReport {
  readonly engine: Engine;
  readonly rounds: number;
  readonly seed: number;
  /** Writes the server answered 201 before it was killed. */
  readonly acknowledged: number;
  /** Writes in flight at a kill, retried afterwards with their Idempotency-Key. */
  readonly inFlight: number;
  /** Of those, how many had committed before the kill (the retry was answered from the record). */
  readonly committedBeforeKill: number;
  readonly auditEntries: number;
}

export class CrashTestFailure extends Error {}

interface Write {
  readonly key: string;
  readonly username: string;
  state: 'sent' | 'acked';
  id?: string;
}

/** mulberry32: small, seeded, good enough to choose kill moments reproducibly. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new CrashTestFailure(message);
}

// ---------------------------------------------------------------------------------------------
// The server process.
interface RunningServer {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  readonly output: () => string;
  readonly exited: Promise<void>;
}

/** Servers still running: killed if this process exits early, so none is left behind. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts src/main.ts on a port the system chooses (PORT=0) and reads the address it listens on
 * from its log, so it can never be confused with another server on this machine.
 */
async function startServer(env: Record<string, string>): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', HEARTH_DEMO: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let baseUrl: string | undefined;
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
    baseUrl ??= /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  running.add(child);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      running.delete(child);
      resolve();
    });
  });
  const status = { gone: false };
  void exited.then(() => {
    status.gone = true;
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (status.gone) throw new CrashTestFailure(`the server exited while starting:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new CrashTestFailure(`the server did not start within ${String(START_TIMEOUT_MS / 1000)} s:\n${output}`);
    }
    if (baseUrl !== undefined) {
      const health = await fetch(`${baseUrl}/health`).catch(() => null);
      if (health?.status === 200) return { child, baseUrl, output: () => output, exited };
    }
    await sleep(100);
  }
}

async function stopServer(server: RunningServer, signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
  server.child.kill(signal);
  await server.exited;
}

// ---------------------------------------------------------------------------------------------
// A signed-in API client (cookies by hand: no browser here).
class Client {
  private readonly cookies = new Map<string, string>();
  private csrf = '';

  constructor(private readonly baseUrl: string) {}

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async fetch(path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Response> {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(`${this.baseUrl}${path}`, { ...init, redirect: 'manual', headers: { cookie, ...init.headers } });
    this.remember(response);
    return response;
  }

  async signIn(username: string): Promise<void> {
    const page = await this.fetch('/sign-in');
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const form = new URLSearchParams({ username, password: DEMO_PASSWORD, _csrf: token });
    const signedIn = await this.fetch('/sign-in', { method: 'POST', body: form.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    check(signedIn.status === 303, `signing in as ${username} answered ${String(signedIn.status)}`);
    const me = await this.fetch('/api/v1/me');
    this.csrf = ((await me.json()) as { csrfToken: string }).csrfToken;
  }

  async createUser(write: Write): Promise<{ status: number; id?: string; replayed: boolean }> {
    const response = await this.fetch('/api/v1/users', {
      method: 'POST',
      body: JSON.stringify({ displayName: `Crash ${write.username}`, username: write.username, password: PASSWORD, roles: ['iro'] }),
      headers: { 'content-type': 'application/json', 'x-csrf-token': this.csrf, 'idempotency-key': write.key },
    });
    const body = (await response.json()) as { id?: string };
    return { status: response.status, ...(body.id === undefined ? {} : { id: body.id }), replayed: response.headers.get('idempotent-replayed') === 'true' };
  }

  async users(): Promise<Map<string, string[]>> {
    const response = await this.fetch('/api/v1/users');
    check(response.status === 200, `listing users answered ${String(response.status)}`);
    const byName = new Map<string, string[]>();
    for (const user of (await response.json()) as { id: string; username: string }[]) byName.set(user.username, [...(byName.get(user.username) ?? []), user.id]);
    return byName;
  }

  /** The Audit page's check (verifyAuditChain in the running server). */
  async auditChainIntact(): Promise<boolean> {
    const page = await this.fetch('/admin/audit');
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const result = await this.fetch('/admin/audit', { method: 'POST', body: new URLSearchParams({ _csrf: token }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    return (await result.text()).includes('The audit chain is intact');
  }
}

// ---------------------------------------------------------------------------------------------
// One engine.
interface Target {
  readonly env: Record<string, string>;
  readonly open: () => ReturnType<typeof connect>;
  readonly dispose: () => Promise<void>;
}

async function prepare(engine: Engine, serverUrl: string | undefined): Promise<Target> {
  const secret = randomBytes(32).toString('hex');
  if (engine === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'hearth-crash-'));
    return {
      env: { DATABASE_URL: '', HEARTH_DATA_DIR: dataDir, HEARTH_SECRET: secret },
      open: () => connect({ dataDir }),
      dispose: async () => {
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  if (serverUrl === undefined || serverUrl === '') throw new CrashTestFailure('the postgres engine needs TEST_DATABASE_URL');
  const name = `hearth_crash_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString(), HEARTH_SECRET: secret },
    open: () => connect({ databaseUrl: url.toString(), poolSize: 2 }),
    dispose: async () => {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

async function runEngine(engine: Engine, rounds: number, seed: number, serverUrl: string | undefined, log: (line: string) => void): Promise<CrashReport> {
  const target = await prepare(engine, serverUrl);
  const next = random(seed);
  const writes: Write[] = [];
  let committedBeforeKill = 0;
  let inFlight = 0;
  let server: RunningServer | undefined;
  try {
    server = await startServer(target.env);
    for (let round = 1; round <= rounds; round += 1) {
      const client = new Client(server.baseUrl);
      await client.signIn('admin');
      const killAfter = Math.floor(next() * MAX_KILL_DELAY_MS);
      let stop = false;
      let n = 0;
      let firstAck: () => void = () => undefined;
      const acknowledged = new Promise<void>((resolve) => {
        firstAck = resolve;
      });
      const writer = async (w: number) => {
        while (!stop) {
          n += 1;
          const write: Write = { key: `crash-${randomBytes(12).toString('hex')}`, username: `crash.r${String(round)}.w${String(w)}.${String(n)}`, state: 'sent' };
          writes.push(write);
          const answer = await client.createUser(write).catch(() => null);
          if (answer === null) return; // the server died mid-request: this write is in flight
          check(answer.status === 201 && answer.id !== undefined, `${write.username} answered ${String(answer.status)} while the server was up`);
          write.state = 'acked';
          write.id = answer.id;
          firstAck();
        }
      };
      const failures: Error[] = [];
      const writers = Array.from({ length: WRITERS }, (_, w) =>
        writer(w).catch((error: unknown) => {
          failures.push(error instanceof Error ? error : new Error(String(error)));
          stop = true;
          firstAck();
        }),
      );
      // The kill comes at a random moment after the round's first acknowledged write.
      const patience = new AbortController();
      const noAck = sleep(START_TIMEOUT_MS, undefined, { signal: patience.signal }).then(
        () => failures.push(new CrashTestFailure(`${engine} round ${String(round)}: no write was acknowledged`)),
        () => undefined,
      );
      await Promise.race([acknowledged, noAck]);
      patience.abort();
      await sleep(killAfter);
      stop = true;
      await stopServer(server, 'SIGKILL');
      await Promise.all(writers);
      if (failures[0] !== undefined) throw failures[0];
      const sentThisRound = writes.slice(-n);
      const pending = sentThisRound.filter((w) => w.state === 'sent').length;
      log(`${engine}: round ${String(round)}: killed ${String(killAfter)} ms after the first acknowledgement, with ${String(sentThisRound.length - pending)} writes acknowledged and ${String(pending)} in flight`);

      server = await startServer(target.env);
      const after = new Client(server.baseUrl);
      await after.signIn('admin');
      const present = await after.users();
      for (const write of writes.filter((w) => w.state === 'acked')) {
        const ids = present.get(write.username) ?? [];
        check(ids.length === 1 && ids[0] === write.id, `${engine} round ${String(round)}: acknowledged ${write.username} (${write.id ?? '?'}) is ${ids.length === 0 ? 'missing' : `there as ${ids.join(', ')}`} after the restart`);
      }
      for (const write of writes.filter((w) => w.state === 'sent')) {
        const before = present.get(write.username) ?? [];
        const retry = await after.createUser(write);
        check(retry.status === 201 && retry.id !== undefined, `${engine} round ${String(round)}: retrying ${write.username} answered ${String(retry.status)}`);
        if (before.length > 0) {
          check(retry.replayed && before[0] === retry.id, `${engine} round ${String(round)}: ${write.username} committed before the kill but its retry was not answered from the record`);
          committedBeforeKill += 1;
        }
        inFlight += 1;
        write.state = 'acked';
        write.id = retry.id;
      }
      const now = await after.users();
      for (const write of writes) check((now.get(write.username) ?? []).length === 1, `${engine} round ${String(round)}: ${write.username} exists ${String((now.get(write.username) ?? []).length)} times`);
      check(await after.auditChainIntact(), `${engine} round ${String(round)}: the audit chain does not verify after the restart`);
    }
    await stopServer(server, 'SIGTERM');
    server = undefined;
    const auditEntries = await verifyDirectly(engine, target, writes);
    const report: CrashReport = { engine, rounds, seed, acknowledged: writes.length - inFlight, inFlight, committedBeforeKill, auditEntries };
    log(`${engine}: ${String(rounds)} kills survived: ${String(report.acknowledged)} acknowledged writes all present, ${String(inFlight)} in-flight writes retried exactly once (${String(committedBeforeKill)} had committed), audit chain of ${String(auditEntries)} entries intact`);
    return report;
  } catch (error) {
    if (error instanceof CrashTestFailure && server !== undefined) error.message += `\n--- server output ---\n${server.output()}`;
    throw error;
  } finally {
    if (server !== undefined) await stopServer(server, 'SIGKILL');
    await target.dispose();
  }
}

/** With the server stopped: the chain, and every account with exactly its audit row and submission record. */
async function verifyDirectly(engine: Engine, target: Target, writes: readonly Write[]): Promise<number> {
  const handle = await target.open();
  try {
    const chain = await verifyAuditChain(handle.db);
    check(chain.ok, `${engine}: audit chain broken at ${chain.firstBreak?.seq ?? '?'}: ${chain.firstBreak?.problem ?? ''}`);
    const users = await handle.db.selectFrom('appUser').select(['id', 'username']).where('username', 'like', 'crash.%').execute();
    check(users.length === writes.length, `${engine}: ${String(users.length)} crash-test accounts for ${String(writes.length)} writes`);
    const ids = new Map(writes.map((w) => [w.username, w.id]));
    for (const user of users) check(ids.get(user.username) === user.id, `${engine}: ${user.username} has id ${user.id}, acknowledged as ${ids.get(user.username) ?? 'nothing'}`);
    const audited = await handle.db
      .selectFrom('auditEvent')
      .select(['subjectId', sql<number>`count(*)::int`.as('n')])
      .where('action', '=', 'admin.user.created')
      .where(sql<boolean>`changes->>'username' like 'crash.%'`)
      .groupBy('subjectId')
      .execute();
    check(audited.length === users.length && audited.every((a) => a.n === 1 && users.some((u) => u.id === a.subjectId)), `${engine}: accounts and their admin.user.created audit rows do not match one to one`);
    const submissions = await handle.db.selectFrom('formSubmission').select(['token', 'result']).where('token', 'like', 'crash-%').execute();
    check(submissions.length === users.length, `${engine}: ${String(submissions.length)} submission records for ${String(users.length)} accounts`);
    return chain.checked;
  } finally {
    await handle.close();
  }
}

export async function main(options: CrashOptions = {}): Promise<CrashReport[]> {
  const rounds = options.rounds ?? Number(process.env['CRASH_ROUNDS'] ?? 5);
  const seed = options.seed ?? Number(process.env['CRASH_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
  const serverUrl = options.serverUrl ?? process.env['TEST_DATABASE_URL'];
  const engines = options.engines ?? (serverUrl === undefined || serverUrl === '' ? ['pglite'] : ['pglite', 'postgres']);
  const log =
    options.log ??
    ((line: string) => {
      process.stdout.write(`${line}\n`);
    });
  if (!Number.isInteger(rounds) || rounds < 1) throw new CrashTestFailure('CRASH_ROUNDS must be a whole number, 1 or more');
  log(`crash test: ${String(rounds)} rounds on ${engines.join(' and ')}, CRASH_SEED=${String(seed)}`);
  const reports: CrashReport[] = [];
  for (const engine of engines) reports.push(await runEngine(engine, rounds, seed, serverUrl, log));
  return reports;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await main();
  } catch (error) {
    process.stderr.write(`crash test FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
