// Recording a child in need plan review (family support meeting, CIN-02): who attended, the child's
// views, progress against the plan and the decision (seed 004 §8: continue, step down or escalate;
// domain-spec §4.2). The next review is then due 3 months after this one; a review that considered the
// updated assessment of progress restarts the 10-month clock (CIN-04). A review may start a new draft
// version of the plan, copied from the version in force, which is agreed the same way as the first.
//
// The decision opens what it decides, in the same transaction as the review (seed 004 §8; domain-spec
// §4.2 T11/T12/T18): stepping up opens a strategy discussion to be held (due within S47-01, the child
// protection module's own entry point, as an assessment's strategy_s47 outcome does); stepping down
// refers the child to targeted early help at level 3, with the family's agreement, as an assessment's
// step-down does. The review links to what it opened.
import { insertDraftVersion, insertReview, insertReviewStepDownReferral, linkReviewToStrategyDiscussion, bumpPlanVersion, listVersions } from '../../db/child-in-need/plan-repository.ts';
import { deleteDraft } from '../../db/drafts/draft-repository.ts';
import { isReviewDecision, type ReviewDecision } from '../../domain/child-in-need/plan.ts';
import { isValidIsoDate } from '../../domain/shared/time/local-date.ts';
import { STEP_DOWN_NEED_LEVEL } from '../assessments/next-records.ts';
import { openStrategyDiscussion } from '../child-protection/open-strategy-discussion.ts';
import { londonToday } from '../people/london-today.ts';
import type { AppDeps } from '../shared/deps.ts';
import { StaleVersionError, ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { isStorableText } from '../shared/safe-text.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { openPlanForChange } from './plan-access.ts';
import { reviewDraftJourney } from './review-draft.ts';

export interface RecordReviewInput {
  readonly heldOn: string;
  readonly attendance: string;
  readonly childViews: string;
  readonly progress: string;
  readonly progressAssessment: boolean;
  readonly decision: string;
  readonly updatePlan: boolean;
  /** A step down to early help needs the family's agreement (seed 004 §7): asked on every review, used for a step down. */
  readonly stepDownFamilyConsent: boolean;
}

/** What the review's decision opened, for the redirect and the review page's link. */
export type ReviewOpened = { readonly kind: 'none' } | { readonly kind: 'strategy_discussion'; readonly id: string } | { readonly kind: 'early_help_referral'; readonly id: string };

export const REVIEW_MESSAGES = {
  heldOnRequired: 'Enter the date the review was held',
  heldOnReal: 'The date the review was held must be a real date',
  heldOnFuture: 'The date the review was held must be today or in the past',
  heldOnBeforeAgreed: 'The review must be on or after the day the plan was agreed',
  attendanceRequired: 'Enter who attended the review',
  childViewsRequired: 'Enter the child’s views, or how they were sought and why they could not be given',
  progressRequired: 'Enter the progress made against the plan',
  decisionRequired: 'Select the review’s decision',
  stepDownConsent: 'A step down to early help needs the family’s agreement: confirm they agree, or choose another decision',
  notActive: 'Only an agreed plan that has not ended can be reviewed',
  tooLong: (max: number) => `Must be ${max.toLocaleString('en-GB')} characters or fewer`,
  unstorable: 'Remove the characters that cannot be stored (control or broken characters)',
} as const;

function text(errors: Record<string, string>, key: string, value: string, required: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed === '') errors[key] = required;
  else if (!isStorableText(trimmed)) errors[key] = REVIEW_MESSAGES.unstorable;
  else if (trimmed.length > max) errors[key] = REVIEW_MESSAGES.tooLong(max);
  return trimmed;
}

