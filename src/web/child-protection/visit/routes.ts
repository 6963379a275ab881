// Record a statutory visit on the child's plan: child seen, seen alone, or why not (CP-05).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { recordCpVisit } from '../../../app/child-protection/record-cp-visit.ts';
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
  readonly visitedOn: DateParts;
  readonly seen: string;
  readonly notSeenReason: string;
  readonly summary: string;
}

const FIELDS = ['visitedOn', 'seen', 'seenAlone', 'notSeenReason', 'summary'];

export async function visitRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  const url = '/children/:childId/child-protection-plan/visits/new';

  async function render(reply: FastifyReply, childId: string, values: Values, errors: FieldErrors, audit: boolean) {
    const form = await openPlanRecordingForm(deps, requestContext(reply.request), childId, 'visit', { audit });
    const name = form.child.givenName;
    return reply.view('child-protection/visit/view.njk', {
      ...childHeaderContext(form.child, deps.clock.now(), 'child-protection-plan'),
      values,
      seenItems: [
        { value: 'alone', text: `Yes, ${name} was seen alone` },
        { value: 'seen', text: `Yes, ${name} was seen, not alone` },
        { value: 'no', text: `No, ${name} was not seen` },
      ].map((i) => ({ ...i, checked: values.seen === i.value })),
      action: cpPaths.visit(childId),
      backHref: cpPaths.plan(childId),
      errorList: linkDateErrors(errorSummary(errors, FIELDS), ['visitedOn']).map((i) => (i.href === '#seenAlone' ? { ...i, href: '#seen' } : i)),
      errors: errorsByField(errors),
    });
  }

  app.get(url, { config: { permission: 'child-protection:record', audit: 'child-protection.visit-form.viewed' } }, async (request, reply) =>
    render(reply, childIdOf(request.params), { visitedOn: { day: '', month: '', year: '' }, seen: '', notSeenReason: '', summary: '' }, {}, true),
  );

  app.post(
    url,
    { config: { permission: 'child-protection:record', audit: 'child-protection.visit.recorded' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const body = formBody(request.body);
      const values: Values = {
        visitedOn: { day: asString(body['visitedOn-day']) ?? '', month: asString(body['visitedOn-month']) ?? '', year: asString(body['visitedOn-year']) ?? '' },
        seen: asString(body['seen']) ?? '',
        notSeenReason: asString(body['notSeenReason']) ?? '',
        summary: asString(body['summary']) ?? '',
      };
      const errors: Record<string, string> = {};
      const date = cpDateFromParts(values.visitedOn, 'Date of the visit', 'Enter the date of the visit');
      if ('error' in date) errors['visitedOn'] = date.error;
      if (!['alone', 'seen', 'no'].includes(values.seen)) errors['seen'] = 'Select whether the child was seen';
      for (const [field, max] of [
        ['notSeenReason', 2000],
        ['summary', 10000],
      ] as const) {
        if (values[field].length > max) errors[field] = `Must be ${String(max)} characters or fewer`;
        else if (!isStorableText(values[field])) errors[field] = 'Remove the characters that cannot be stored (control or broken characters)';
      }
      if (Object.keys(errors).length > 0 || 'error' in date) return render(reply.code(400), childId, values, errors, false);
      try {
        await recordCpVisit(deps, requestContext(request), childId, {
          visitedOn: date.iso,
          childSeen: values.seen !== 'no',
          seenAlone: values.seen === 'alone',
          notSeenReason: values.seen === 'no' ? values.notSeenReason.trim() : null,
          summary: values.summary.trim(),
        });
        return await reply.redirect(`${cpPaths.plan(childId)}?visit=1`, 303);
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.code(400), childId, values, error.fieldErrors, false);
        throw error;
      }
    },
  );
}
