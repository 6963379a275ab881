// Recording a strategy discussion: when and how it was held, who took part (and reports from agencies
// that could not attend), whether the MASH checks were considered, and the decision for each child
// (seed 004 §9). A section 47 decision starts the child's enquiry, due by S47-02, with the ICPC clock
// (S47-03) counted from this discussion; a "further strategy" decision opens a review discussion.
// In a group meeting each person records decisions only for the children whose records they may
// change; decisions for the others wait for someone who may.
import { requireStorable } from './storable-text.ts';
import type { LocalDate } from '@js-joda/core';
import { discussionAttendees, insertAttendees, markDiscussionHeld, recordChildDecision } from '../../db/child-protection/strategy-discussion-repository.ts';
import { insertSection47, moveLastStrategyDiscussion, openSection47ForChild } from '../../db/child-protection/section-47-repository.ts';
import {
  checkHeldDiscussion,
  isSection47Decision,
  section47KindOf,
  type AttendeeInput,
  type ChildDecisionInput,
  type StrategyFormat,
} from '../../domain/child-protection/strategy-discussion.ts';
import { section47DueOn } from '../../domain/child-protection/strategy-timescales.ts';
import { parseLocalDate, toIsoDate } from '../../domain/shared/time/local-date.ts';
import { londonToday } from '../front-door/london-time.ts';
import type { AppDeps } from '../shared/deps.ts';
import { AccessRefusedError, StaleVersionError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork, type Work } from '../shared/unit-of-work.ts';
import { insertDiscussionToHold } from './open-strategy-discussion.ts';
import { openDiscussion, type ChildInDiscussion } from './strategy-discussion-access.ts';
import { strategyDraftJourney } from './strategy-discussion-page.ts';
import { deleteDraft } from '../../db/drafts/draft-repository.ts';

export interface MeetingInput {
  readonly heldOn: string;
  readonly format: StrategyFormat;
  readonly chairName: string;
  readonly mashChecksConsidered: boolean;
  readonly mashChecksSummary: string | null;
  readonly attendees: readonly AttendeeInput[];
}

export interface DecisionInput extends Omit<ChildDecisionInput, 'nextDiscussionBy'> {
  readonly nextDiscussionBy: string | null;
}

export interface RecordStrategyDiscussionInput {
  readonly version: number;
  /** When and how it was held: required while the discussion is to be held, ignored afterwards. */
  readonly meeting: MeetingInput | null;
  readonly decisions: readonly DecisionInput[];
}

export const RECORD_MESSAGES = {
  meeting: 'Enter when the strategy discussion was held',
  noDecisions: 'There are no decisions waiting that you can record',
  stale: 'Someone else recorded this strategy discussion. Reload the page and check it.',
} as const;

export interface RecordedDiscussion {
  readonly section47Ids: readonly string[];
  readonly reviewDiscussionIds: readonly string[];
}

