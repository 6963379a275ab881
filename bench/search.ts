// Person search latency and duplicate-detection quality over a generated authority.
//  - Latency: a front-door practitioner's searches, one at a time, of the kinds people type (full
//    name; a name with a slip plus date of birth; last name and date of birth; NHS number; name the
//    other way round), through searchPeople (src/app/people/search-people.ts), as the page calls it.
//  - Quality: every record in a sample (both records of known duplicate pairs, and as many
//    records with no duplicate) is searched by its own name and date of birth, as the duplicate
//    check on a new record would; a hit scored likely or very likely (src/domain/people/
//    duplicate-score.ts) is a predicted duplicate pair. Precision, recall and F1 are over pairs,
//    against the generator's ground truth.
import { sql } from 'kysely';
import { searchPeople, type PersonSearchQuery } from '../src/app/people/search-people.ts';
import type { AppDeps } from '../src/app/shared/deps.ts';
import type { RequestContext } from '../src/app/shared/request-context.ts';
import { loadActor } from '../src/db/admin/user-repository.ts';
import type { DuplicatePair } from '../src/db/seed/synthetic/duplicates.ts';
import { typo } from '../src/db/seed/synthetic/name-variants.ts';
import { createRandom } from '../src/db/seed/synthetic/random.ts';
import { summarise } from './stats.ts';

interface Sampled {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  nhsNumber: string | null;
}

export async function frontDoorContext(deps: AppDeps): Promise<RequestContext> {
  const row = await sql<{ id: string }>`select u.id from app_user u join user_role r on r.user_id = u.id
    where u.active and r.role = 'mash_practitioner' order by u.id limit 1`.execute(deps.db);
  const id = row.rows[0]?.id;
  const actor = id === undefined ? null : await loadActor(deps.db, id);
  if (actor === null) throw new Error('no MASH practitioner to search as');
  return { actor, requestId: 'bench', ip: '127.0.0.1' };
}

async function sample(deps: AppDeps, n: number, seed: number): Promise<Sampled[]> {
  const rows = await sql<Sampled>`select id, given_name, family_name, date_of_birth::text as date_of_birth, nhs_number from person
    where person_type <> 'unborn' and restriction = 'none' order by md5(id::text || ${String(seed)}) limit ${n}`.execute(deps.db);
  return rows.rows;
}

export interface SearchLatency {
  readonly searches: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly byKind: Readonly<Record<string, { p50: number; p95: number }>>;
}

export async function searchLatency(deps: AppDeps, ctx: RequestContext, n = 400): Promise<SearchLatency> {
  const random = createRandom(7);
  const people = await sample(deps, n, 1);
  const kinds: Record<string, number[]> = {};
  const all: number[] = [];
  for (let i = 0; i < people.length; i += 1) {
    const p = people[i];
    if (p === undefined) continue;
    const dob = p.dateOfBirth ?? undefined;
    const [kind, query]: [string, PersonSearchQuery] =
      i % 5 === 0 ? ['full name', { name: `${p.givenName} ${p.familyName}` }]
      : i % 5 === 1 ? ['name with a slip + DOB', { name: `${typo(p.givenName, random)} ${p.familyName}`, ...(dob === undefined ? {} : { dateOfBirth: dob }) }]
      : i % 5 === 2 ? ['last name + DOB', { name: p.familyName, ...(dob === undefined ? {} : { dateOfBirth: dob }) }]
      : i % 5 === 3 && p.nhsNumber !== null ? ['NHS number', { nhsNumber: p.nhsNumber }]
      : ['last, first', { name: `${p.familyName}, ${p.givenName}` }];
    if (i < 10) await searchPeople(deps, ctx, query); // warm caches and plans
    const t0 = performance.now();
    await searchPeople(deps, ctx, query);
    const ms = performance.now() - t0;
    all.push(ms);
    (kinds[kind] ??= []).push(ms);
  }
  const byKind = Object.fromEntries(Object.entries(kinds).map(([k, v]) => {
    const s = summarise(v);
    return [k, { p50: s.p50, p95: s.p95 }];
  }));
  return { searches: all.length, ...summarise(all), byKind };
}

export interface DetectionQuality {
  readonly pairs: number;
  readonly searched: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  /** Recall by kind of difference (a pair counts under each of its kinds). */
  readonly recallByKind: Readonly<Record<string, number>>;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export async function duplicateDetection(deps: AppDeps, ctx: RequestContext, truth: readonly DuplicatePair[], maxPairs = 600): Promise<DetectionQuality> {
  const random = createRandom(11);
  const chosen = [...truth].sort(() => random.next() - 0.5).slice(0, maxPairs);
  const truthKeys = new Set(chosen.map((p) => pairKey(p.originalId, p.duplicateId)));
  const allTruthIds = new Set(truth.flatMap((p) => [p.originalId, p.duplicateId]));
  const ids = new Set(chosen.flatMap((p) => [p.originalId, p.duplicateId]));
  const others = (await sample(deps, chosen.length * 3, 2)).filter((p) => !allTruthIds.has(p.id)).slice(0, chosen.length);
  for (const o of others) ids.add(o.id);
  const records = await sql<Sampled>`select id, given_name, family_name, date_of_birth::text as date_of_birth, nhs_number from person
    where id = any(${[...ids]}::uuid[])`.execute(deps.db);
  const predicted = new Set<string>();
  for (const r of records.rows) {
    const result = await searchPeople(deps, ctx, { name: `${r.givenName} ${r.familyName}`, ...(r.dateOfBirth === null ? {} : { dateOfBirth: r.dateOfBirth }) });
    for (const hit of result.hits) {
      if (hit.kind !== 'person' || hit.id === r.id) continue;
      if (hit.level === 'likely' || hit.level === 'very-likely') predicted.add(pairKey(r.id, hit.id));
    }
  }
  // A predicted pair between two records of an unsampled true pair is not counted either way.
  const allTruthKeys = new Set(truth.map((p) => pairKey(p.originalId, p.duplicateId)));
  let tp = 0;
  let fp = 0;
  for (const key of predicted) {
    if (truthKeys.has(key)) tp += 1;
    else if (!allTruthKeys.has(key)) fp += 1;
  }
  const fn = truthKeys.size - tp;
  const byKind: Record<string, [number, number]> = {};
  for (const p of chosen) {
    const found = predicted.has(pairKey(p.originalId, p.duplicateId));
    for (const k of p.kinds) {
      const entry = (byKind[k] ??= [0, 0]);
      entry[0] += found ? 1 : 0;
      entry[1] += 1;
    }
  }
  const precision = tp + fp === 0 ? Number.NaN : tp / (tp + fp);
  const recall = truthKeys.size === 0 ? Number.NaN : tp / truthKeys.size;
  return {
    pairs: truthKeys.size,
    searched: records.rows.length,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    recallByKind: Object.fromEntries(Object.entries(byKind).map(([k, [found, total]]) => [k, found / total])),
  };
}
