// A worker's half-written child in need plan review, kept in the draft table (CONVENTIONS.md 12:
// long forms keep drafts in the database), so typed work survives closing the page or an expired
// session. One draft per worker and plan; given back when they open the review form again, and
// removed in the same transaction that records the review (src/app/child-in-need/record-review.ts).
import { findDraft, upsertDraft } from '../../db/drafts/draft-repository.ts';
import type { AppDeps } from '../shared/deps.ts';
import { ValidationError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { isStorableText } from '../shared/safe-text.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { openPlanForChange } from './plan-access.ts';

export const reviewDraftJourney = (planId: string): string => `child-in-need:review:${planId}`;

/** The review form's fields as typed: text only, each no longer than the review itself allows. */
export type ReviewDraftValues = Readonly<Record<string, string | boolean>>;

const MAX_DRAFT_FIELD = 10_000;

export async function saveReviewDraft(deps: AppDeps, ctx: RequestContext, childId: string, planId: string, values: ReviewDraftValues): Promise<void> {
  await unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { opened, plan } = await openPlanForChange(trx, ctx, 'child-in-need:record', childId, planId, now);
    if (plan.status !== 'active') throw new ValidationError({ plan: 'Only an agreed plan that has not ended can be reviewed' });
    const errors: Record<string, string> = {};
    for (const [key, value] of Object.entries(values)) {
      if (typeof value !== 'string') continue;
      if (!isStorableText(value)) errors[key] = 'Remove the characters that cannot be stored (control or broken characters)';
      else if (value.length > MAX_DRAFT_FIELD) errors[key] = `Must be ${MAX_DRAFT_FIELD.toLocaleString('en-GB')} characters or fewer`;
    }
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    await upsertDraft(trx, opened.actor.userId, reviewDraftJourney(plan.id), { ...values }, now);
    await audit({ action: 'child-in-need.review-draft.saved', subjectType: 'cin-plan', subjectId: plan.id, childId });
  });
}

/** The worker's own draft of this plan's review, if any. Called after the page has opened the plan (access checked and audited). */
export async function findReviewDraft(deps: AppDeps, ctx: RequestContext, planId: string): Promise<Record<string, unknown> | null> {
  if (ctx.actor === null) return null;
  return (await findDraft(deps.db, ctx.actor.userId, reviewDraftJourney(planId))) ?? null;
}
