// One young carer's needs assessment: who is cared for and how, what the assessment says, its status
// and due dates, the manager's comments and authorisation; and, once authorised with a support plan,
// the form to record the plan's review (YC-02) and the reviews so far.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { fieldErrorsOf } from '../../../app/shared/safe-text.ts';
import { recordYoungCarerPlanReview } from '../../../app/young-carers/record-plan-review.ts';
import { viewYoungCarerAssessment } from '../../../app/young-carers/view-young-carers.ts';
import { recordPlanReviewInput } from '../../../app/young-carers/young-carer-input.ts';
import { formatLongDate } from '../../../domain/shared/time/local-date.ts';
import { paragraphsOf } from '../../assessments/view-model.ts';
import { childHeaderContext, instantText, isoFromDateParts, linkDateErrors, type DateParts } from '../../records/shared.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { asString, errorSummary, errorsByField, formBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { youngCarerAssessmentOf, youngCarerSummary } from '../shared.ts';

const BANNERS = ['submitted', 'returned', 'authorised', 'reviewed'] as const;
const REVIEW_FIELDS = ['reviewedOn', 'summary', 'continueSupport'];

interface ReviewFormValues {
  readonly reviewedOn: DateParts;
  readonly summary: string;
  readonly continueSupport: string;
}

const EMPTY_REVIEW: ReviewFormValues = { reviewedOn: { day: '', month: '', year: '' }, summary: '', continueSupport: '' };

export async function youngCarerPageRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function render(reply: FastifyReply, childId: string, id: string, audit: boolean, review: ReviewFormValues = EMPTY_REVIEW, errors: FieldErrors = {}) {
    const page = await viewYoungCarerAssessment(deps, requestContext(reply.request), childId, id, audit ? {} : { auditAs: false });
    const flag = Object.keys(reply.request.query as Record<string, unknown>).find((k) => (BANNERS as readonly string[]).includes(k)) ?? null;
    return reply.view('young-carers/assessment/view.njk', {
      ...childHeaderContext(page.child, deps.clock.now(), 'young-carers'),
      assessment: youngCarerSummary(page.assessment, page.timescale),
      returns: page.returns.map((r) => ({ returnedBy: r.returnedByName, returnedAt: instantText(r.returnedAt), comments: paragraphsOf(r.comments) })),
      reviews: page.reviews.map((r) => ({
        reviewedOn: formatLongDate(r.reviewedOn),
        dueOn: formatLongDate(r.dueOn),
        withinTimescale: r.withinTimescale,
        summary: paragraphsOf(r.summary),
        outcome: r.nextReviewDueOn === null ? 'Support ended' : `Support continues; next review due by ${formatLongDate(r.nextReviewDueOn)}`,
        recordedBy: r.recordedByName,
      })),
      supportPlanEndedOn: page.assessment.supportPlanEndedOn === null ? null : formatLongDate(page.assessment.supportPlanEndedOn),
      mayEdit: page.mayEdit,
      mayAuthorise: page.mayAuthorise,
      mayReview: page.mayReview,
      editHref: paths.editYoungCarerAssessment(id),
      authoriseHref: paths.authoriseYoungCarerAssessment(id),
      reviewAction: paths.youngCarerPlanReview(id),
      listHref: paths.childYoungCarers(childId),
      version: page.assessment.version,
      review,
      continueItems: [
        { value: 'yes', text: 'Yes, support continues (next review in 3 months)', checked: review.continueSupport === 'yes' },
        { value: 'no', text: 'No, support ends', checked: review.continueSupport === 'no' },
      ],
      banner: Object.keys(errors).length > 0 ? null : flag,
      errorList: linkDateErrors(errorSummary(errors, REVIEW_FIELDS), ['reviewedOn']),
      errors: errorsByField(errors),
    });
  }

  app.get(
    '/young-carers/:youngCarerAssessmentId',
    { config: { permission: 'people:view-child', audit: 'young-carers.assessment.viewed' } },
    async (request, reply) => {
      const { childId, id } = await youngCarerAssessmentOf(deps, request.params, 'youngCarerAssessmentId');
      return render(reply, childId, id, true);
    },
  );

  app.post(
    '/young-carers/:authorisedYoungCarerAssessmentId/review',
    { config: { permission: 'young-carers:record', audit: 'young-carers.plan-review.recorded' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const { childId, id } = await youngCarerAssessmentOf(deps, request.params, 'authorisedYoungCarerAssessmentId');
      const body = formBody(request.body);
      const values: ReviewFormValues = {
        reviewedOn: {
          day: asString(body['reviewedOn-day']) ?? '',
          month: asString(body['reviewedOn-month']) ?? '',
          year: asString(body['reviewedOn-year']) ?? '',
        },
        summary: asString(body['summary']) ?? '',
        continueSupport: asString(body['continueSupport']) ?? '',
      };
      const errors: Record<string, string> = {};
      const date = isoFromDateParts(values.reviewedOn, 'The date of the review', 'Enter the date of the review');
      if ('error' in date) errors['reviewedOn'] = date.error;
      const version = Number(asString(body['version']) ?? '');
      const parsed = recordPlanReviewInput.safeParse({
        reviewedOn: 'iso' in date ? date.iso : '',
        summary: values.summary,
        continueSupport: values.continueSupport === 'yes' ? true : values.continueSupport === 'no' ? false : undefined,
        version: Number.isSafeInteger(version) && version > 0 ? version : 0,
      });
      if (!parsed.success) {
        for (const [key, message] of Object.entries(fieldErrorsOf(parsed.error))) {
          const field = key.split('.')[0] ?? key;
          if (field === 'version') continue;
          errors[field] ??= message;
        }
      }
      if (Object.keys(errors).length > 0 || !parsed.success) {
        if (Object.keys(errors).length === 0) errors['summary'] = 'Someone else changed this assessment. Reload the page and try again';
        return render(reply.code(400), childId, id, false, values, errors);
      }
      try {
        await recordYoungCarerPlanReview(deps, requestContext(request), childId, id, parsed.data);
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.code(400), childId, id, false, values, error.fieldErrors);
        throw error;
      }
      return reply.redirect(`${paths.youngCarerAssessment(id)}?reviewed=1`, 303);
    },
  );
}
