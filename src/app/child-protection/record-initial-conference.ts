// The CP chair records an initial conference: when it was held, who attended and which reports came
// in, the decision (a plan or no plan), the category of abuse, the plan's lead social worker and core
// group. A plan decision starts the plan (the child's first, or a flagged second or later plan) and
// opens its first review conference (CP-03), in the same transaction as the audit event.
import { findConference, insertConference, listInvitations, recordConferenceHeld, updateAttendance } from '../../db/child-protection/conference-repository.ts';
import { countPlans, insertPlan, listTeamWorkers, replaceCoreGroup } from '../../db/child-protection/cp-plan-repository.ts';
import { bumpPlanVersion, lockOpenPlans } from '../../db/child-in-need/plan-repository.ts';
import { deleteDraft } from '../../db/drafts/draft-repository.ts';
import type { CpCategory } from '../../db/schema.ts';
import { planNumberFor } from '../../domain/child-protection/cp-plan.ts';
import { FIRST_REVIEW_CONFERENCE } from '../../domain/child-protection/timescales.ts';
import { dueDate } from '../../domain/shared/timescales/rule.ts';
import { isValidIsoDate, parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError, StaleVersionError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { openForChildProtection, todayIso } from './cp-access.ts';

export type Attendance = 'attended' | 'apologies' | 'did_not_attend';

export interface AttendanceInput {
  readonly invitationId: string;
  readonly attendance: Attendance;
  readonly reportReceived: boolean;
}

export interface RecordInitialConferenceInput {
  readonly version: number;
  readonly heldOn: string;
  readonly decision: 'plan' | 'no_plan';
  readonly category: CpCategory | null;
  readonly leadWorkerUserId: string | null;
  readonly coreGroup: readonly { readonly name: string; readonly agency: string }[];
  readonly rationale: string;
  readonly summaryForChild: string | null;
  readonly attendance: readonly AttendanceInput[];
}

export const CONFERENCE_MESSAGES = {
  heldOnFuture: 'The date the conference was held must be today or in the past',
  heldOnBeforeStrategy: 'The conference cannot be held before the strategy discussion',
  heldOnBeforePlan: 'The review conference cannot be held before the plan started',
  category: 'Select the category of abuse',
  leadWorker: 'Select the lead social worker from the team',
  coreGroup: 'Enter at least one core group member',
  attendance: 'Record attendance only for people invited to this conference',
  rationale: 'Enter the reasons for the decision',
  endReason: 'Select why the plan ends',
} as const;

export const icpcDraftJourney = (conferenceId: string): string => `child-protection:conference-outcome:${conferenceId}`;

export async function recordInitialConference(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  conferenceId: string,
  input: RecordInitialConferenceInput,
): Promise<{ planId: string | null; planNumber: number | null }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor } = await openForChildProtection(trx, ctx, 'child-protection:chair', 'change', childId, now);
    const conference = await findConference(trx, childId, conferenceId);
    if (conference?.kind !== 'initial' || conference.status !== 'to_be_held') throw new NotFoundError('Conference waiting to be held');

    const errors: Record<string, string> = {};
    if (!isValidIsoDate(input.heldOn)) errors['heldOn'] = 'Enter the date the conference was held';
    else if (input.heldOn > todayIso(now)) errors['heldOn'] = CONFERENCE_MESSAGES.heldOnFuture;
    else if (conference.strategyHeldOn !== null && input.heldOn < conference.strategyHeldOn) errors['heldOn'] = CONFERENCE_MESSAGES.heldOnBeforeStrategy;
    if (input.rationale.trim() === '') errors['rationale'] = CONFERENCE_MESSAGES.rationale;
    const invitations = await listInvitations(trx, conferenceId);
    // Attendance may be left unrecorded for someone (shown as "not recorded"), never given for someone not invited.
    if (input.attendance.some((a) => !invitations.some((i) => i.id === a.invitationId))) errors['attendance'] = CONFERENCE_MESSAGES.attendance;
    if (input.decision === 'plan') {
      if (input.category === null) errors['category'] = CONFERENCE_MESSAGES.category;
      const workers = await listTeamWorkers(trx, conference.teamId);
      if (input.leadWorkerUserId === null || !workers.some((w) => w.id === input.leadWorkerUserId)) errors['leadWorkerUserId'] = CONFERENCE_MESSAGES.leadWorker;
      if (input.coreGroup.length === 0) errors['coreGroup'] = CONFERENCE_MESSAGES.coreGroup;
    }
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);

    const withinTimescale = input.heldOn <= conference.dueOn;
    await updateAttendance(
      trx,
      conferenceId,
      input.attendance.map((a) => ({ id: a.invitationId, attendance: a.attendance, reportReceived: a.reportReceived })),
    );

    let planId: string | null = null;
    let planNumber: number | null = null;
    if (input.decision === 'plan' && input.category !== null) {
      const person = await trx.selectFrom('person').select(['personType']).where('id', '=', childId).executeTakeFirstOrThrow();
      planNumber = planNumberFor(await countPlans(trx, childId));
      planId = await insertPlan(trx, {
        childId,
        initialConferenceId: conferenceId,
        teamId: conference.teamId,
        startedOn: input.heldOn,
        preBirth: person.personType === 'unborn',
        initialCategory: input.category,
        latestCategory: input.category,
        leadWorkerUserId: input.leadWorkerUserId,
        planNumber,
      });
      await replaceCoreGroup(trx, planId, input.coreGroup);
      // A child's child in need plan ends when a child protection plan starts: the protection plan
      // replaces it (Working Together 2023, ch. 3: the plan for a child in need and one for a child
      // at risk of significant harm are not run side by side; DfE CIN census rules 4001, 4016, 4017).
      // The child in need episode stays open: the DfE episode of need continues under the new plan.
      for (const cin of await lockOpenPlans(trx, childId)) {
        const endedOn = cin.openedOn > input.heldOn ? cin.openedOn : input.heldOn;
        if (!(await bumpPlanVersion(trx, cin.id, cin.version, { status: 'ended', endedOn }))) throw new StaleVersionError('cin-plan', cin.id, cin);
        await audit({
          action: 'child-in-need.plan.ended',
          subjectType: 'cin-plan',
          subjectId: cin.id,
          childId,
          changes: { endedOn, reason: 'child-protection-plan-started', cpPlanId: planId, conferenceId, wasAgreed: cin.status === 'active' },
        });
      }
      await insertConference(trx, {
        childId,
        kind: 'review',
        section47Id: null,
        strategyDiscussionId: null,
        strategyHeldOn: null,
        convenedFrom: 'plan',
        teamId: conference.teamId,
        preBirth: person.personType === 'unborn',
        dueOn: toIsoDate(dueDate(FIRST_REVIEW_CONFERENCE, parseLocalDate(input.heldOn))),
        dueRuleId: FIRST_REVIEW_CONFERENCE.id,
        planId,
        convenedByUserId: actor.userId,
        convenedAt: now,
      });
    }
    const saved = await recordConferenceHeld(trx, conferenceId, input.version, {
      heldOn: input.heldOn,
      chairUserId: actor.userId,
      decision: input.decision,
      category: input.decision === 'plan' ? input.category : null,
      endReason: null,
      rationale: input.rationale,
      summaryForChild: input.summaryForChild,
      withinTimescale,
      dueOn: conference.dueOn,
      dueRuleId: conference.dueRuleId,
      planId,
      recordedByUserId: actor.userId,
      recordedAt: now,
    });
    if (!saved) throw new StaleVersionError('cp-conference', conferenceId, conference);
    const draft = await deleteDraft(trx, actor.userId, icpcDraftJourney(conferenceId));
    await audit({
      action: 'child-protection.conference.recorded',
      subjectType: 'cp-conference',
      subjectId: conferenceId,
      childId,
      changes: {
        kind: 'initial',
        heldOn: input.heldOn,
        decision: input.decision,
        category: input.category,
        leadWorkerUserId: input.leadWorkerUserId,
        coreGroupMembers: input.coreGroup.length,
        invited: invitations.length,
        attended: input.attendance.filter((a) => a.attendance === 'attended').length,
        reportsReceived: input.attendance.filter((a) => a.reportReceived).length,
        withinTimescale,
        planId,
        planNumber,
        draftRemoved: draft !== undefined,
      },
    });
    return { planId, planNumber };
  });
}
