// Record a core group meeting on the child's plan (CP-01, CP-02).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { recordCoreGroup } from '../../../app/child-protection/record-core-group.ts';
import { openPlanRecordingForm } from '../../../app/child-protection/save-cp-plan.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { isStorableText } from '../../../app/shared/safe-text.ts';
import { childHeaderContext, childIdOf, linkDateErrors, type DateParts } from '../../records/shared.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { asString, errorSummary, errorsByField, formBody } from '../../shared/forms.ts';
import { requestContext } from '../../shared/request-context.ts';
import { cpDateFromParts, cpPaths } from '../shared.ts';

interface Values {
  readonly heldOn: DateParts;
  readonly progress: string;
}

export async function coreGroupRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  const url = '/children/:childId/child-protection-plan/core-groups/new';

  async function render(reply: FastifyReply, childId: string, values: Values, errors: FieldErrors, audit: boolean) {
    const form = await openPlanRecordingForm(deps, requestContext(reply.request), childId, 'core-group', { audit });
    return reply.view('child-protection/core-group/view.njk', {
      ...childHeaderContext(form.child, deps.clock.now(), 'child-protection-plan'),
      values,
      action: cpPaths.coreGroup(childId),
      backHref: cpPaths.plan(childId),
      errorList: linkDateErrors(errorSummary(errors, ['heldOn', 'progress']), ['heldOn']),
      errors: errorsByField(errors),
    });
  }

  app.get(url, { config: { permission: 'child-protection:record', audit: 'child-protection.core-group-form.viewed' } }, async (request, reply) =>
    render(reply, childIdOf(request.params), { heldOn: { day: '', month: '', year: '' }, progress: '' }, {}, true),
  );

  app.post(
    url,
    { config: { permission: 'child-protection:record', audit: 'child-protection.core-group.recorded' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const body = formBody(request.body);
      const values: Values = {
        heldOn: { day: asString(body['heldOn-day']) ?? '', month: asString(body['heldOn-month']) ?? '', year: asString(body['heldOn-year']) ?? '' },
        progress: asString(body['progress']) ?? '',
      };
      const errors: Record<string, string> = {};
      const date = cpDateFromParts(values.heldOn, 'Date the core group met', 'Enter the date the core group met');
      if ('error' in date) errors['heldOn'] = date.error;
      if (values.progress.length > 10000) errors['progress'] = 'Progress must be 10000 characters or fewer';
      else if (!isStorableText(values.progress)) errors['progress'] = 'Remove the characters that cannot be stored (control or broken characters)';
      if (Object.keys(errors).length > 0 || 'error' in date) return render(reply.code(400), childId, values, errors, false);
      try {
        await recordCoreGroup(deps, requestContext(request), childId, { heldOn: date.iso, progress: values.progress.trim() });
        return await reply.redirect(`${cpPaths.plan(childId)}?coreGroup=1`, 303);
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.code(400), childId, values, error.fieldErrors, false);
        throw error;
      }
    },
  );
}
