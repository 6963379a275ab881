// Record a review of the early help plan: the date, the scaling question again and what has changed.
// The next review is due 3 months later (EH-02 review, CFG), shown with how it is worked out.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { OpenedEpisode } from '../../../app/early-help/episode-access.ts';
import { EARLY_HELP_MESSAGES } from '../../../app/early-help/input.ts';
import { nextReviewOf, openReviewForm, recordPlanReview, type PlanRow } from '../../../app/early-help/plan-review.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { StaleVersionError, ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { explainPlanReviewDue } from '../../../domain/early-help/timescales.ts';
import { parseLocalDate } from '../../../domain/shared/time/local-date.ts';
import { dueView, formStrings, uuidParam } from '../../front-door/shared.ts';
import { childHeaderContext, linkDateErrors } from '../../records/shared.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { errorSummary, errorsByField } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { backToSummary, dateItems, postedDate, postedInt, scalingItems } from '../shared.ts';

const FIELDS = ['reviewedOn', 'scaling', 'progress', 'version'];

export async function earlyHelpReviewRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function render(
    reply: FastifyReply,
    episodeId: string,
    values: Record<string, string>,
    errors: FieldErrors,
    opened?: OpenedEpisode & { plan: PlanRow },
  ) {
    let form: Awaited<ReturnType<typeof openReviewForm>>;
    try {
      form = opened ?? (await openReviewForm(deps, requestContext(reply.request), episodeId, { audit: false }));
    } catch (error) {
      // The step is no longer (or not yet) open: back to the early help summary, which says why.
      return backToSummary(reply, error);
    }
    return reply.view('early-help/review/view.njk', {
      ...childHeaderContext(form.child, deps.clock.now(), 'early-help'),
      values,
      version: form.episode.version,
      due: dueView(explainPlanReviewDue(parseLocalDate(nextReviewOf(form.plan).from))),
      reviewNumber: form.plan.reviews.length + 1,
      scalingItems: scalingItems(values['scaling'] ?? ''),
      dateItems: dateItems(values, 'reviewedOn', errors['reviewedOn'] !== undefined),
      action: paths.earlyHelpReview(episodeId),
      cancelHref: paths.childEarlyHelp(form.child.id),
      errorList: linkDateErrors(errorSummary(errors, FIELDS), ['reviewedOn']),
      errors: errorsByField(errors),
    });
  }

  const url = '/early-help/episodes/:earlyHelpEpisodeId/review';
  app.get(url, { config: { permission: 'early-help:work', audit: 'early-help.review-form.viewed' } }, async (request, reply) => {
    const episodeId = uuidParam(request.params, 'earlyHelpEpisodeId');
    try {
      const form = await openReviewForm(deps, requestContext(request), episodeId);
      return await render(reply, episodeId, {}, {}, form);
    } catch (error) {
      return backToSummary(reply, error);
    }
  });

  app.post(url, { config: { permission: 'early-help:work', audit: 'early-help.plan-review.recorded' }, preHandler: csrfGuard(app) }, async (request, reply) => {
    const episodeId = uuidParam(request.params, 'earlyHelpEpisodeId');
    const values = formStrings(request.body);
    const errors: Record<string, string> = {};
    const reviewedOn = postedDate(values, 'reviewedOn', 'Date of the review', EARLY_HELP_MESSAGES.reviewedOn, errors);
    let done;
    try {
      done = await recordPlanReview(deps, requestContext(request), episodeId, {
        reviewedOn: reviewedOn ?? '',
        scaling: postedInt(values['scaling']),
        progress: values['progress'] ?? '',
        version: postedInt(values['version']),
      });
    } catch (error) {
      if (error instanceof ValidationError) return render(reply.code(400), episodeId, values, { ...error.fieldErrors, ...errors });
      if (error instanceof StaleVersionError) return render(reply.code(409), episodeId, values, { version: EARLY_HELP_MESSAGES.version });
      return backToSummary(reply, error);
    }
    return reply.redirect(`${paths.childEarlyHelp(done.childId)}?done=review`, 303);
  });
}
