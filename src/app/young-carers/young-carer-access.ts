// How every young carers' use case opens its record: the permission, the child's record guard for
// what the page does, then the assessment (only as one of this child's: another child's id is "not found").
import type { Transaction } from 'kysely';
import { childIdOfYoungCarerAssessment, loadYoungCarerAssessment, type YoungCarerAssessmentRow } from '../../db/young-carers/young-carer-repository.ts';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../../domain/shared/access/actor.ts';
import { hasRole } from '../../domain/shared/access/actor.ts';
import type { RecordAction } from '../../domain/shared/access/child-record-policy.ts';
import type { Permission } from '../../domain/shared/access/permissions.ts';
import { openChildRecord, type ChildHeader } from '../records/child-page.ts';
import type { AppDeps } from '../shared/deps.ts';
import { AccessRefusedError, NotFoundError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';

export type { YoungCarerAssessmentRow } from '../../db/young-carers/young-carer-repository.ts';

export interface OpenedYoungCarerAssessment {
  readonly actor: Actor;
  readonly child: ChildHeader;
  readonly assessment: YoungCarerAssessmentRow;
}

/** The child an assessment belongs to (an unknown id is "not found", as a sealed child's assessment is). */
export async function youngCarerAssessmentChildId(deps: AppDeps, id: string): Promise<string> {
  const childId = await childIdOfYoungCarerAssessment(deps.db, id);
  if (childId === undefined) throw new NotFoundError('Young carer’s assessment');
  return childId;
}

export function signedIn(ctx: RequestContext, permission: Permission): Actor {
  const actor = requirePermission(ctx, permission);
  if (actor === null) throw new AccessRefusedError(403, 'not-signed-in', 'Sign in to continue.', null);
  return actor;
}

export async function openYoungCarerAssessment(
  trx: Transaction<Database>,
  ctx: RequestContext,
  permission: Permission,
  action: RecordAction,
  childId: string,
  id: string,
  now: Date,
): Promise<OpenedYoungCarerAssessment> {
  signedIn(ctx, permission);
  const { actor, child } = await openChildRecord(trx, ctx.actor, action, childId, now);
  const assessment = await loadYoungCarerAssessment(trx, childId, id);
  if (assessment === undefined) throw new NotFoundError('Young carer’s assessment');
  return { actor, child, assessment };
}

/** A team manager authorises their own team's young carers' assessments, as for child and family assessments. */
export function managesYoungCarerTeam(actor: Actor, assessment: Pick<YoungCarerAssessmentRow, 'teamId'>): boolean {
  return hasRole(actor, 'team_manager') && actor.teams.some((t) => t.teamId === assessment.teamId && t.isManager);
}

export function requireTeamManager(actor: Actor, assessment: YoungCarerAssessmentRow): void {
  const subject = { type: 'young-carer-assessment', id: assessment.id, childId: assessment.childId };
  if (!managesYoungCarerTeam(actor, assessment)) {
    throw new AccessRefusedError(403, 'not-team-manager', `Only a manager of ${assessment.teamName} can authorise this assessment.`, subject);
  }
  if (actor.userId === assessment.workerUserId) {
    throw new AccessRefusedError(403, 'own-assessment', 'You wrote this assessment, so another manager of the team must authorise it.', subject);
  }
}
