// Records a core group meeting on the child's plan, judged against the due date the schedule gave
// before it (CP-01: the first within 10 working days of the initial conference; CP-02 after that).
import { findActivePlan, insertCoreGroupMeeting } from '../../db/child-protection/cp-plan-repository.ts';
import { nextCoreGroup } from '../../domain/child-protection/cp-plan-schedule.ts';
import { isValidIsoDate, parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { loadPlanFacts, openForChildProtection, todayIso } from './cp-access.ts';

export const CORE_GROUP_MESSAGES = {
  heldOn: 'Enter the date the core group met',
  heldOnFuture: 'The date the core group met must be today or in the past',
  heldOnBeforePlan: 'The core group cannot have met before the plan started',
  progress: 'Enter the progress against the plan and what was agreed',
} as const;

export async function recordCoreGroup(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  input: { readonly heldOn: string; readonly progress: string },
): Promise<{ id: string; withinTimescale: boolean }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor } = await openForChildProtection(trx, ctx, 'child-protection:record', 'change', childId, now);
    const plan = await findActivePlan(trx, childId);
    if (plan === undefined) throw new NotFoundError('Child protection plan');
    const errors: Record<string, string> = {};
    if (!isValidIsoDate(input.heldOn)) errors['heldOn'] = CORE_GROUP_MESSAGES.heldOn;
    else if (input.heldOn > todayIso(now)) errors['heldOn'] = CORE_GROUP_MESSAGES.heldOnFuture;
    else if (input.heldOn < plan.startedOn) errors['heldOn'] = CORE_GROUP_MESSAGES.heldOnBeforePlan;
    if (input.progress.trim() === '') errors['progress'] = CORE_GROUP_MESSAGES.progress;
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    const due = nextCoreGroup(await loadPlanFacts(trx, plan));
    const withinTimescale = !parseLocalDate(input.heldOn).isAfter(due.due);
    const id = await insertCoreGroupMeeting(trx, {
      planId: plan.id,
      childId,
      heldOn: input.heldOn,
      dueOn: toIsoDate(due.due),
      dueRuleId: due.rule.id,
      withinTimescale,
      progress: input.progress,
      recordedByUserId: actor.userId,
      recordedAt: now,
    });
    await audit({
      action: 'child-protection.core-group.recorded',
      subjectType: 'cp-core-group',
      subjectId: id,
      childId,
      changes: { planId: plan.id, heldOn: input.heldOn, dueOn: toIsoDate(due.due), dueRuleId: due.rule.id, withinTimescale },
    });
    return { id, withinTimescale };
  });
}
