// Builds the CIN census for a year from Hearth's records: extract (sources), assemble (pure),
// validate (rules), in chunks of children so progress can be reported and memory stays flat.
import type { CensusPeriod } from './census-period.ts';
import { assembleChild } from './assemble.ts';
import type { CensusSources } from './extract/sources.ts';
import type { CensusChild, CensusHeader } from './model.ts';
import { validateCensus, type CensusFailure } from './validate.ts';

export interface BuildProgress {
  readonly stage: string;
  readonly done: number;
  readonly total: number;
}

export type ProgressListener = (progress: BuildProgress) => void | Promise<void>;

export interface BuiltCensus {
  readonly header: CensusHeader;
  readonly period: CensusPeriod;
  readonly children: readonly CensusChild[];
  readonly failures: readonly CensusFailure[];
}

export const CENSUS_CHUNK = 2000;

function groupBy<T extends { readonly personId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.personId);
    if (list === undefined) out.set(row.personId, [row]);
    else list.push(row);
  }
  return out;
}

export async function buildCensus(
  sources: CensusSources,
  period: CensusPeriod,
  header: CensusHeader,
  onProgress: ProgressListener = () => undefined,
): Promise<BuiltCensus> {
  await onProgress({ stage: 'Reading referrals', done: 0, total: 1 });
  const referrals = groupBy(await sources.referrals(period.end));
  // Children with a referral, and those whose work began without one (a plan or enquiry started from the child's record).
  const ids = [...new Set([...referrals.keys(), ...(await sources.childIds(period.end))])].sort();
  const children: CensusChild[] = [];
  for (let i = 0; i < ids.length; i += CENSUS_CHUNK) {
    await onProgress({ stage: 'Building children', done: i, total: ids.length });
    const chunk = ids.slice(i, i + CENSUS_CHUNK);
    const [people, cinEpisodes, assessments, section47s, cpPlans, cinPlans] = await Promise.all([
      sources.people(chunk),
      sources.cinEpisodes(chunk, period.end).then(groupBy),
      sources.assessments(chunk, period.end).then(groupBy),
      sources.section47s(chunk, period.end).then(groupBy),
      sources.childProtectionPlans(chunk, period.end).then(groupBy),
      sources.cinPlans(chunk, period.end).then(groupBy),
    ]);
    for (const person of people) {
      const id = person.personId;
      const child = assembleChild(
        {
          person,
          referrals: referrals.get(id) ?? [],
          cinEpisodes: cinEpisodes.get(id) ?? [],
          assessments: assessments.get(id) ?? [],
          section47s: section47s.get(id) ?? [],
          cpPlans: cpPlans.get(id) ?? [],
          cinPlans: cinPlans.get(id) ?? [],
        },
        period,
      );
      if (child !== null) children.push(child);
    }
  }
  children.sort((a, b) => a.childIdentifiers.laChildId.localeCompare(b.childIdentifiers.laChildId));
  await onProgress({ stage: 'Validating', done: ids.length, total: ids.length });
  const failures = validateCensus(header, period, children);
  await onProgress({ stage: 'Done', done: ids.length, total: ids.length });
  return { header, period, children, failures };
}
