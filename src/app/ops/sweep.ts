// The sweep: deletes sessions and idempotency records past their retention
// (src/domain/shared/retention/retention.ts), in one transaction with its audit event. Run by
// `npx hearth sweep` and hourly by the server (src/main.ts).
import { FORM_SUBMISSION_RETENTION_MS, SESSION_RETENTION_AFTER_END_MS } from '../../domain/shared/retention/retention.ts';
import { deleteFormSubmissionsBefore, deleteSessionsEndedBefore } from '../../db/shared/sweep-repository.ts';
import type { AppDeps } from '../shared/deps.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';

export interface SweepCutoffs {
  /** Sessions that ended or expired before this instant are deleted. */
  readonly sessionsEndedBefore: Date;
  /** Idempotency records made before this instant are deleted. */
  readonly submissionsMadeBefore: Date;
}

export function sweepCutoffs(now: Date): SweepCutoffs {
  return {
    sessionsEndedBefore: new Date(now.getTime() - SESSION_RETENTION_AFTER_END_MS),
    submissionsMadeBefore: new Date(now.getTime() - FORM_SUBMISSION_RETENTION_MS),
  };
}

export interface SweepResult {
  readonly sessions: number;
  readonly formSubmissions: number;
}

export async function sweepExpiredRows(deps: AppDeps, ctx: RequestContext): Promise<SweepResult> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const cutoffs = sweepCutoffs(now);
    const sessions = await deleteSessionsEndedBefore(trx, cutoffs.sessionsEndedBefore);
    const formSubmissions = await deleteFormSubmissionsBefore(trx, cutoffs.submissionsMadeBefore);
    // A sweep that found nothing leaves no trace (the server sweeps every hour).
    if (sessions + formSubmissions > 0) {
      await audit({
        action: 'ops.expired-rows.swept',
        changes: {
          sessions,
          formSubmissions,
          sessionsEndedBefore: cutoffs.sessionsEndedBefore.toISOString(),
          submissionsMadeBefore: cutoffs.submissionsMadeBefore.toISOString(),
        },
      });
    }
    return { sessions, formSubmissions };
  });
}
