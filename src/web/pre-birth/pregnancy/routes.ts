// The pregnancy dates the pre-birth rules depend on: when the pregnancy was confirmed (after the
// 12-week point the assessment is expedited) and when any earlier care proceedings ended (within 12
// months, the referral goes straight to Family Support).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { openPreBirthForm } from '../../../app/pre-birth/pre-birth-plan.ts';
import { recordPregnancyDetails } from '../../../app/pre-birth/record-pre-birth.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { childHeaderContext, linkDateErrors } from '../../records/shared.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { errorSummary, errorsByField, formBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { dateField, dateItems, datePartsFrom, datePartsOf, preBirthChildIdOf, type DateParts } from '../shared.ts';

const FIELDS = ['pregnancyConfirmedOn', 'previousProceedingsEndedOn'];

export async function pregnancyRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function render(reply: FastifyReply, childId: string, values: { confirmed: DateParts; proceedings: DateParts } | null, errors: FieldErrors) {
    const form = await openPreBirthForm(deps, requestContext(reply.request), childId, 'pre-birth.details-form.viewed', {
      audit: Object.keys(errors).length === 0,
    });
    const confirmed = values?.confirmed ?? datePartsOf(form.facts.plan?.pregnancyConfirmedOn ?? null);
    const proceedings = values?.proceedings ?? datePartsOf(form.facts.plan?.previousProceedingsEndedOn ?? null);
    return reply.view('pre-birth/pregnancy/view.njk', {
      ...childHeaderContext(form.child, deps.clock.now(), 'pre-birth'),
      confirmedItems: dateItems(confirmed, errors['pregnancyConfirmedOn'] !== undefined),
      proceedingsItems: dateItems(proceedings, errors['previousProceedingsEndedOn'] !== undefined),
      action: paths.preBirthPregnancy(childId),
      cancelHref: paths.preBirthPlan(childId),
      errorList: linkDateErrors(errorSummary(errors, FIELDS), FIELDS),
      errors: errorsByField(errors),
    });
  }

  app.get(
    '/children/:preBirthChildId/pre-birth/pregnancy',
    { config: { permission: 'pre-birth:record', audit: 'pre-birth.details-form.viewed' } },
    async (request, reply) => render(reply, preBirthChildIdOf(request.params), null, {}),
  );

  app.post(
    '/children/:preBirthChildId/pre-birth/pregnancy',
    { config: { permission: 'pre-birth:record', audit: 'pre-birth.details.recorded' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const childId = preBirthChildIdOf(request.params);
      const body = formBody(request.body);
      const values = { confirmed: datePartsFrom(body, 'pregnancyConfirmedOn'), proceedings: datePartsFrom(body, 'previousProceedingsEndedOn') };
      const confirmed = dateField(values.confirmed, 'The date the pregnancy was confirmed');
      const proceedings = dateField(values.proceedings, 'The date the earlier proceedings ended');
      const errors: Record<string, string> = {};
      if ('error' in confirmed) errors['pregnancyConfirmedOn'] = confirmed.error;
      if ('error' in proceedings) errors['previousProceedingsEndedOn'] = proceedings.error;
      if (Object.keys(errors).length > 0) return render(reply.code(400), childId, values, errors);
      try {
        await recordPregnancyDetails(deps, requestContext(request), childId, {
          pregnancyConfirmedOn: 'value' in confirmed ? confirmed.value : '',
          previousProceedingsEndedOn: 'value' in proceedings ? proceedings.value : '',
        });
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.code(400), childId, values, error.fieldErrors);
        throw error;
      }
      return reply.redirect(paths.preBirthPlan(childId, 'pregnancy'), 303);
    },
  );
}
