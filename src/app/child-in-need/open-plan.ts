// Opening a child in need plan: the assessment module calls `openChildInNeedPlan` inside its own
// transaction when a child and family assessment is authorised with the outcome "child in need plan"
// (seed 004 §8; domain-spec §4.2 T9), and a worker may start one from the child's record. Either way
// a draft plan (version 1) is written, in the child's open child in need episode or a new one, and
// CIN-01 (plan agreed within 10 working days) starts counting from `openedOn`.
import { findOpenAllocation, findOpenEpisode, findOpenPlanId, insertEpisode, insertPlan } from '../../db/child-in-need/plan-repository.ts';
import { isValidIsoDate } from '../../domain/shared/time/local-date.ts';
import { londonToday } from '../people/london-today.ts';
import type { AppDeps } from '../shared/deps.ts';
import { ValidationError } from '../shared/errors.ts';
import { requireInitialNeed } from '../shared/initial-need.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork, type Work } from '../shared/unit-of-work.ts';
import { openChildRecord } from '../records/child-page.ts';

export interface OpenChildInNeedPlanInput {
  readonly childId: string;
  readonly assessmentId: string | null;
  readonly teamId: string;
  readonly workerUserId: string | null;
  /** ISO date: the day the assessment was authorised, or the plan was started. */
  readonly openedOn: string;
  /** The child's primary need recorded when the plan is started from the child's record (migration 0026); null from an assessment, which records its own. */
  readonly initialPrimaryNeed?: string | null;
}

export const OPEN_PLAN_MESSAGES = {
  alreadyOpen: 'This child already has a child in need plan that has not ended',
  openedOn: 'The plan’s start date must be a real date',
  notAllocated: 'Allocate the child to a team before starting a child in need plan',
} as const;

/**
 * Writes a draft plan and its audit event within the caller's transaction. The caller has already
 * checked access to the child. Refuses (ValidationError) when the child already has an open plan.
 */
export async function openChildInNeedPlan(work: Work, input: OpenChildInNeedPlanInput): Promise<{ planId: string }> {
  const { trx, now, audit } = work;
  if (!isValidIsoDate(input.openedOn)) throw new ValidationError({ openedOn: OPEN_PLAN_MESSAGES.openedOn });
  if ((await findOpenPlanId(trx, input.childId)) !== undefined) throw new ValidationError({ plan: OPEN_PLAN_MESSAGES.alreadyOpen });
  const open = await findOpenEpisode(trx, input.childId);
  const episodeId = open?.id ?? (await insertEpisode(trx, { childId: input.childId, startedOn: input.openedOn, assessmentId: input.assessmentId }));
  const planId = await insertPlan(
    trx,
    {
      episodeId,
      childId: input.childId,
      assessmentId: input.assessmentId,
      teamId: input.teamId,
      workerUserId: input.workerUserId,
      openedOn: input.openedOn,
      initialPrimaryNeed: input.initialPrimaryNeed ?? null,
      createdByUserId: null,
    },
    now,
  );
  await audit({
    action: 'child-in-need.plan.opened',
    subjectType: 'cin-plan',
    subjectId: planId,
    childId: input.childId,
    changes: {
      episodeId,
      newEpisode: open === undefined,
      assessmentId: input.assessmentId,
      teamId: input.teamId,
      workerUserId: input.workerUserId,
      openedOn: input.openedOn,
      ...(input.initialPrimaryNeed === undefined || input.initialPrimaryNeed === null ? {} : { initialPrimaryNeed: input.initialPrimaryNeed }),
    },
  });
  return { planId };
}

/**
 * "Start a child in need plan" on the child's record: opens a draft plan for the child's allocated
 * team and worker, dated today, with the child's primary need as the worker sees it (required: work
 * started with no referral or assessment has no other; the CIN census reports it until an assessment
 * records one, rule 8610). If the child already has a plan that has not ended, nothing new is
 * written and the worker is taken to it (a double click, or two workers at once, never makes two).
 */
export async function startChildInNeedPlan(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  input: { readonly primaryNeed: string | null },
): Promise<{ planId: string; opened: boolean }> {
  return unitOfWork(deps, ctx, async (work) => {
    requirePermission(ctx, 'child-in-need:record');
    await openChildRecord(work.trx, ctx.actor, 'change', childId, work.now);
    const existing = await findOpenPlanId(work.trx, childId);
    let result: { planId: string; opened: boolean };
    if (existing !== undefined) {
      result = { planId: existing, opened: false };
    } else {
      const allocation = await findOpenAllocation(work.trx, childId);
      if (allocation === undefined) throw new ValidationError({ plan: OPEN_PLAN_MESSAGES.notAllocated });
      const initialPrimaryNeed = requireInitialNeed(input.primaryNeed);
      const { planId } = await openChildInNeedPlan(work, {
        childId,
        assessmentId: null,
        teamId: allocation.teamId,
        workerUserId: allocation.workerUserId,
        openedOn: londonToday(work.now),
        initialPrimaryNeed,
      });
      result = { planId, opened: true };
    }
    await work.audit({ action: 'child-in-need.plan.start', subjectType: 'cin-plan', subjectId: result.planId, childId, changes: { opened: result.opened } });
    return result;
  });
}
