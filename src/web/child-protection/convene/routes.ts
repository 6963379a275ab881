// A team manager convenes an initial child protection conference from the child's record, giving
// the date of the strategy discussion that started the section 47 enquiry. The form is on the child's
// record; it posts to /child-protection/initial-conferences with the child's id.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { conveneInitialConference, openConveneForm } from '../../../app/child-protection/convene-initial-conference.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { NotFoundError, ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { asString, errorSummary, errorsByField, formBody, primaryNeedItems } from '../../shared/forms.ts';
import { initialNeedProblem } from '../../../app/shared/initial-need.ts';
import { requestContext } from '../../shared/request-context.ts';
import { childHeaderContext, childIdOf, linkDateErrors, type DateParts } from '../../records/shared.ts';
import { cpDateFromParts, cpPaths } from '../shared.ts';

const EMPTY: DateParts = { day: '', month: '', year: '' };

export async function conveneRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function render(reply: FastifyReply, childId: string, values: DateParts & { primaryNeed?: string }, errors: FieldErrors, audit: boolean) {
    const form = await openConveneForm(deps, requestContext(reply.request), childId, { audit });
    return reply.view('child-protection/convene/view.njk', {
      ...childHeaderContext(form.child, deps.clock.now(), 'child-protection-plan'),
      blocked: form.blocked,
      values,
      action: cpPaths.conveneAction(),
      backHref: cpPaths.plan(childId),
      primaryNeedItems: primaryNeedItems(values.primaryNeed),
      errorList: linkDateErrors(errorSummary(errors, ['strategyHeldOn', 'primaryNeed']), ['strategyHeldOn']),
      errors: errorsByField(errors),
    });
  }

  app.get(
    '/children/:childId/child-protection-plan/convene',
    { config: { permission: 'child-protection:convene', audit: 'child-protection.convene-form.viewed' } },
    async (request, reply) => render(reply, childIdOf(request.params), EMPTY, {}, true),
  );

  app.post(
    '/child-protection/initial-conferences',
    { config: { permission: 'child-protection:convene', audit: 'child-protection.initial-conference.opened' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const body = formBody(request.body);
      const parsedId = z.uuid().safeParse(body['childId']);
      if (!parsedId.success) throw new NotFoundError('Child');
      const childId = parsedId.data;
      const values = {
        day: asString(body['strategyHeldOn-day']) ?? '',
        month: asString(body['strategyHeldOn-month']) ?? '',
        year: asString(body['strategyHeldOn-year']) ?? '',
        primaryNeed: asString(body['primaryNeed']) ?? '',
      };
      const date = cpDateFromParts(values, 'Date of the strategy discussion', 'Enter the date of the strategy discussion');
      const needProblem = initialNeedProblem(values.primaryNeed);
      if ('error' in date || needProblem !== undefined) {
        return render(
          reply.code(400),
          childId,
          values,
          { ...('error' in date ? { strategyHeldOn: date.error } : {}), ...(needProblem === undefined ? {} : { primaryNeed: needProblem }) },
          false,
        );
      }
      try {
        const { conferenceId } = await conveneInitialConference(deps, requestContext(request), childId, {
          strategyHeldOn: date.iso,
          primaryNeed: values.primaryNeed,
        });
        return await reply.redirect(`${cpPaths.conference(childId, conferenceId)}?convened=1`, 303);
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.code(400), childId, values, error.fieldErrors, false);
        throw error;
      }
    },
  );
}
