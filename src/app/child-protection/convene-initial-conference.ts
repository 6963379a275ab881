// A team manager (or CP chair) convenes an initial child protection conference from the child's
// record, giving the date of the strategy discussion that started the section 47 enquiry: for an
// enquiry recorded elsewhere, or a child on a plan moving in from another authority (transfer-in).
import { calendarRangeProblem } from '../../domain/shared/calendar/index.ts';
import { parseLocalDate } from '../../domain/shared/time/local-date.ts';
import type { ChildHeader } from '../records/child-page.ts';
import type { AppDeps } from '../shared/deps.ts';
import { ValidationError } from '../shared/errors.ts';
import { requireInitialNeed } from '../shared/initial-need.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { openForChildProtection, todayIso } from './cp-access.ts';
import { openInitialConference } from './open-initial-conference.ts';

export const CONVENE_MESSAGES = {
  strategyFuture: 'The date of the strategy discussion must be today or in the past',
  /** The prefix of the calendar-range message (the calendar adds "must be on or after …"). */
  strategyHeld: 'The date the strategy discussion was held',
  noTeam: 'The child is not allocated to a team: allocate them before convening a conference',
} as const;

export async function conveneInitialConference(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  input: {
    readonly strategyHeldOn: string;
    /** The child's primary need as the manager sees it (DfE N1-N9): required, as no referral or assessment in Hearth gives one (rule 8610). */
    readonly primaryNeed: string | null;
  },
): Promise<{ conferenceId: string }> {
  return unitOfWork(deps, ctx, async (work) => {
    const { actor } = await openForChildProtection(work.trx, ctx, 'child-protection:convene', 'change', childId, work.now);
    if (input.strategyHeldOn > todayIso(work.now)) throw new ValidationError({ strategyHeldOn: CONVENE_MESSAGES.strategyFuture });
    const outOfRange = calendarRangeProblem(parseLocalDate(input.strategyHeldOn), CONVENE_MESSAGES.strategyHeld);
    if (outOfRange !== null) throw new ValidationError({ strategyHeldOn: outOfRange });
    const allocation = await work.trx.selectFrom('allocation').select('teamId').where('childId', '=', childId).where('endedOn', 'is', null).executeTakeFirst();
    if (allocation === undefined) throw new ValidationError({ strategyHeldOn: CONVENE_MESSAGES.noTeam });
    const initialPrimaryNeed = requireInitialNeed(input.primaryNeed);
    return openInitialConference(
      work,
      { childId, section47Id: null, strategyDiscussionId: null, strategyHeldOn: input.strategyHeldOn, teamId: allocation.teamId },
      { convenedByUserId: actor.userId, convenedFrom: 'child_record', initialPrimaryNeed },
    );
  });
}

export interface ConveneForm {
  readonly child: ChildHeader;
  /** Why a conference cannot be convened now (one is waiting, or the child is on a plan), or null. */
  readonly blocked: 'already-open' | 'on-plan' | null;
}

export async function openConveneForm(deps: AppDeps, ctx: RequestContext, childId: string, options: { readonly audit?: boolean } = {}): Promise<ConveneForm> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { child } = await openForChildProtection(trx, ctx, 'child-protection:convene', 'change', childId, now);
    const open = await trx
      .selectFrom('cpConference')
      .select('id')
      .where('childId', '=', childId)
      .where('kind', '=', 'initial')
      .where('status', '=', 'to_be_held')
      .executeTakeFirst();
    const plan = await trx.selectFrom('cpPlan').select('id').where('childId', '=', childId).where('status', '=', 'active').executeTakeFirst();
    const blocked = open !== undefined ? 'already-open' : plan !== undefined ? 'on-plan' : null;
    if (options.audit !== false)
      await audit({ action: 'child-protection.convene-form.viewed', subjectType: 'person', subjectId: childId, childId, changes: { blocked } });
    return { child, blocked };
  });
}
