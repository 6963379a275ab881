// Produces a return end to end (extract, assemble, validate, write), for the CLI and the web page
// alike: the CIN census as XML, or Annex A as .xlsx, written to a stream, with progress reported.
import type { Writable } from 'node:stream';
import { once } from 'node:events';
import type { AppDeps } from '../app/shared/deps.ts';
import type { RequestContext } from '../app/shared/request-context.ts';
import { buildAnnexA } from './annex-a/build.ts';
import { hearthAnnexSources } from './annex-a/hearth-sources.ts';
import type { AnnexWindow } from './annex-a/model.ts';
import { writeAnnexA } from './annex-a/to-xlsx.ts';
import { buildCensus, type ProgressListener } from './cin-census/build.ts';
import { censusPeriod } from './cin-census/census-period.ts';
import { CENSUS_SOFTWARE, hearthCensusSources } from './cin-census/hearth-sources.ts';
import type { CensusHeader } from './cin-census/model.ts';
import { censusXmlChunks } from './cin-census/to-xml.ts';
import type { CensusFailure } from './cin-census/validate.ts';

/**
 * The authority's old-style three-digit LA number for the census header (LEA). Hearth is set up for
 * Milton Keynes (826), whose procedures the seeds are; another authority sets HEARTH_LA_NUMBER.
 */
export function laNumber(): string {
  const configured = process.env['HEARTH_LA_NUMBER'];
  if (configured !== undefined && configured !== '') {
    if (!/^\d{3}$/.test(configured)) throw new Error('HEARTH_LA_NUMBER must be three digits');
    return configured;
  }
  return '826';
}

export interface CensusOutcome {
  readonly children: number;
  readonly failures: readonly CensusFailure[];
}

async function write(output: Writable, chunk: string): Promise<void> {
  if (!output.write(chunk)) await once(output, 'drain');
}

export async function produceCensus(deps: AppDeps, ctx: RequestContext, year: number, output: Writable, onProgress?: ProgressListener): Promise<CensusOutcome> {
  const period = censusPeriod(year);
  const now = deps.clock.now();
  const header: CensusHeader = {
    collection: 'CIN',
    year,
    referenceDate: period.end,
    sourceLevel: 'L',
    lea: laNumber(),
    ...CENSUS_SOFTWARE,
    serialNo: '001',
    dateTime: now.toISOString().slice(0, 19),
  };
  const built = await buildCensus(hearthCensusSources(deps, ctx), period, header, onProgress);
  for (const chunk of censusXmlChunks(built.header, built.children)) await write(output, chunk);
  return { children: built.children.length, failures: built.failures };
}

export interface AnnexOutcome {
  readonly rows: Readonly<Record<number, number>>;
}

export async function produceAnnexA(
  deps: AppDeps,
  ctx: RequestContext,
  window: AnnexWindow,
  output: Writable,
  onProgress?: ProgressListener,
): Promise<AnnexOutcome> {
  const lists = await buildAnnexA(hearthAnnexSources(deps, ctx), window, onProgress);
  await writeAnnexA(lists, output);
  return { rows: Object.fromEntries(lists.map((l) => [l.list, l.rows.length])) };
}
