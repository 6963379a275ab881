// Convening a strategy discussion: from a referral the MASH decided needs one (by its allocated worker
// or a manager of its team), or from an allocated child's record at any time. Group (complex) meetings
// for several children start from one child's record; the others are added to it.
import { requireStorable } from './storable-text.ts';
import { currentAllocationTeam, discussionForReferral, loadStrategyReferral } from '../../db/child-protection/strategy-discussion-repository.ts';
import { hasRole } from '../../domain/shared/access/actor.ts';
import { toIsoDate } from '../../domain/shared/time/local-date.ts';
import { londonToday } from '../front-door/london-time.ts';
import { guardChildRecord } from '../shared/access-guard.ts';
import type { AppDeps } from '../shared/deps.ts';
import { AccessRefusedError, NotFoundError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requireInitialNeed } from '../shared/initial-need.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { insertDiscussionToHold } from './open-strategy-discussion.ts';

export const CONVENE_MESSAGES = {
  notAllocated: 'This child is not allocated to a team. Allocate the child before convening a strategy discussion.',
  groupConcern: 'Enter what links the children in this group meeting',
  notStrategyReferral: 'This referral is for an assessment, not a strategy discussion',
  referralNotAllocated: 'Allocate this referral to a worker before convening the strategy discussion',
} as const;

export interface ConveneInput {
  readonly urgent: boolean;
  readonly kind: 'initial' | 'review';
  readonly isGroup: boolean;
  readonly groupConcern: string | null;
  /** The child's primary need as the worker sees it (DfE N1-N9): required, as no referral or assessment gives one (rule 8610). */
  readonly primaryNeed: string | null;
}

export async function conveneStrategyDiscussionForChild(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  input: ConveneInput,
): Promise<{ strategyDiscussionId: string }> {
  return unitOfWork(deps, ctx, async (work) => {
    requirePermission(ctx, 'child-protection:record-enquiry');
    const { actor } = await guardChildRecord(work.trx, ctx.actor, 'change', childId, work.now);
    const teamId = await currentAllocationTeam(work.trx, childId);
    if (teamId === undefined) throw new ValidationError({ urgent: CONVENE_MESSAGES.notAllocated });
    requireStorable({ groupConcern: input.groupConcern });
    const concern = input.groupConcern?.trim() ?? '';
    if (input.isGroup && concern === '') throw new ValidationError({ groupConcern: CONVENE_MESSAGES.groupConcern });
    const initialPrimaryNeed = requireInitialNeed(input.primaryNeed);
    return insertDiscussionToHold(work, {
      childId,
      teamId,
      openedOn: toIsoDate(londonToday(work.now)),
      source: { kind: 'child-record' },
      urgent: input.urgent,
      kind: input.kind,
      isGroup: input.isGroup,
      groupConcern: input.isGroup ? concern : null,
      createdByUserId: actor.userId,
      initialPrimaryNeed,
    });
  });
}

/**
 * From a MASH referral for a strategy discussion: its allocated worker, a manager of its team or a
 * MASH manager convenes it; the clock runs from the referral date (the MASH decision). Convening again
 * returns the discussion already convened.
 */
export async function conveneStrategyDiscussionFromReferral(
  deps: AppDeps,
  ctx: RequestContext,
  referralId: string,
  input: { urgent: boolean },
): Promise<{ strategyDiscussionId: string; existing: boolean }> {
  return unitOfWork(deps, ctx, async (work) => {
    requirePermission(ctx, 'child-protection:record-enquiry');
    const referral = await loadStrategyReferral(work.trx, referralId);
    if (referral === undefined) throw new NotFoundError('Referral');
    const { actor } = await guardChildRecord(work.trx, ctx.actor, 'change', referral.childId, work.now);
    const mayConvene =
      hasRole(actor, 'mash_manager') || referral.allocatedWorkerUserId === actor.userId || actor.teams.some((t) => t.teamId === referral.teamId && t.isManager);
    if (!mayConvene) {
      throw new AccessRefusedError(
        403,
        'not-allocated',
        `Only the allocated worker or a manager of ${referral.teamName} can convene this strategy discussion.`,
        {
          type: 'referral',
          id: referralId,
          childId: referral.childId,
        },
      );
    }
    if (referral.purpose !== 'strategy_discussion') throw new ValidationError({ referral: CONVENE_MESSAGES.notStrategyReferral });
    const existing = await discussionForReferral(work.trx, referralId);
    if (existing !== undefined) return { strategyDiscussionId: existing, existing: true };
    const opened = await insertDiscussionToHold(work, {
      childId: referral.childId,
      teamId: referral.teamId,
      openedOn: referral.referredOn,
      source: { kind: 'referral', referralId },
      urgent: input.urgent,
      kind: 'initial',
      isGroup: false,
      groupConcern: null,
      createdByUserId: actor.userId,
    });
    return { ...opened, existing: false };
  });
}
