// Recording a review of the child in need plan (CIN-02): date held, who attended, the child's views,
// progress, whether the 10-month progress review was done (CIN-04), the decision, and whether the
// plan needs updating (a new draft version copied from the plan in force).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { openPlanPage, type OpenPlanPage } from '../../../app/child-in-need/plan-pages.ts';
import { recordReview, REVIEW_MESSAGES } from '../../../app/child-in-need/record-review.ts';
import { findReviewDraft, saveReviewDraft } from '../../../app/child-in-need/review-draft.ts';
import { takeRescuedForm } from '../../../app/drafts/rescued-forms.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { REVIEW_DECISIONS } from '../../../domain/child-in-need/plan.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { asString, errorSummary, errorsByField, formBody, type FormBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { childHeaderContext, childIdOf, isoFromDateParts, linkDateErrors } from '../../records/shared.ts';
import { planFieldsOf } from '../shared.ts';

const FIELDS = ['heldOn', 'attendance', 'childViews', 'progress', 'decision', 'stepDownFamilyConsent'];

interface ReviewValues {
  readonly heldOnDay: string;
  readonly heldOnMonth: string;
  readonly heldOnYear: string;
  readonly attendance: string;
  readonly childViews: string;
  readonly progress: string;
  readonly progressAssessment: boolean;
  readonly decision: string;
  readonly updatePlan: boolean;
  readonly stepDownFamilyConsent: boolean;
}

const EMPTY: ReviewValues = {
  heldOnDay: '',
  heldOnMonth: '',
  heldOnYear: '',
  attendance: '',
  childViews: '',
  progress: '',
  progressAssessment: false,
  decision: '',
  updatePlan: false,
  stepDownFamilyConsent: false,
};

type Banner = 'draft-saved' | 'draft-restored' | 'rescued' | null;

/** A saved draft or a rescued form back into the form's values; anything unexpected is left blank. */
function restoredValues(data: Record<string, unknown>): ReviewValues {
  const text = (key: keyof ReviewValues) => (typeof data[key] === 'string' ? data[key] : '');
  const flag = (key: keyof ReviewValues) => data[key] === true;
  return {
    heldOnDay: text('heldOnDay'),
    heldOnMonth: text('heldOnMonth'),
    heldOnYear: text('heldOnYear'),
    attendance: text('attendance'),
    childViews: text('childViews'),
    progress: text('progress'),
    progressAssessment: flag('progressAssessment'),
    decision: text('decision'),
    updatePlan: flag('updatePlan'),
    stepDownFamilyConsent: flag('stepDownFamilyConsent'),
  };
}

function valuesOf(body: FormBody): ReviewValues {
  const text = (name: string) => asString(body[name]) ?? '';
  return {
    heldOnDay: text('heldOn-day'),
    heldOnMonth: text('heldOn-month'),
    heldOnYear: text('heldOn-year'),
    attendance: text('attendance'),
    childViews: text('childViews'),
    progress: text('progress'),
    progressAssessment: body['progressAssessment'] === 'yes',
    decision: text('decision'),
    updatePlan: body['updatePlan'] === 'yes',
    stepDownFamilyConsent: body['stepDownFamilyConsent'] === 'yes',
  };
}

export async function reviewRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function render(reply: FastifyReply, childId: string, values: ReviewValues, errors: FieldErrors, opened?: OpenPlanPage, banner: Banner = null) {
    const page = opened ?? (await openPlanPage(deps, requestContext(reply.request), childId, 'child-in-need:record', null));
    return reply.view('child-in-need/review/view.njk', {
      ...childHeaderContext(page.child, deps.clock.now(), 'child-in-need'),
      plan: page.plan,
      hasDraft: page.hasDraft,
      banner,
      values,
      decisionItems: Object.entries(REVIEW_DECISIONS).map(([value, text]) => ({ value, text, checked: values.decision === value })),
      action: paths.childInNeedReview(childId),
      sectionHref: paths.childInNeed(childId),
      errorList: linkDateErrors(errorSummary(errors, FIELDS), ['heldOn']),
      errors: errorsByField(errors),
    });
  }

  app.get(
    '/children/:childId/child-in-need/review',
    { config: { permission: 'child-in-need:record', audit: 'child-in-need.review-form.viewed' } },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const ctx = requestContext(request);
      const page = await openPlanPage(deps, ctx, childId, 'child-in-need:record', 'child-in-need.review-form.viewed');
      // A form posted after the session expired was kept by the sign-in (src/web/plugins/auth.ts): it
      // comes back once, and is kept as this worker's draft so it is not lost a second time.
      const rescued = await takeRescuedForm(deps, ctx, paths.childInNeedReview(childId));
      if (rescued !== null) {
        const values = valuesOf(rescued);
        await saveReviewDraft(deps, ctx, childId, page.plan.id, { ...values }).catch((error: unknown) => {
          // Kept for this visit only when it cannot be stored as a draft (the plan is no longer active).
          if (!(error instanceof ValidationError)) throw error;
        });
        return render(reply, childId, values, {}, page, 'rescued');
      }
      const draft = await findReviewDraft(deps, ctx, page.plan.id);
      const saved = (request.query as Record<string, unknown>)['draft'] === 'saved';
      return render(reply, childId, draft === null ? EMPTY : restoredValues(draft), {}, page, saved ? 'draft-saved' : draft === null ? null : 'draft-restored');
    },
  );

  app.post(
    '/children/:childId/child-in-need/review',
    { config: { permission: 'child-in-need:record', audit: 'child-in-need.review.recorded' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const body = formBody(request.body);
      const { planId, version } = planFieldsOf(body);
      const values = valuesOf(body);
      if (body['action'] === 'draft') {
        try {
          await saveReviewDraft(deps, requestContext(request), childId, planId, { ...values });
        } catch (error) {
          if (error instanceof ValidationError) return render(reply.code(400), childId, values, error.fieldErrors);
          throw error;
        }
        return reply.redirect(`${paths.childInNeedReview(childId)}?draft=saved`, 303);
      }
      const date = isoFromDateParts(
        { day: values.heldOnDay, month: values.heldOnMonth, year: values.heldOnYear },
        'The date the review was held',
        REVIEW_MESSAGES.heldOnRequired,
      );
      try {
        const review = await recordReview(deps, requestContext(request), childId, planId, version, {
          heldOn: 'iso' in date ? date.iso : '',
          attendance: values.attendance,
          childViews: values.childViews,
          progress: values.progress,
          progressAssessment: values.progressAssessment,
          decision: values.decision,
          updatePlan: values.updatePlan,
          stepDownFamilyConsent: values.stepDownFamilyConsent,
        });
        if (review.newDraftVersion !== null) return await reply.redirect(paths.childInNeedPlan(childId), 303);
        const done = review.opened.kind === 'strategy_discussion' ? 'stepped-up' : review.opened.kind === 'early_help_referral' ? 'stepped-down' : 'reviewed';
        return await reply.redirect(`${paths.childInNeed(childId)}?done=${done}`, 303);
      } catch (error) {
        if (error instanceof ValidationError) {
          const errors = 'error' in date ? { ...error.fieldErrors, heldOn: date.error } : error.fieldErrors;
          return render(reply.code(400), childId, values, errors);
        }
        throw error;
      }
    },
  );
}
