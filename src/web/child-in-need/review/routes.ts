// Recording a review of the child in need plan (CIN-02): date held, who attended, the child's views,
// progress, whether the 10-month progress review was done (CIN-04), the decision, and whether the
// plan needs updating (a new draft version copied from the plan in force).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { openPlanPage, type OpenPlanPage } from '../../../app/child-in-need/plan-pages.ts';
import { recordReview, REVIEW_MESSAGES } from '../../../app/child-in-need/record-review.ts';
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

  async function render(reply: FastifyReply, childId: string, values: ReviewValues, errors: FieldErrors, opened?: OpenPlanPage) {
    const page = opened ?? (await openPlanPage(deps, requestContext(reply.request), childId, 'child-in-need:record', null));
    return reply.view('child-in-need/review/view.njk', {
      ...childHeaderContext(page.child, deps.clock.now(), 'child-in-need'),
      plan: page.plan,
      hasDraft: page.hasDraft,
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
      const page = await openPlanPage(deps, requestContext(request), childId, 'child-in-need:record', 'child-in-need.review-form.viewed');
      return render(reply, childId, EMPTY, {}, page);
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
