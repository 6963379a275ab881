// How every assessment use case opens its record: the permission, the child's record guard for what
// the page does, then the assessment (only as one of this child's: another child's id is "not found").
import type { Transaction } from 'kysely';
import { childIdOfAssessment, childIdOfReferral, loadAssessment, type AssessmentRow } from '../../db/assessments/assessment-repository.ts';
import type { AppDeps } from '../shared/deps.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/shared/access/actor.ts';
import { hasRole } from '../../domain/shared/access/actor.ts';
import type { Permission } from '../../domain/shared/access/permissions.ts';
import type { RecordAction } from '../../domain/shared/access/child-record-policy.ts';
import { openChildRecord, type ChildHeader } from '../records/child-page.ts';
import { AccessRefusedError, NotFoundError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';

export type { AssessmentRow } from '../../db/assessments/assessment-repository.ts';

export interface OpenedAssessment {
  readonly actor: Actor;
  readonly child: ChildHeader;
  readonly assessment: AssessmentRow;
}

/**
 * The child an assessment belongs to, so a page addressed by the assessment alone opens the child's
 * record through the same guard (an unknown id is "not found", as a sealed child's assessment is).
 */
export async function assessmentChildId(deps: AppDeps, assessmentId: string): Promise<string> {
  const childId = await childIdOfAssessment(deps.db, assessmentId);
  if (childId === undefined) throw new NotFoundError('Assessment');
  return childId;
}

/** The child a referral is about (an assessment starts from the referral; the child's record is then guarded). */
export async function referralChildId(deps: AppDeps, referralId: string): Promise<string> {
  const childId = await childIdOfReferral(deps.db, referralId);
  if (childId === undefined) throw new NotFoundError('Referral');
  return childId;
}

export function signedIn(ctx: RequestContext, permission: Permission): Actor {
  const actor = requirePermission(ctx, permission);
  if (actor === null) throw new AccessRefusedError(403, 'not-signed-in', 'Sign in to continue.', null);
  return actor;
}

export async function openAssessment(
  trx: Transaction<Database>,
  ctx: RequestContext,
  permission: Permission,
  action: RecordAction,
  childId: string,
  assessmentId: string,
  now: Date,
): Promise<OpenedAssessment> {
  signedIn(ctx, permission);
  const { actor, child } = await openChildRecord(trx, ctx.actor, action, childId, now);
  const assessment = await loadAssessment(trx, childId, assessmentId);
  if (assessment === undefined) throw new NotFoundError('Assessment');
  return { actor, child, assessment };
}

/** A team manager authorises their own team's assessments (seed 004 §8: supervised by the team manager). */
export function managesAssessmentTeam(actor: Actor, assessment: Pick<AssessmentRow, 'teamId'>): boolean {
  return hasRole(actor, 'team_manager') && actor.teams.some((t) => t.teamId === assessment.teamId && t.isManager);
}

export function requireTeamManager(actor: Actor, assessment: AssessmentRow): void {
  if (!managesAssessmentTeam(actor, assessment)) {
    throw new AccessRefusedError(403, 'not-team-manager', `Only a manager of ${assessment.teamName} can authorise this assessment.`, {
      type: 'assessment',
      id: assessment.id,
      childId: assessment.childId,
    });
  }
  if (actor.userId === assessment.workerUserId) {
    throw new AccessRefusedError(403, 'own-assessment', 'You wrote this assessment, so another manager of the team must authorise it.', {
      type: 'assessment',
      id: assessment.id,
      childId: assessment.childId,
    });
  }
}
