// One use case, one transaction, with its audit events inside it (CONVENTIONS.md 6-7). A refusal
// (access refused, or a save based on a version someone else has since changed) rolls back whatever
// was started and is then recorded in a transaction of its own, so refusals are audited even though
// the work they refused never happened.
import type { Transaction } from 'kysely';
import type { AuditEventInput, AuditContext } from '../../domain/shared/audit/audit-event.ts';
import { appendAuditEvent } from '../../db/shared/audit-repository.ts';
import type { Database } from '../../db/schema.ts';
import type { AppDeps } from './deps.ts';
import { AccessRefusedError, StaleVersionError } from './errors.ts';
import type { RequestContext } from './request-context.ts';

export interface Work {
  readonly trx: Transaction<Database>;
  readonly now: Date;
  readonly audit: (event: AuditEventInput) => Promise<void>;
}

export function auditContextOf(ctx: RequestContext): AuditContext {
  return {
    actorUserId: ctx.actor?.userId ?? null,
    actorLabel: ctx.actor?.displayName ?? ctx.system?.label ?? 'anonymous',
    requestId: ctx.requestId,
    ip: ctx.ip,
  };
}

export async function unitOfWork<T>(deps: AppDeps, ctx: RequestContext, fn: (work: Work) => Promise<T>): Promise<T> {
  const now = deps.clock.now();
  const auditContext = auditContextOf(ctx);
  try {
    return await deps.db.transaction().execute(async (trx) =>
      fn({
        trx,
        now,
        audit: async (event) => {
          await appendAuditEvent(trx, auditContext, event, now);
        },
      }),
    );
  } catch (error) {
    if (error instanceof AccessRefusedError) {
      await recordRefusal(deps, auditContext, error, now);
    }
    if (error instanceof StaleVersionError) {
      await recordStaleSave(deps, auditContext, error, now);
    }
    throw error;
  }
}

export async function recordRefusal(deps: AppDeps, auditContext: AuditContext, error: AccessRefusedError, now: Date): Promise<void> {
  await deps.db.transaction().execute((trx) =>
    appendAuditEvent(
      trx,
      auditContext,
      {
        action: 'access.record.refused',
        outcome: 'refused',
        ...(error.subject === null
          ? {}
          : {
              subjectType: error.subject.type,
              subjectId: error.subject.id,
              ...(error.subject.childId === undefined ? {} : { childId: error.subject.childId }),
            }),
        changes: { reason: error.reason, status: error.status },
      },
      now,
    ),
  );
}

/** A save refused because the record changed since the form was opened: who tried, on what, against which version. */
export async function recordStaleSave(deps: AppDeps, auditContext: AuditContext, error: StaleVersionError, now: Date): Promise<void> {
  await deps.db.transaction().execute((trx) =>
    appendAuditEvent(
      trx,
      auditContext,
      {
        action: error.auditAction,
        outcome: 'refused',
        subjectType: error.subjectType,
        subjectId: error.subjectId,
        ...(error.options.childId === undefined ? {} : { childId: error.options.childId }),
        changes: { reason: 'stale-version', currentVersion: error.currentVersion },
      },
      now,
    ),
  );
}
