// The team manager confirms the recorded eligibility decision (it comes into force) or returns it
// to the worker with reasons (seed 004 §13: the criteria are applied before any paid service).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { CONFIRM_MESSAGES, reviewEligibilityDecision } from '../../../app/disabilities/eligibility.ts';
import { openDisabilitiesForm, type DisabilitiesForm } from '../../../app/disabilities/view-disabilities.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { eligibilityText, EVIDENCE_SOURCES, MANAGER_DECISIONS, OUTCOME_TEXT } from '../../../domain/disabilities/eligibility.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { asString, errorSummary, errorsByField, formBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { childHeaderContext, childIdOf } from '../../records/shared.ts';
import { textOf } from '../shared.ts';

interface Values {
  readonly decision: string;
  readonly comment: string;
}

export async function confirmRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function render(reply: FastifyReply, childId: string, values: Values, errors: FieldErrors, opened?: DisabilitiesForm) {
    const form = opened ?? (await openDisabilitiesForm(deps, requestContext(reply.request), childId, 'disabilities:confirm', null));
    const d = form.recorded;
    return reply.view('disabilities/confirm/view.njk', {
      ...childHeaderContext(form.child, deps.clock.now(), 'disabilities'),
      decision:
        d === null
          ? null
          : {
              ...d,
              outcomeText: OUTCOME_TEXT[d.outcome],
              answers: d.answers.map((a) => ({
                text: eligibilityText(a.code),
                met: a.met,
                evidence: a.evidence,
                sourceText: a.evidenceSource === null ? null : EVIDENCE_SOURCES[a.evidenceSource],
                evidenceDate: a.evidenceDate,
              })),
            },
      values,
      decisionItems: Object.entries(MANAGER_DECISIONS).map(([value, text]) => ({ value, text, checked: values.decision === value })),
      action: paths.disabilitiesConfirm(childId),
      sectionHref: paths.disabilities(childId),
      errorList: errorSummary(errors, ['decision', 'comment']),
      errors: errorsByField(errors),
    });
  }

  app.get(
    '/children/:childId/disabilities/eligibility/confirm',
    { config: { permission: 'disabilities:confirm', audit: 'disabilities.confirm-form.viewed' } },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const form = await openDisabilitiesForm(deps, requestContext(request), childId, 'disabilities:confirm', 'disabilities.confirm-form.viewed');
      return render(reply, childId, { decision: '', comment: '' }, {}, form);
    },
  );

  app.post(
    '/children/:childId/disabilities/eligibility/confirm',
    { config: { permission: 'disabilities:confirm', audit: 'disabilities.eligibility.confirmed' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const body = formBody(request.body);
      const values = { decision: textOf(body, 'decision'), comment: textOf(body, 'comment') };
      try {
        const decisionId = asString(body['decisionId']) ?? '';
        const version = asString(body['version']) ?? '';
        if (!/^[0-9a-f-]{36}$/.test(decisionId) || !/^\d{1,9}$/.test(version)) throw new ValidationError({ decision: CONFIRM_MESSAGES.notAwaiting });
        const result = await reviewEligibilityDecision(deps, requestContext(request), childId, decisionId, Number(version), values);
        return await reply.redirect(`${paths.disabilities(childId)}?done=${result.status}`, 303);
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.code(400), childId, values, error.fieldErrors);
        throw error;
      }
    },
  );
}