export async function recordStrategyDiscussion(
  deps: AppDeps,
  ctx: RequestContext,
  strategyDiscussionId: string,
  input: RecordStrategyDiscussionInput,
): Promise<RecordedDiscussion> {
  return unitOfWork(deps, ctx, async (work) => {
    requirePermission(ctx, 'child-protection:record-enquiry');
    const { actor, discussion, children } = await openDiscussion(work.trx, ctx.actor, strategyDiscussionId, 'change', work.now);
    const today = londonToday(work.now);
    requireStorable({
      chairName: input.meeting?.chairName,
      mashChecksSummary: input.meeting?.mashChecksSummary,
      attendees: (input.meeting?.attendees ?? []).map((a) => `${a.name}${a.role}${a.reportSummary ?? ''}`).join(''),
      ...Object.fromEntries(
        input.decisions.flatMap((d) => [
          [`reason-${d.childId}`, d.reason],
          [`safetyPlan-${d.childId}`, d.safetyPlan],
        ]),
      ),
    });
    const pending = children.filter((c) => c.mayChange && c.decision === null);
    for (const d of input.decisions) {
      const child = children.find((c) => c.childId === d.childId);
      if (child?.mayChange !== true) {
        throw new AccessRefusedError(403, 'not-in-discussion', 'You cannot record a decision for this child.', {
          type: 'strategy-discussion',
          id: strategyDiscussionId,
          childId: d.childId,
        });
      }
    }
    const decisions = input.decisions.filter((d) => pending.some((p) => p.childId === d.childId));
    const errors: Record<string, string> = {};
    for (const p of pending) if (!decisions.some((d) => d.childId === p.childId)) errors[`decision-${p.childId}`] = 'Select the decision for each child';

    const held = discussion.status === 'held';
    const meeting = held ? null : input.meeting;
    if (!held && meeting === null) errors['heldOn'] = RECORD_MESSAGES.meeting;
    if (held && pending.length === 0) errors['decisions'] = RECORD_MESSAGES.noDecisions;
    const heldOn = held ? parseLocalDate(discussion.heldOn ?? discussion.openedOn) : parseLocalDate(meeting?.heldOn ?? discussion.openedOn);
    const domainDecisions: ChildDecisionInput[] = decisions.map((d) => ({
      ...d,
      nextDiscussionBy: d.nextDiscussionBy === null ? null : parseLocalDate(d.nextDiscussionBy),
    }));
    const checked = checkHeldDiscussion(
      {
        heldOn,
        format: meeting?.format ?? discussion.format ?? 'discussion',
        chairName: meeting?.chairName ?? discussion.chairName ?? '',
        mashChecksConsidered: meeting?.mashChecksConsidered ?? discussion.mashChecksConsidered ?? false,
        mashChecksSummary: meeting?.mashChecksSummary ?? discussion.mashChecksSummary,
        attendees: meeting?.attendees ?? (await heldAttendees(work, strategyDiscussionId)),
        decisions: domainDecisions,
      },
      parseLocalDate(discussion.openedOn),
      today,
    );
    Object.assign(errors, checked);
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);

    if (meeting !== null) {
      const marked = await markDiscussionHeld(work.trx, strategyDiscussionId, input.version, {
        heldOn: meeting.heldOn,
        format: meeting.format,
        chairName: meeting.chairName.trim(),
        mashChecksConsidered: meeting.mashChecksConsidered,
        mashChecksSummary: meeting.mashChecksConsidered ? (meeting.mashChecksSummary ?? '').trim() : null,
        recordedByUserId: actor.userId,
        recordedAt: work.now,
      });
      if (!marked) throw new StaleVersionError('strategy-discussion', strategyDiscussionId, { version: discussion.version });
      await insertAttendees(
        work.trx,
        strategyDiscussionId,
        meeting.attendees.map((a) => ({ ...a, name: a.name.trim(), role: a.role.trim(), reportSummary: a.attended ? null : (a.reportSummary ?? '').trim() })),
      );
    }

    // The recorder's draft of this form is finished with.
    await deleteDraft(work.trx, actor.userId, strategyDraftJourney(strategyDiscussionId));
    const section47Ids: string[] = [];
    const reviewDiscussionIds: string[] = [];
    for (const d of domainDecisions) {
      const child = pending.find((p) => p.childId === d.childId);
      if (child === undefined) continue;
      const s47 = isSection47Decision(d.decision);
      await recordChildDecision(work.trx, strategyDiscussionId, d.childId, {
        decision: d.decision,
        decisionReason: d.reason.trim(),
        safetyPlan: s47 || (d.safetyPlan ?? '').trim() !== '' ? (d.safetyPlan ?? '').trim() : null,
        interimLiving: s47 ? d.interimLiving : null,
        abeInterviewNeeded: s47 ? d.abeInterviewNeeded : null,
        paediatricExamNeeded: s47 ? d.paediatricExamNeeded : null,
      });
      await work.audit({
        action: 'child-protection.strategy-discussion.saved',
        subjectType: 'strategy-discussion',
        subjectId: strategyDiscussionId,
        childId: d.childId,
        changes: { draft: false },
      });
      await work.audit({
        action: 'child-protection.strategy-discussion.recorded',
        subjectType: 'strategy-discussion',
        subjectId: strategyDiscussionId,
        childId: d.childId,
        changes: {
          heldOn: toIsoDate(heldOn),
          decision: d.decision,
          interimLiving: s47 ? d.interimLiving : null,
          abeInterviewNeeded: s47 ? d.abeInterviewNeeded : null,
          paediatricExamNeeded: s47 ? d.paediatricExamNeeded : null,
          ...(meeting === null ? {} : { attendees: meeting.attendees.length, mashChecksConsidered: meeting.mashChecksConsidered }),
        },
      });
      const kind = section47KindOf(d.decision);
      if (kind !== null)
        section47Ids.push(await startOrContinueSection47(work, strategyDiscussionId, discussion.teamId, discussion.openedOn, heldOn, child, kind));
      if (d.decision === 'further_strategy' && d.nextDiscussionBy !== null) {
        const review = await insertDiscussionToHold(work, {
          childId: d.childId,
          teamId: discussion.teamId,
          openedOn: toIsoDate(heldOn),
          source: { kind: 'child-record' },
          sourceKindOverride: 'review',
          urgent: false,
          kind: 'review',
          isGroup: false,
          groupConcern: null,
          createdByUserId: actor.userId,
          dueOn: toIsoDate(d.nextDiscussionBy),
        });
        reviewDiscussionIds.push(review.strategyDiscussionId);
      }
    }
    return { section47Ids, reviewDiscussionIds };
  });
}

async function heldAttendees(work: Work, id: string): Promise<AttendeeInput[]> {
  const rows = await discussionAttendees(work.trx, id);
  return rows.map((r) => ({ agency: r.agency as AttendeeInput['agency'], name: r.name, role: r.role, attended: r.attended, reportSummary: r.reportSummary }));
}

/**
 * A section 47 decision starts the child's enquiry; where one is already under way (a review
 * discussion), the enquiry continues and its ICPC clock moves to this, the last discussion (S47-03).
 */
async function startOrContinueSection47(
  work: Work,
  strategyDiscussionId: string,
  teamId: string,
  openedOn: string,
  heldOn: LocalDate,
  child: ChildInDiscussion,
  kind: 'single_agency' | 'joint',
): Promise<string> {
  const open = await openSection47ForChild(work.trx, child.childId);
  const held = toIsoDate(heldOn);
  if (open !== undefined) {
    await moveLastStrategyDiscussion(work.trx, open.id, strategyDiscussionId, held);
    await work.audit({
      action: 'child-protection.section-47.continued',
      subjectType: 'section-47',
      subjectId: open.id,
      childId: child.childId,
      changes: { lastStrategyDiscussionId: strategyDiscussionId, lastStrategyHeldOn: held },
    });
    return open.id;
  }
  const anchorOn = openedOn;
  const dueOn = toIsoDate(section47DueOn(parseLocalDate(anchorOn)));
  const id = await insertSection47(work.trx, {
    childId: child.childId,
    strategyDiscussionId,
    lastStrategyDiscussionId: strategyDiscussionId,
    lastStrategyHeldOn: held,
    teamId,
    kind,
    startedOn: held,
    anchorOn,
    dueOn,
    createdAt: work.now,
  });
  await work.audit({
    action: 'child-protection.section-47.started',
    subjectType: 'section-47',
    subjectId: id,
    childId: child.childId,
    changes: { kind, startedOn: held, anchorOn, dueOn, strategyDiscussionId },
  });
  return id;
}
