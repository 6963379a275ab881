// Closing the child in need episode (team manager): the DfE CIN census closure reason (RC1-RC8) and
// closure date. Closing ends the plan.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { CLOSURE_MESSAGES, closeChildInNeedEpisode } from '../../../app/child-in-need/close-episode.ts';
import { openPlanPage, type OpenPlanPage } from '../../../app/child-in-need/plan-pages.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { CIN_CLOSURE_REASONS } from '../../../domain/child-in-need/closure-reasons.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { asString, errorSummary, errorsByField, formBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { childHeaderContext, childIdOf, isoFromDateParts, linkDateErrors } from '../../records/shared.ts';
import { planFieldsOf } from '../shared.ts';

interface CloseValues {
  readonly reason: string;
  readonly closedOnDay: string;
  readonly closedOnMonth: string;
  readonly closedOnYear: string;
}

export async function closeRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function render(reply: FastifyReply, childId: string, values: CloseValues, errors: FieldErrors, opened?: OpenPlanPage) {
    const page = opened ?? (await openPlanPage(deps, requestContext(reply.request), childId, 'child-in-need:close', null));
    return reply.view('child-in-need/close/view.njk', {
      ...childHeaderContext(page.child, deps.clock.now(), 'child-in-need'),
      plan: page.plan,
      values,
      reasonItems: Object.entries(CIN_CLOSURE_REASONS).map(([value, text]) => ({ value, text: `${value}: ${text}`, checked: values.reason === value })),
      action: paths.childInNeedClose(childId),
      sectionHref: paths.childInNeed(childId),
      errorList: linkDateErrors(errorSummary(errors, ['reason', 'closedOn']), ['closedOn']),
      errors: errorsByField(errors),
    });
  }

  app.get(
    '/children/:childId/child-in-need/close',
    { config: { permission: 'child-in-need:close', audit: 'child-in-need.closure-form.viewed' } },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const page = await openPlanPage(deps, requestContext(request), childId, 'child-in-need:close', 'child-in-need.closure-form.viewed');
      return render(reply, childId, { reason: '', closedOnDay: '', closedOnMonth: '', closedOnYear: '' }, {}, page);
    },
  );

  app.post(
    '/children/:childId/child-in-need/close',
    { config: { permission: 'child-in-need:close', audit: 'child-in-need.episode.closed' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const body = formBody(request.body);
      const { planId, version } = planFieldsOf(body);
      const values: CloseValues = {
        reason: asString(body['reason']) ?? '',
        closedOnDay: asString(body['closedOn-day']) ?? '',
        closedOnMonth: asString(body['closedOn-month']) ?? '',
        closedOnYear: asString(body['closedOn-year']) ?? '',
      };
      const date = isoFromDateParts(
        { day: values.closedOnDay, month: values.closedOnMonth, year: values.closedOnYear },
        'The closure date',
        CLOSURE_MESSAGES.closedOnRequired,
      );
      try {
        await closeChildInNeedEpisode(deps, requestContext(request), childId, planId, version, {
          reason: values.reason,
          closedOn: 'iso' in date ? date.iso : '',
        });
        return await reply.redirect(`${paths.childInNeed(childId)}?done=closed`, 303);
      } catch (error) {
        if (error instanceof ValidationError) {
          const errors = 'error' in date ? { ...error.fieldErrors, closedOn: date.error } : error.fieldErrors;
          return render(reply.code(400), childId, values, errors);
        }
        throw error;
      }
    },
  );
}
