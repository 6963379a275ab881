// Shared steps of the child protection use cases: the record guard plus the function-level
// permission, the facts the plan schedule needs, and London's "today".
import type { Transaction } from 'kysely';
import type { PlanRow } from '../../db/child-protection/cp-plan-repository.ts';
import type { Database } from '../../db/schema.ts';
import type { PlanFacts } from '../../domain/child-protection/cp-plan-schedule.ts';
import type { Permission } from '../../domain/shared/access/permissions.ts';
import type { RecordAction } from '../../domain/shared/access/child-record-policy.ts';
import { parseLocalDate } from '../../domain/shared/time/local-date.ts';
import { londonToday } from '../people/london-today.ts';
import { openChildRecord, type OpenedChildRecord } from '../records/child-page.ts';
import { AccessRefusedError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';

/** The function-level permission, then the child's record (refusals audited by the unit of work). */
export async function openForChildProtection(
  trx: Transaction<Database>,
  ctx: RequestContext,
  permission: Permission,
  action: RecordAction,
  childId: string,
  now: Date,
): Promise<OpenedChildRecord> {
  if (ctx.actor === null) throw new AccessRefusedError(403, 'not-signed-in', 'Sign in to continue.', { type: 'person', id: childId, childId });
  requirePermission(ctx, permission);
  return openChildRecord(trx, ctx.actor, action, childId, now);
}

export const todayIso = (now: Date): string => londonToday(now);

/** The facts the schedule (src/domain/child-protection/cp-plan-schedule.ts) needs for a plan. */
export async function loadPlanFacts(trx: Transaction<Database>, plan: PlanRow): Promise<PlanFacts> {
  const [person, coreGroups, reviews, visits] = await Promise.all([
    // Whether the mother was medically fit (CP-06) is recorded once, on the birth record.
    trx
      .selectFrom('person')
      .leftJoin('birthRecord as b', 'b.childId', 'person.id')
      .select(['person.dateOfBirth', 'b.motherMedicallyFit'])
      .where('person.id', '=', plan.childId)
      .executeTakeFirst(),
    trx.selectFrom('cpCoreGroupMeeting').select('heldOn').where('planId', '=', plan.id).execute(),
    trx.selectFrom('cpConference').select('heldOn').where('planId', '=', plan.id).where('kind', '=', 'review').where('status', '=', 'held').execute(),
    trx.selectFrom('cpVisit').select('visitedOn').where('planId', '=', plan.id).where('childSeen', '=', true).execute(),
  ]);
  return {
    startedOn: parseLocalDate(plan.startedOn),
    preBirth: plan.preBirth,
    dateOfBirth: person?.dateOfBirth === null || person?.dateOfBirth === undefined ? null : parseLocalDate(person.dateOfBirth),
    motherMedicallyFit: person?.motherMedicallyFit ?? null,
    coreGroupsHeldOn: coreGroups.map((c) => parseLocalDate(c.heldOn)),
    reviewConferencesHeldOn: reviews.flatMap((r) => (r.heldOn === null ? [] : [parseLocalDate(r.heldOn)])),
    childSeenOn: visits.map((v) => parseLocalDate(v.visitedOn)),
  };
}
