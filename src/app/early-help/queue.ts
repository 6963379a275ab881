// The targeted early help queue: early help referrals the MASH decided (seed 004 §7; domain-spec §4.2
// T3) waiting for a worker, and their allocation to a worker in the early help team by its manager (or
// a MASH manager), which starts the early help episode and puts the child with that worker.
import type { Transaction } from 'kysely';
import {
  allocateChild,
  placeChildWithTeam,
  insertEpisode,
  listUnallocatedReferrals,
  loadReferral,
  teamByCode,
  teamWorkers,
  type QueueReferral,
  type TeamWorker,
} from '../../db/early-help/episode-repository.ts';
import type { Database } from '../../db/schema.ts';
import { EARLY_HELP_TEAM_CODE } from '../../domain/early-help/early-help.ts';
import { wellbeingAssessmentDueOn } from '../../domain/early-help/timescales.ts';
import type { Actor } from '../../domain/shared/access/actor.ts';
import { hasRole } from '../../domain/shared/access/actor.ts';
import { parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import { londonToday } from '../front-door/london-time.ts';
import { guardChildRecord } from '../shared/access-guard.ts';
import type { AppDeps } from '../shared/deps.ts';
import { AccessRefusedError, NotFoundError, ValidationError } from '../shared/errors.ts';
import { once, type Submission } from '../shared/idempotency.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';

export type { QueueReferral, TeamWorker } from '../../db/early-help/episode-repository.ts';

export const EARLY_HELP_ALLOCATION_MESSAGES = {
  worker: 'Select a worker in the early help team',
  alreadyAllocated: 'This early help referral has already been allocated',
  noTeam: 'There is no early help team to allocate to',
} as const;

export interface EarlyHelpQueue {
  readonly referrals: readonly QueueReferral[];
  /** Whether the actor may allocate (a manager of the early help team, or a MASH manager). */
  readonly mayAllocate: boolean;
}

function mayAllocate(actor: Actor, teamId: string | undefined): boolean {
  return hasRole(actor, 'mash_manager') || (teamId !== undefined && actor.teams.some((t) => t.teamId === teamId && t.isManager));
}

export async function viewEarlyHelpQueue(deps: AppDeps, ctx: RequestContext): Promise<EarlyHelpQueue> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const actor = requirePermission(ctx, 'early-help:view-queue');
    if (actor === null) return { referrals: [], mayAllocate: false };
    const team = await teamByCode(trx, EARLY_HELP_TEAM_CODE);
    const referrals = await listUnallocatedReferrals(trx, actor, now);
    await audit({ action: 'early-help.queue.viewed', changes: { referrals: referrals.length } });
    return { referrals, mayAllocate: mayAllocate(actor, team?.id) };
  });
}

export interface AllocationPage {
  readonly referral: QueueReferral & { readonly allocated: boolean };
  readonly team: { readonly id: string; readonly name: string };
  readonly workers: readonly TeamWorker[];
}

async function openReferral(trx: Transaction<Database>, ctx: RequestContext, referralId: string, now: Date) {
  const actor = requirePermission(ctx, 'early-help:allocate');
  if (actor === null) throw new AccessRefusedError(403, 'not-signed-in', 'Sign in to continue.', null);
  const referral = await loadReferral(trx, referralId);
  if (referral === undefined) throw new NotFoundError('Early help referral');
  await guardChildRecord(trx, actor, 'change', referral.childId, now);
  const team = await teamByCode(trx, EARLY_HELP_TEAM_CODE);
  if (team === undefined) throw new ValidationError({ workerUserId: EARLY_HELP_ALLOCATION_MESSAGES.noTeam });
  if (!mayAllocate(actor, team.id)) {
    throw new AccessRefusedError(403, 'not-team-manager', `Only a manager of ${team.name} or a MASH manager can allocate early help.`, {
      type: 'early-help-referral',
      id: referralId,
      childId: referral.childId,
    });
  }
  return { actor, referral, team };
}

export async function viewEarlyHelpAllocation(
  deps: AppDeps,
  ctx: RequestContext,
  referralId: string,
  options: { readonly audit?: boolean } = {},
): Promise<AllocationPage> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { referral, team } = await openReferral(trx, ctx, referralId, now);
    const workers = await teamWorkers(trx, team.id);
    if (options.audit !== false)
      await audit({ action: 'early-help.referral.viewed', subjectType: 'early-help-referral', subjectId: referralId, childId: referral.childId });
    return { referral, team, workers };
  });
}

export async function allocateEarlyHelpReferral(
  deps: AppDeps,
  ctx: RequestContext,
  referralId: string,
  input: { workerUserId: string },
  submission?: Submission,
): Promise<{ episodeId: string; childId: string }> {
  return unitOfWork(deps, ctx, async (work) => {
    const { trx, now, audit } = work;
    const outcome = await once(work, ctx, submission, 'early-help.referral.allocated', async () => {
      const { actor, referral, team } = await openReferral(trx, ctx, referralId, now);
      if (referral.allocated) throw new ValidationError({ workerUserId: EARLY_HELP_ALLOCATION_MESSAGES.alreadyAllocated });
      const workers = await teamWorkers(trx, team.id);
      if (!workers.some((w) => w.userId === input.workerUserId)) throw new ValidationError({ workerUserId: EARLY_HELP_ALLOCATION_MESSAGES.worker });
      const today = toIsoDate(londonToday(now));
      const assessmentDueOn = toIsoDate(wellbeingAssessmentDueOn(parseLocalDate(referral.referredOn)));
      const episode = await insertEpisode(trx, {
        earlyHelpReferralId: referralId,
        childId: referral.childId,
        teamId: team.id,
        workerUserId: input.workerUserId,
        allocatedByUserId: actor.userId,
        allocatedAt: now,
        startedOn: today,
        assessmentDueOn,
      });
      // The unique referral id, or the one open episode per child, was taken meanwhile.
      if (episode === undefined) throw new ValidationError({ workerUserId: EARLY_HELP_ALLOCATION_MESSAGES.alreadyAllocated });
      const allocationId = await allocateChild(trx, referral.childId, team.id, input.workerUserId, today);
      await audit({
        action: 'early-help.referral.allocated',
        subjectType: 'early-help-episode',
        subjectId: episode.id,
        childId: referral.childId,
        changes: { earlyHelpReferralId: referralId, teamId: team.id, workerUserId: input.workerUserId, allocationId, startedOn: today, assessmentDueOn },
      });
      return { episodeId: episode.id, childId: referral.childId };
    });
    return outcome.result;
  });
}

/**
 * Puts children the MASH has just referred for targeted early help with the early help team (no worker
 * yet), so the team's manager sees them in the queue and allocates them (domain-spec §4.2 T3). Called
 * by the MASH decision in its own transaction. A child already open to a team keeps that allocation
 * until an early help worker is allocated.
 */
export async function placeWithEarlyHelpTeam(trx: Transaction<Database>, childIds: readonly string[], today: string): Promise<string | null> {
  const team = await teamByCode(trx, EARLY_HELP_TEAM_CODE);
  if (team === undefined) return null;
  for (const childId of childIds) await placeChildWithTeam(trx, childId, team.id, today);
  return team.id;
}
