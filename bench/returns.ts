// Return builds for `npm run bench`: the CIN census for the census year containing today and Annex A
// for the 12 months to today, each built end to end (extract, assemble, validate, write to a discarding
// stream), beside one plain SQL query returning the same source rows. There is no COPY client among the
// dependencies (pg-copy-streams), so the baseline is a single `select` of those rows read in full: the
// floor any build must pay to read its data. The ratio shows what assembling, validating and writing
// the file cost on top.
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import { systemClock } from '../src/app/shared/deps.ts';
import { systemContext } from '../src/app/shared/request-context.ts';
import type { DatabaseHandle } from '../src/db/connect.ts';
import { annexWindow } from '../src/returns/annex-a/window.ts';
import { censusPeriod } from '../src/returns/cin-census/census-period.ts';
import { produceAnnexA, produceCensus } from '../src/returns/produce.ts';

export interface ReturnFigures {
  readonly name: string;
  readonly seconds: number;
  readonly baselineSeconds: number;
  readonly baselineRows: number;
  readonly output: string;
}

function discard(): Writable & { bytes: () => number } {
  let n = 0;
  const w = new Writable({
    write(chunk: Buffer, _enc, done) {
      n += chunk.length;
      done();
    },
  });
  return Object.assign(w, { bytes: () => n });
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, seconds: (performance.now() - t0) / 1000 };
}

export async function returnBenchmarks(handle: DatabaseHandle, say: (line: string) => void): Promise<ReturnFigures[]> {
  const deps = { db: handle.db, engine: handle.engine, clock: systemClock };
  const ctx = systemContext('hearth bench');
  const now = systemClock.now();
  const today = now.toISOString().slice(0, 10);
  const year = now.getUTCMonth() >= 3 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
  const period = censusPeriod(year);
  const figures: ReturnFigures[] = [];

  say(`${handle.engine}: CIN census ${String(year)}`);
  const censusSink = discard();
  const census = await timed(() => produceCensus(deps, ctx, year, censusSink));
  const censusBaseline = await timed(() =>
    sql<{
      n: number;
    }>`select r.child_id, r.referred_on, r.referral_source, p.date_of_birth, p.expected_date_of_delivery, p.gender, p.ethnicity, p.disabilities, p.upn
      from referral r join person p on p.id = r.child_id where r.referred_on <= ${period.end}`.execute(handle.db),
  );
  figures.push({
    name: `CIN census ${String(year)}`,
    seconds: census.seconds,
    baselineSeconds: censusBaseline.seconds,
    baselineRows: censusBaseline.value.rows.length,
    output: `${census.value.children.toLocaleString('en-GB')} children, ${String(census.value.failures.length)} failures, ${(censusSink.bytes() / 2 ** 20).toFixed(1)} MB XML`,
  });

  const window = annexWindow(today, 12);
  say(`${handle.engine}: Annex A ${window.from} to ${window.to}`);
  const annexSink = discard();
  const annex = await timed(() => produceAnnexA(deps, ctx, window, annexSink));
  const annexBaseline = await timed(async () => {
    const contacts = await sql`select c.received_on, c.referral_source, cp.person_id, cp.date_of_birth, p.gender, p.ethnicity, p.date_of_birth
      from contact c join contact_person cp on cp.contact_id = c.id left join person p on p.id = cp.person_id
      where cp.role = 'child' and c.received_on between ${window.from} and ${window.to}`.execute(handle.db);
    const referrals = await sql`select r.child_id, r.referred_on, r.referral_source, t.name, u.display_name, p.gender, p.ethnicity, p.date_of_birth
      from referral r join person p on p.id = r.child_id join team t on t.id = r.team_id left join app_user u on u.id = r.allocated_worker_user_id
      where r.referred_on between ${window.from} and ${window.to}`.execute(handle.db);
    return contacts.rows.length + referrals.rows.length;
  });
  figures.push({
    name: `Annex A ${window.from} to ${window.to}`,
    seconds: annex.seconds,
    baselineSeconds: annexBaseline.seconds,
    baselineRows: annexBaseline.value,
    output: `${Object.entries(annex.value.rows)
      .map(([l, n]) => `List ${l}: ${n.toLocaleString('en-GB')}`)
      .join(', ')}; ${(annexSink.bytes() / 2 ** 20).toFixed(1)} MB xlsx`,
  });
  return figures;
}

export function returnLines(engine: string, figures: readonly ReturnFigures[]): string[] {
  return figures.map(
    (f) =>
      `${engine}: ${f.name} built in ${f.seconds.toFixed(1)} s (${f.output}); one plain SQL query of the same ${f.baselineRows.toLocaleString('en-GB')} source rows ${f.baselineSeconds.toFixed(2)} s (build ${(f.seconds / Math.max(f.baselineSeconds, 0.001)).toFixed(1)}x the query).`,
  );
}
