// The social care referrals a MASH decision made, in their team's queue, and their allocation to a
// worker by the team's manager (writing the child's allocation), with each worker's caseload against
// the team's target (seed 000: 9 families per worker in Family Support; src/domain/front-door/caseload.ts).
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { configuredCaseloadTarget, isMemberOf, teamById, teamWorkersWithCaseloads } from '../../db/front-door/caseload-repository.ts';
import { allocateToWorker, listEarlyHelpReferrals, lockReferral, listReferrals, loadReferral, markReferralAllocated, type EarlyHelpReferralRow, type ReferralRow } from '../../db/front-door/referral-repository.ts';
import type { Actor } from '../../domain/shared/access/actor.ts';
import { hasRole } from '../../domain/shared/access/actor.ts';
import { caseloadState, caseloadTargetFor, countFamilies, type CaseloadState, type CaseloadTarget } from '../../domain/front-door/caseload.ts';
import { toIsoDate } from '../../domain/shared/time/local-date.ts';
import type { AppDeps } from '../shared/deps.ts';
import { guardChildRecord } from '../shared/access-guard.ts';
import { AccessRefusedError, NotFoundError, StaleVersionError, ValidationError } from '../shared/errors.ts';
import { once, type Submission } from '../shared/idempotency.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { londonToday } from './london-time.ts';

export type { ReferralRow } from '../../db/front-door/referral-repository.ts';

export const ALLOCATION_MESSAGES = {
  worker: 'Select a worker in the team',
  version: 'Someone else changed this referral. Reload the page and try again',
  alreadyAllocated: 'This referral has already been allocated',
} as const;

const seesAllTeams = (actor: Actor): boolean => hasRole(actor, 'mash_manager') || hasRole(actor, 'mash_practitioner');

export interface ReferralQueue {
  readonly awaiting: readonly ReferralRow[];
  readonly allocated: readonly ReferralRow[];
  readonly allTeams: boolean;
}

/** Referrals for the actor's teams (the MASH sees every team's), awaiting allocation and recently allocated. */
export async function viewReferralQueue(deps: AppDeps, ctx: RequestContext): Promise<ReferralQueue> {
  return unitOfWork(deps, ctx, async ({ trx, now }) => {
    const actor = requirePermission(ctx, 'casework:view-referrals');
    if (actor === null) return { awaiting: [], allocated: [], allTeams: true };
    const teamIds = seesAllTeams(actor) ? null : actor.teams.map((t) => t.teamId);
    const [awaiting, allocated] = await Promise.all([
      listReferrals(trx, actor, now, { teamIds, status: 'awaiting_allocation' }),
      listReferrals(trx, actor, now, { teamIds, status: 'allocated' }, 20),
    ]);
    return { awaiting, allocated, allTeams: teamIds === null };
  });
}

export interface WorkerCaseload {
  readonly userId: string;
  readonly displayName: string;
  readonly children: number;
  readonly families: number;
  readonly state: CaseloadState;
}

export interface AllocationPage {
  readonly referral: ReferralRow;
  readonly team: { readonly id: string; readonly name: string };
  readonly target: CaseloadTarget | null;
  readonly workers: readonly WorkerCaseload[];
}

function mayAllocateFor(actor: Actor, teamId: string): boolean {
  return hasRole(actor, 'mash_manager') || actor.teams.some((t) => t.teamId === teamId && t.isManager);
}

async function openReferral(trx: Transaction<Database>, ctx: RequestContext, referralId: string, now: Date): Promise<{ actor: Actor; referral: ReferralRow }> {
  const actor = requirePermission(ctx, 'casework:allocate');
  if (actor === null) throw new AccessRefusedError(403, 'not-signed-in', 'Sign in to continue.', null);
  const referral = await loadReferral(trx, referralId);
  if (referral === undefined) throw new NotFoundError('Referral');
  await guardChildRecord(trx, actor, 'change', referral.childId, now);
  if (!mayAllocateFor(actor, referral.teamId)) {
    throw new AccessRefusedError(403, 'not-team-manager', `Only a manager of ${referral.teamName} can allocate this referral.`, { type: 'referral', id: referralId, childId: referral.childId });
  }
  return { actor, referral };
}

export async function viewAllocation(deps: AppDeps, ctx: RequestContext, referralId: string): Promise<AllocationPage> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { referral } = await openReferral(trx, ctx, referralId, now);
    const team = await teamById(trx, referral.teamId);
    if (team === undefined) throw new NotFoundError('Team');
    const target = caseloadTargetFor(team.code, (await configuredCaseloadTarget(trx, team.id)) ?? null);
    const workers = (await teamWorkersWithCaseloads(trx, team.id)).map((w) => {
      const families = countFamilies(w.children);
      return { userId: w.userId, displayName: w.displayName, children: w.children.length, families, state: caseloadState(families, target) };
    });
    await audit({ action: 'casework.referral.viewed', subjectType: 'referral', subjectId: referralId, childId: referral.childId });
    return { referral, team: { id: team.id, name: team.name }, target, workers };
  });
}

export async function allocateReferral(
  deps: AppDeps,
  ctx: RequestContext,
  referralId: string,
  input: { workerUserId: string; version: number },
  submission?: Submission,
): Promise<{ allocationId: string }> {
  return unitOfWork(deps, ctx, async (work) => {
    const { trx, now, audit } = work;
    const result = await once(work, ctx, submission, 'casework.referral.allocated', async () => {
      const { actor, referral } = await openReferral(trx, ctx, referralId, now);
      // Concurrent allocations of one referral take turns here; the later one sees it allocated.
      const locked = await lockReferral(trx, referralId);
      if (locked === undefined) throw new NotFoundError('Referral');
      if (locked.status === 'allocated') throw new ValidationError({ workerUserId: ALLOCATION_MESSAGES.alreadyAllocated });
      if (!(await isMemberOf(trx, input.workerUserId, referral.teamId))) throw new ValidationError({ workerUserId: ALLOCATION_MESSAGES.worker });
      const today = toIsoDate(londonToday(now));
      const allocationId = await allocateToWorker(trx, referral.childId, referral.teamId, input.workerUserId, today);
      const marked = await markReferralAllocated(trx, referralId, input.version, { allocatedWorkerUserId: input.workerUserId, allocatedByUserId: actor.userId, allocatedAt: now, allocationId });
      if (!marked) throw new StaleVersionError('referral', referralId, { version: referral.version }, { childId: referral.childId });
      await audit({
        action: 'casework.referral.allocated',
        subjectType: 'referral',
        subjectId: referralId,
        childId: referral.childId,
        changes: { teamId: referral.teamId, workerUserId: input.workerUserId, allocationId, startedOn: today },
      });
      return { allocationId };
    });
    return result.result;
  });
}

export async function viewEarlyHelpReferrals(deps: AppDeps, ctx: RequestContext): Promise<readonly EarlyHelpReferralRow[]> {
  return unitOfWork(deps, ctx, async ({ trx, now }) => {
    const actor = requirePermission(ctx, 'front-door:view-queue');
    if (actor === null) return [];
    return listEarlyHelpReferrals(trx, actor, now);
  });
}
