// The CP chair records a review conference on a plan: attendance and reports, and the decision: the
// plan continues (with its latest category of abuse, and the next review opened: CP-04, or CP-07
// after a baby's birth), or ends, with the reason. The due date the review is judged against comes
// from the plan's schedule (src/domain/child-protection/cp-plan-schedule.ts).
import { findConference, insertConference, listInvitations, recordConferenceHeld, updateAttendance } from '../../db/child-protection/conference-repository.ts';
import { endPlan, findActivePlan, updateLatestCategory } from '../../db/child-protection/cp-plan-repository.ts';
import { deleteDraft } from '../../db/drafts/draft-repository.ts';
import type { CpCategory, CpEndReason } from '../../db/schema.ts';
import { nextReviewConference } from '../../domain/child-protection/cp-plan-schedule.ts';
import { isValidIsoDate, parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError, StaleVersionError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { loadPlanFacts, openForChildProtection, todayIso } from './cp-access.ts';
import { CONFERENCE_MESSAGES, icpcDraftJourney, type AttendanceInput } from './record-initial-conference.ts';

export interface RecordReviewConferenceInput {
  readonly version: number;
  readonly heldOn: string;
  readonly decision: 'continue' | 'end';
  readonly category: CpCategory | null;
  readonly endReason: CpEndReason | null;
  readonly rationale: string;
  readonly summaryForChild: string | null;
  readonly attendance: readonly AttendanceInput[];
}

export async function recordReviewConference(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  conferenceId: string,
  input: RecordReviewConferenceInput,
): Promise<{ planEnded: boolean; nextReviewId: string | null }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor } = await openForChildProtection(trx, ctx, 'child-protection:chair', 'change', childId, now);
    const conference = await findConference(trx, childId, conferenceId);
    const plan = await findActivePlan(trx, childId);
    if (conference?.kind !== 'review' || conference.status !== 'to_be_held' || plan === undefined || conference.planId !== plan.id) {
      throw new NotFoundError('Review conference waiting to be held');
    }
    const errors: Record<string, string> = {};
    if (!isValidIsoDate(input.heldOn)) errors['heldOn'] = 'Enter the date the conference was held';
    else if (input.heldOn > todayIso(now)) errors['heldOn'] = CONFERENCE_MESSAGES.heldOnFuture;
    else if (input.heldOn < plan.startedOn) errors['heldOn'] = CONFERENCE_MESSAGES.heldOnBeforePlan;
    if (input.rationale.trim() === '') errors['rationale'] = CONFERENCE_MESSAGES.rationale;
    if (input.decision === 'continue' && input.category === null) errors['category'] = CONFERENCE_MESSAGES.category;
    if (input.decision === 'end' && input.endReason === null) errors['endReason'] = CONFERENCE_MESSAGES.endReason;
    const invitations = await listInvitations(trx, conferenceId);
    // Attendance may be left unrecorded for someone (shown as "not recorded"), never given for someone not invited.
    if (input.attendance.some((a) => !invitations.some((i) => i.id === a.invitationId))) errors['attendance'] = CONFERENCE_MESSAGES.attendance;
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);

    const before = await loadPlanFacts(trx, plan);
    const due = nextReviewConference(before).explanation;
    const withinTimescale = !parseLocalDate(input.heldOn).isAfter(due.due);
    await updateAttendance(
      trx,
      conferenceId,
      input.attendance.map((a) => ({ id: a.invitationId, attendance: a.attendance, reportReceived: a.reportReceived })),
    );
    const saved = await recordConferenceHeld(trx, conferenceId, input.version, {
      heldOn: input.heldOn,
      chairUserId: actor.userId,
      decision: input.decision,
      category: input.decision === 'continue' ? input.category : null,
      endReason: input.decision === 'end' ? input.endReason : null,
      rationale: input.rationale,
      summaryForChild: input.summaryForChild,
      withinTimescale,
      dueOn: toIsoDate(due.due),
      dueRuleId: due.rule.id,
      planId: plan.id,
      recordedByUserId: actor.userId,
      recordedAt: now,
    });
    if (!saved) throw new StaleVersionError('cp-conference', conferenceId, conference);

    let nextReviewId: string | null = null;
    if (input.decision === 'continue' && input.category !== null) {
      await updateLatestCategory(trx, plan.id, input.category);
      const next = nextReviewConference(await loadPlanFacts(trx, plan)).explanation;
      nextReviewId = await insertConference(trx, {
        childId,
        kind: 'review',
        section47Id: null,
        strategyDiscussionId: null,
        strategyHeldOn: null,
        convenedFrom: 'plan',
        teamId: plan.teamId,
        preBirth: false,
        dueOn: toIsoDate(next.due),
        dueRuleId: next.rule.id,
        planId: plan.id,
        convenedByUserId: actor.userId,
        convenedAt: now,
      });
    } else if (input.endReason !== null) {
      await endPlan(trx, plan.id, { endedOn: input.heldOn, endReason: input.endReason, endConferenceId: conferenceId });
    }
    const draft = await deleteDraft(trx, actor.userId, icpcDraftJourney(conferenceId));
    await audit({
      action: 'child-protection.conference.recorded',
      subjectType: 'cp-conference',
      subjectId: conferenceId,
      childId,
      changes: {
        kind: 'review',
        heldOn: input.heldOn,
        decision: input.decision,
        category: input.category,
        endReason: input.endReason,
        dueOn: toIsoDate(due.due),
        dueRuleId: due.rule.id,
        withinTimescale,
        planId: plan.id,
        nextReviewId,
        invited: invitations.length,
        attended: input.attendance.filter((a) => a.attendance === 'attended').length,
        draftRemoved: draft !== undefined,
      },
    });
    return { planEnded: input.decision === 'end', nextReviewId };
  });
}
