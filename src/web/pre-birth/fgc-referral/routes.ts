// The family group conference referral prompted after the pre-birth assessment (seed 004 §14, PB-04):
// referred on a date, or declined by the family with the reason.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { openPreBirthForm } from '../../../app/pre-birth/pre-birth-plan.ts';
import { recordFgcReferral } from '../../../app/pre-birth/record-pre-birth.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { FGC_REFERRAL_SOURCE } from '../../../domain/pre-birth/timeline.ts';
import { childHeaderContext, linkDateErrors } from '../../records/shared.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { asString, errorSummary, errorsByField, formBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { dateField, dateItems, datePartsFrom, datePartsOf, preBirthChildIdOf, type DateParts } from '../shared.ts';

const FIELDS = ['outcome', 'decidedOn', 'reason'];

interface Values {
  readonly outcome: string;
  readonly decidedOn: DateParts;
  readonly reason: string;
}

export async function fgcReferralRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function render(reply: FastifyReply, childId: string, values: Values | null, errors: FieldErrors) {
    const form = await openPreBirthForm(deps, requestContext(reply.request), childId, 'pre-birth.fgc-form.viewed', { audit: Object.keys(errors).length === 0 });
    const plan = form.facts.plan;
    const shown = values ?? { outcome: plan?.fgcOutcome ?? '', decidedOn: datePartsOf(plan?.fgcDecidedOn ?? null), reason: plan?.fgcDeclinedReason ?? '' };
    return reply.view('pre-birth/fgc-referral/view.njk', {
      ...childHeaderContext(form.child, deps.clock.now(), 'pre-birth'),
      values: shown,
      decidedOnItems: dateItems(shown.decidedOn, errors['decidedOn'] !== undefined),
      source: FGC_REFERRAL_SOURCE,
      action: paths.preBirthFgcReferral(childId),
      cancelHref: paths.preBirthPlan(childId),
      errorList: linkDateErrors(errorSummary(errors, FIELDS), ['decidedOn']),
      errors: errorsByField(errors),
    });
  }

  app.get(
    '/children/:preBirthChildId/pre-birth/fgc-referral',
    { config: { permission: 'pre-birth:record', audit: 'pre-birth.fgc-form.viewed' } },
    async (request, reply) => render(reply, preBirthChildIdOf(request.params), null, {}),
  );

  app.post(
    '/children/:preBirthChildId/pre-birth/fgc-referral',
    { config: { permission: 'pre-birth:record', audit: 'pre-birth.fgc.recorded' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const childId = preBirthChildIdOf(request.params);
      const body = formBody(request.body);
      const values: Values = { outcome: asString(body['outcome']) ?? '', decidedOn: datePartsFrom(body, 'decidedOn'), reason: asString(body['reason']) ?? '' };
      const decidedOn = dateField(values.decidedOn, 'The date');
      if ('error' in decidedOn) return render(reply.code(400), childId, values, { decidedOn: decidedOn.error });
      try {
        await recordFgcReferral(deps, requestContext(request), childId, {
          outcome: values.outcome === '' ? undefined : values.outcome,
          decidedOn: decidedOn.value,
          reason: values.outcome === 'declined' ? values.reason : undefined,
        });
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.code(400), childId, values, error.fieldErrors);
        throw error;
      }
      return reply.redirect(paths.preBirthPlan(childId, 'fgc'), 303);
    },
  );
}