export async function recordReview(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  planId: string,
  version: number,
  input: RecordReviewInput,
): Promise<{ reviewId: string; decision: ReviewDecision; newDraftVersion: number | null; opened: ReviewOpened }> {
  return unitOfWork(deps, ctx, async (work) => {
    const { trx, now, audit } = work;
    const { opened, plan } = await openPlanForChange(trx, ctx, 'child-in-need:record', childId, planId, now, version);
    if (plan.status !== 'active' || plan.agreedOn === null) throw new ValidationError({ plan: REVIEW_MESSAGES.notActive });
    const errors: Record<string, string> = {};
    const today = londonToday(now);
    if (input.heldOn === '') errors['heldOn'] = REVIEW_MESSAGES.heldOnRequired;
    else if (!isValidIsoDate(input.heldOn)) errors['heldOn'] = REVIEW_MESSAGES.heldOnReal;
    else if (input.heldOn > today) errors['heldOn'] = REVIEW_MESSAGES.heldOnFuture;
    else if (input.heldOn < plan.agreedOn) errors['heldOn'] = REVIEW_MESSAGES.heldOnBeforeAgreed;
    const attendance = text(errors, 'attendance', input.attendance, REVIEW_MESSAGES.attendanceRequired, 2000);
    const childViews = text(errors, 'childViews', input.childViews, REVIEW_MESSAGES.childViewsRequired, 5000);
    const progress = text(errors, 'progress', input.progress, REVIEW_MESSAGES.progressRequired, 10000);
    if (!isReviewDecision(input.decision)) errors['decision'] = REVIEW_MESSAGES.decisionRequired;
    else if (input.decision === 'step_down' && !input.stepDownFamilyConsent) errors['stepDownFamilyConsent'] = REVIEW_MESSAGES.stepDownConsent;
    if (Object.keys(errors).length > 0 || !isReviewDecision(input.decision)) throw new ValidationError(errors);
    const decision = input.decision;

    const reviewId = await insertReview(trx, {
      planId: plan.id,
      heldOn: input.heldOn,
      attendance,
      childViews,
      progress,
      progressAssessment: input.progressAssessment,
      decision,
      planUpdated: input.updatePlan,
      recordedByUserId: opened.actor.userId,
      recordedAt: now,
    });
    let newDraftVersion: number | null = null;
    if (input.updatePlan) {
      const versions = await listVersions(trx, plan.id);
      const current = versions.find((v) => v.status === 'finalised');
      if (current !== undefined && !versions.some((v) => v.status === 'draft')) {
        newDraftVersion = Math.max(...versions.map((v) => v.number)) + 1;
        await insertDraftVersion(trx, plan.id, newDraftVersion, current, reviewId, now);
      }
    }
    const latest = (a: string | null, b: string): string => (a === null || b > a ? b : a);
    const changes = {
      lastReviewedOn: latest(plan.lastReviewedOn, input.heldOn),
      ...(input.progressAssessment ? { lastProgressReviewOn: latest(plan.lastProgressReviewOn, input.heldOn) } : {}),
    };
    if (!(await bumpPlanVersion(trx, plan.id, version, changes))) throw new StaleVersionError('cin-plan', plan.id, plan);
    // The worker's draft of this review has become the review.
    const draftRemoved = (await deleteDraft(trx, opened.actor.userId, reviewDraftJourney(plan.id))) !== undefined;
    await audit({
      action: 'child-in-need.review.recorded',
      subjectType: 'cin-review',
      subjectId: reviewId,
      childId,
      changes: {
        planId: plan.id,
        heldOn: input.heldOn,
        decision,
        progressAssessment: input.progressAssessment,
        planUpdated: input.updatePlan,
        newDraftVersion,
        draftRemoved,
      },
    });
    let openedNext: ReviewOpened = { kind: 'none' };
    if (decision === 'step_up') {
      const { strategyDiscussionId } = await openStrategyDiscussion(work, { childId, teamId: plan.teamId, openedOn: input.heldOn, source: { kind: 'child-record' } });
      await linkReviewToStrategyDiscussion(trx, reviewId, strategyDiscussionId);
      openedNext = { kind: 'strategy_discussion', id: strategyDiscussionId };
      await audit({
        action: 'child-in-need.step-up.requested',
        subjectType: 'cin-plan',
        subjectId: plan.id,
        childId,
        changes: { reviewId, heldOn: input.heldOn, strategyDiscussionId },
      });
    }
    if (decision === 'step_down') {
      const referralId = await insertReviewStepDownReferral(trx, { cinReviewId: reviewId, childId, referredOn: input.heldOn, needLevel: STEP_DOWN_NEED_LEVEL, familyConsent: true, createdAt: now });
      openedNext = { kind: 'early_help_referral', id: referralId };
      await audit({
        action: 'front-door.early-help-referral.created',
        subjectType: 'early-help-referral',
        subjectId: referralId,
        childId,
        changes: { cinReviewId: reviewId, needLevel: STEP_DOWN_NEED_LEVEL, familyConsent: true, referredOn: input.heldOn },
      });
    }
    return { reviewId, decision, newDraftVersion, opened: openedNext };
  });
}
