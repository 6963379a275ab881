// Return runs as use cases: start one (audited), record its progress and its result, view it, list
// recent ones, download its file (audited). The build itself runs in src/returns/run-return.ts.
import {
  completeReturnRun,
  failReturnRun,
  findReturnRun,
  insertReturnRun,
  recentReturnRuns,
  returnRunOutput,
  updateReturnRunProgress,
  type ReturnRunView,
} from '../../db/returns/return-run-repository.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';

export type { ReturnRunView };

export type ReturnRequest = { readonly kind: 'cin_census'; readonly year: number } | { readonly kind: 'annex_a'; readonly from: string; readonly to: string };

export async function startReturnRun(deps: AppDeps, ctx: RequestContext, request: ReturnRequest): Promise<string> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const actor = requirePermission(ctx, 'returns:build');
    if (request.kind === 'annex_a' && request.from > request.to) throw new ValidationError({ to: 'The end of the window must be after its start' });
    const id = await insertReturnRun(trx, {
      kind: request.kind,
      censusYear: request.kind === 'cin_census' ? request.year : null,
      windowFrom: request.kind === 'annex_a' ? request.from : null,
      windowTo: request.kind === 'annex_a' ? request.to : null,
      requestedByUserId: actor?.userId ?? null,
      startedAt: now,
    });
    await audit({ action: 'returns.run.started', subjectType: 'return_run', subjectId: id, changes: { ...request } });
    return id;
  });
}

export async function recordReturnRunProgress(deps: AppDeps, id: string, progress: { stage: string; done: number; total: number }): Promise<void> {
  await updateReturnRunProgress(deps.db, id, progress);
}

export async function finishReturnRun(
  deps: AppDeps,
  ctx: RequestContext,
  id: string,
  result: { output: Buffer; outputFilename: string; children: number | null; rowCounts: unknown; failures: readonly unknown[] },
): Promise<void> {
  await unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    await completeReturnRun(trx, id, { ...result, finishedAt: now });
    await audit({
      action: 'returns.run.finished',
      subjectType: 'return_run',
      subjectId: id,
      changes: { children: result.children, failures: result.failures.length, file: result.outputFilename },
    });
  });
}

export async function recordReturnRunFailure(deps: AppDeps, id: string, error: string): Promise<void> {
  await failReturnRun(deps.db, id, deps.clock.now(), error);
}

export async function viewReturnRun(deps: AppDeps, ctx: RequestContext, id: string): Promise<ReturnRunView> {
  requirePermission(ctx, 'returns:build');
  const run = await findReturnRun(deps.db, id);
  if (run === undefined) throw new NotFoundError('return run');
  return run;
}

export async function listReturnRuns(deps: AppDeps, ctx: RequestContext): Promise<ReturnRunView[]> {
  requirePermission(ctx, 'returns:build');
  return recentReturnRuns(deps.db, 10);
}

export async function downloadReturnRun(deps: AppDeps, ctx: RequestContext, id: string): Promise<{ output: Buffer; outputFilename: string }> {
  return unitOfWork(deps, ctx, async ({ trx, audit }) => {
    requirePermission(ctx, 'returns:build');
    const file = await returnRunOutput(trx, id);
    if (file === undefined) throw new NotFoundError('return file');
    await audit({ action: 'returns.run.downloaded', subjectType: 'return_run', subjectId: id, changes: { file: file.outputFilename } });
    return file;
  });
}
