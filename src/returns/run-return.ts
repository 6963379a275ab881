// Runs a return build in the background of the web process: the page that started it polls the
// run's row. Progress is written at most twice a second; any failure is recorded on the row (never an
// unhandled rejection). If the process stops mid-build the row stays "running" and the page says so
// after RUN_STALE_AFTER_MS.
import { PassThrough } from 'node:stream';
import { finishReturnRun, recordReturnRunFailure, recordReturnRunProgress, type ReturnRequest } from '../app/returns/return-runs.ts';
import type { AppDeps } from '../app/shared/deps.ts';
import type { RequestContext } from '../app/shared/request-context.ts';
import type { BuildProgress } from './cin-census/build.ts';
import { produceAnnexA, produceCensus } from './produce.ts';

export const RUN_STALE_AFTER_MS = 30 * 60_000;
const PROGRESS_EVERY_MS = 500;

/** Where a failed build is logged (the web server's logger). */
export interface RunLog {
  error(details: object, message: string): void;
}

function collect(): { stream: PassThrough; done: () => Buffer } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, done: () => Buffer.concat(chunks) };
}

export async function runReturn(deps: AppDeps, ctx: RequestContext, id: string, request: ReturnRequest, log: RunLog): Promise<void> {
  let last = 0;
  const onProgress = async (p: BuildProgress): Promise<void> => {
    const now = Date.now();
    if (now - last < PROGRESS_EVERY_MS && p.stage !== 'Done') return;
    last = now;
    await recordReturnRunProgress(deps, id, { stage: p.stage, done: p.done, total: p.total });
  };
  try {
    const sink = collect();
    if (request.kind === 'cin_census') {
      const outcome = await produceCensus(deps, ctx, request.year, sink.stream, onProgress);
      sink.stream.end();
      await finishReturnRun(deps, ctx, id, {
        output: sink.done(),
        outputFilename: `CIN_census_${String(request.year)}.xml`,
        children: outcome.children,
        rowCounts: null,
        failures: outcome.failures,
      });
    } else {
      const outcome = await produceAnnexA(deps, ctx, { from: request.from, to: request.to }, sink.stream, onProgress);
      await finishReturnRun(deps, ctx, id, {
        output: sink.done(),
        outputFilename: `Annex_A_${request.from}_to_${request.to}.xlsx`,
        children: null,
        rowCounts: outcome.rows,
        failures: [],
      });
    }
  } catch (error) {
    log.error({ err: error, returnRunId: id }, 'return build failed');
    try {
      await recordReturnRunFailure(deps, id, error instanceof Error ? error.message : String(error));
    } catch (again) {
      log.error({ err: again, returnRunId: id }, 'could not record the failed return build');
    }
  }
}

/** Starts the build without waiting for it (the request returns at once). */
export function startInBackground(deps: AppDeps, ctx: RequestContext, id: string, request: ReturnRequest, log: RunLog): void {
  void runReturn(deps, ctx, id, request, log);
}
