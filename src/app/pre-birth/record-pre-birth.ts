// The writes on a pre-birth plan: the pregnancy dates the rules depend on, a milestone done or not
// required, and the family group conference referral prompted after the assessment (PB-04). Each is
// one transaction with its audit event (before and after), access-checked for change.
import type { Transaction } from 'kysely';
import { findMilestone, lockPlan, updatePlan, upsertMilestone } from '../../db/pre-birth/pre-birth-repository.ts';
import type { Database } from '../../db/schema.ts';
import { milestoneOf } from '../../domain/pre-birth/timeline.ts';
import { parseLocalDate } from '../../domain/shared/time/local-date.ts';
import { londonToday } from '../people/london-today.ts';
import { openChildRecord } from '../records/child-page.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { loadPreBirthFacts } from './pre-birth-plan.ts';
import { fgcInput, milestoneInput, parseInput, PRE_BIRTH_MESSAGES, pregnancyDetailsInput } from './pre-birth-input.ts';

async function openForChange(trx: Transaction<Database>, ctx: RequestContext, childId: string, now: Date) {
  requirePermission(ctx, 'pre-birth:record');
  const { actor } = await openChildRecord(trx, ctx.actor, 'change', childId, now);
  const facts = await loadPreBirthFacts(trx, childId);
  if (facts === null) throw new NotFoundError('Pre-birth plan');
  return { actor, facts, today: parseLocalDate(londonToday(now)) };
}

export async function recordPregnancyDetails(deps: AppDeps, ctx: RequestContext, childId: string, raw: unknown): Promise<void> {
  await unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, today } = await openForChange(trx, ctx, childId, now);
    const input = parseInput(pregnancyDetailsInput, raw);
    const errors: Record<string, string> = {};
    if (input.pregnancyConfirmedOn !== null && parseLocalDate(input.pregnancyConfirmedOn).isAfter(today))
      errors['pregnancyConfirmedOn'] = PRE_BIRTH_MESSAGES.confirmedOnFuture;
    if (input.previousProceedingsEndedOn !== null && parseLocalDate(input.previousProceedingsEndedOn).isAfter(today))
      errors['previousProceedingsEndedOn'] = PRE_BIRTH_MESSAGES.proceedingsFuture;
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    const before = await lockPlan(trx, childId, actor.userId, now);
    await updatePlan(trx, childId, input, actor.userId, now);
    await audit({
      action: 'pre-birth.details.recorded',
      subjectType: 'pre-birth-plan',
      subjectId: childId,
      childId,
      changes: {
        pregnancyConfirmedOn: { from: before.pregnancyConfirmedOn, to: input.pregnancyConfirmedOn },
        previousProceedingsEndedOn: { from: before.previousProceedingsEndedOn, to: input.previousProceedingsEndedOn },
      },
    });
  });
}

export async function recordMilestone(deps: AppDeps, ctx: RequestContext, childId: string, raw: unknown): Promise<void> {
  await unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, facts, today } = await openForChange(trx, ctx, childId, now);
    const input = parseInput(milestoneInput, raw);
    if (input.happenedOn !== null && parseLocalDate(input.happenedOn).isAfter(today))
      throw new ValidationError({ happenedOn: PRE_BIRTH_MESSAGES.happenedOnFuture });
    const m = milestoneOf(input.milestone);
    if (m.afterBirth && facts.birth === null) throw new ValidationError({ milestone: 'This milestone starts at birth: record the birth first' });
    if (!m.conditional && input.outcome === 'not_required')
      throw new ValidationError({ outcome: 'This milestone is part of every pre-birth plan: record the date it happened' });
    const before = await findMilestone(trx, childId, input.milestone);
    await upsertMilestone(trx, {
      childId,
      milestone: input.milestone,
      outcome: input.outcome,
      happenedOn: input.happenedOn,
      reason: input.reason,
      recordedByUserId: actor.userId,
      recordedAt: now,
    });
    await audit({
      action: 'pre-birth.milestone.recorded',
      subjectType: 'pre-birth-milestone',
      subjectId: childId,
      childId,
      changes: {
        milestone: input.milestone,
        ruleId: m.rule.id,
        before: before === undefined ? null : { outcome: before.outcome, happenedOn: before.happenedOn, reasonGiven: before.reason !== null },
        after: { outcome: input.outcome, happenedOn: input.happenedOn, reasonGiven: input.reason !== null },
      },
    });
  });
}

export async function recordFgcReferral(deps: AppDeps, ctx: RequestContext, childId: string, raw: unknown): Promise<void> {
  await unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, today } = await openForChange(trx, ctx, childId, now);
    const input = parseInput(fgcInput, raw);
    if (parseLocalDate(input.decidedOn).isAfter(today)) throw new ValidationError({ decidedOn: PRE_BIRTH_MESSAGES.fgcDecidedOnFuture });
    const before = await lockPlan(trx, childId, actor.userId, now);
    await updatePlan(trx, childId, { fgcOutcome: input.outcome, fgcDecidedOn: input.decidedOn, fgcDeclinedReason: input.reason }, actor.userId, now);
    await audit({
      action: 'pre-birth.fgc.recorded',
      subjectType: 'pre-birth-plan',
      subjectId: childId,
      childId,
      changes: {
        fgcOutcome: { from: before.fgcOutcome, to: input.outcome },
        fgcDecidedOn: { from: before.fgcDecidedOn, to: input.decidedOn },
        reasonGiven: input.reason !== null,
      },
    });
  });
}
