// The team manager's page for a submitted young carer's assessment: authorise it with their management
// oversight (a support plan gets its review date), or return it to the worker with what needs to change.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { fieldErrorsOf } from '../../../app/shared/safe-text.ts';
import { authoriseYoungCarerAssessment } from '../../../app/young-carers/authorise-young-carer-assessment.ts';
import { returnYoungCarerAssessment } from '../../../app/young-carers/return-young-carer-assessment.ts';
import { viewYoungCarerAssessment, type YoungCarerPage } from '../../../app/young-carers/view-young-carers.ts';
import { authoriseYoungCarerInput, returnYoungCarerInput } from '../../../app/young-carers/young-carer-input.ts';
import { childHeaderContext } from '../../records/shared.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { asString, errorSummary, errorsByField, formBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { youngCarerAssessmentOf, youngCarerSummary } from '../shared.ts';

const FIELDS = ['managementComments', 'comments'];

interface AuthoriseFormValues {
  readonly managementComments: string;
  readonly comments: string;
}

export async function authoriseYoungCarerRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  function render(reply: FastifyReply, page: YoungCarerPage, values: AuthoriseFormValues, errors: FieldErrors) {
    const a = page.assessment;
    return reply.view('young-carers/authorise/view.njk', {
      ...childHeaderContext(page.child, deps.clock.now(), 'young-carers'),
      assessment: youngCarerSummary(a, page.timescale),
      version: a.version,
      values,
      action: paths.authoriseYoungCarerAssessment(a.id),
      errorList: errorSummary(errors, FIELDS),
      errors: errorsByField(errors),
    });
  }

  const url = '/young-carers/:submittedYoungCarerAssessmentId/authorise';
  const open = (reply: FastifyReply, childId: string, id: string, audit: boolean) =>
    viewYoungCarerAssessment(deps, requestContext(reply.request), childId, id, {
      action: 'change',
      auditAs: audit ? 'young-carers.authorisation-form.viewed' : false,
    });

  app.get(url, { config: { permission: 'young-carers:authorise', audit: 'young-carers.authorisation-form.viewed' } }, async (request, reply) => {
    const { childId, id } = await youngCarerAssessmentOf(deps, request.params, 'submittedYoungCarerAssessmentId');
    const page = await open(reply, childId, id, true);
    if (!page.mayAuthorise) return reply.redirect(paths.youngCarerAssessment(id), 303);
    return render(reply, page, { managementComments: '', comments: '' }, {});
  });

  app.post(
    url,
    { config: { permission: 'young-carers:authorise', audit: 'young-carers.assessment.authorised' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const { childId, id } = await youngCarerAssessmentOf(deps, request.params, 'submittedYoungCarerAssessmentId');
      const body = formBody(request.body);
      const values: AuthoriseFormValues = { managementComments: asString(body['managementComments']) ?? '', comments: asString(body['comments']) ?? '' };
      const version = z.coerce.number().int().positive().catch(0).parse(body['version']);
      const ctx = requestContext(request);
      try {
        if (body['action'] === 'return') {
          const parsed = returnYoungCarerInput.safeParse({ comments: values.comments, version });
          if (!parsed.success) throw new ValidationError({ comments: fieldErrorsOf(parsed.error)['comments'] ?? 'Enter what needs to change' });
          await returnYoungCarerAssessment(deps, ctx, childId, id, parsed.data);
          return await reply.redirect(`${paths.youngCarerAssessment(id)}?returned=1`, 303);
        }
        const parsed = authoriseYoungCarerInput.safeParse({ managementComments: values.managementComments, version });
        if (!parsed.success) {
          throw new ValidationError({ managementComments: fieldErrorsOf(parsed.error)['managementComments'] ?? 'Enter your management oversight' });
        }
        await authoriseYoungCarerAssessment(deps, ctx, childId, id, parsed.data);
        return await reply.redirect(`${paths.youngCarerAssessment(id)}?authorised=1`, 303);
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.code(400), await open(reply, childId, id, false), values, error.fieldErrors);
        throw error;
      }
    },
  );
}
