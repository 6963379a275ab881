// Records a statutory visit on a child protection plan: whether the child was seen and seen alone
// (seed 004 §9: the child is seen alone), or why not. Only a visit at which the child was seen meets
// CP-05 and restarts its clock.
import { findActivePlan, insertVisit } from '../../db/child-protection/cp-plan-repository.ts';
import { nextVisit } from '../../domain/child-protection/cp-plan-schedule.ts';
import { isValidIsoDate, parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { loadPlanFacts, openForChildProtection, todayIso } from './cp-access.ts';

export const VISIT_MESSAGES = {
  visitedOn: 'Enter the date of the visit',
  visitedOnFuture: 'The date of the visit must be today or in the past',
  visitedOnBeforePlan: 'A visit on the plan cannot be before the plan started',
  seenAlone: 'A child who was not seen cannot have been seen alone',
  notSeenReason: 'Enter why the child was not seen',
  summary: 'Enter what you saw and heard, and what the child said',
} as const;

export interface RecordCpVisitInput {
  readonly visitedOn: string;
  readonly childSeen: boolean;
  readonly seenAlone: boolean;
  readonly notSeenReason: string | null;
  readonly summary: string;
}

export async function recordCpVisit(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  input: RecordCpVisitInput,
): Promise<{ id: string; withinTimescale: boolean }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor } = await openForChildProtection(trx, ctx, 'child-protection:record', 'change', childId, now);
    const plan = await findActivePlan(trx, childId);
    if (plan === undefined) throw new NotFoundError('Child protection plan');
    const errors: Record<string, string> = {};
    if (!isValidIsoDate(input.visitedOn)) errors['visitedOn'] = VISIT_MESSAGES.visitedOn;
    else if (input.visitedOn > todayIso(now)) errors['visitedOn'] = VISIT_MESSAGES.visitedOnFuture;
    else if (input.visitedOn < plan.startedOn) errors['visitedOn'] = VISIT_MESSAGES.visitedOnBeforePlan;
    if (!input.childSeen && input.seenAlone) errors['seenAlone'] = VISIT_MESSAGES.seenAlone;
    if (!input.childSeen && (input.notSeenReason === null || input.notSeenReason.trim() === '')) errors['notSeenReason'] = VISIT_MESSAGES.notSeenReason;
    if (input.summary.trim() === '') errors['summary'] = VISIT_MESSAGES.summary;
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    const due = nextVisit(await loadPlanFacts(trx, plan));
    const withinTimescale = input.childSeen && !parseLocalDate(input.visitedOn).isAfter(due.due);
    const id = await insertVisit(trx, {
      planId: plan.id,
      childId,
      visitedOn: input.visitedOn,
      dueOn: toIsoDate(due.due),
      childSeen: input.childSeen,
      seenAlone: input.childSeen && input.seenAlone,
      notSeenReason: input.childSeen ? null : input.notSeenReason,
      summary: input.summary,
      withinTimescale,
      recordedByUserId: actor.userId,
      recordedAt: now,
    });
    await audit({
      action: 'child-protection.visit.recorded',
      subjectType: 'cp-visit',
      subjectId: id,
      childId,
      changes: {
        planId: plan.id,
        visitedOn: input.visitedOn,
        childSeen: input.childSeen,
        seenAlone: input.childSeen && input.seenAlone,
        dueOn: toIsoDate(due.due),
        withinTimescale,
      },
    });
    return { id, withinTimescale };
  });
}
