// Checks with the partner agencies in the MASH: ask several at once, then record each one's answer.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { recordAgencyAnswer, requestAgencyChecks } from '../../../app/front-door/agency-checks.ts';
import { checkAnswerInput, requestChecksInput } from '../../../app/front-door/screening-input.ts';
import { openScreeningForm } from '../../../app/front-door/screening-forms.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { NotFoundError, StaleVersionError, ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { fieldErrorsOf } from '../../../app/shared/safe-text.ts';
import { AGENCY_CHECK_OUTCOME_LABELS, AGENCY_CHECK_OUTCOMES, isPartnerAgency, PARTNER_AGENCIES, PARTNER_AGENCY_LABELS, type PartnerAgency } from '../../../domain/front-door/agency-checks.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { asArray, errorSummary, errorsByField, formBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { formStrings, uuidParam } from '../shared.ts';

function agencyOf(params: unknown): PartnerAgency {
  const agency = (params as Record<string, unknown>)['agency'];
  if (typeof agency !== 'string' || !isPartnerAgency(agency)) throw new NotFoundError('Agency');
  return agency;
}

export async function agencyCheckRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  const requestUrl = '/front-door/contacts/:contactId/checks';
  const answerUrl = '/front-door/contacts/:contactId/checks/:agency';

  async function renderRequest(reply: FastifyReply, contactId: string, selected: readonly string[], errors: FieldErrors) {
    const form = await openScreeningForm(deps, requestContext(reply.request), contactId, 'checks');
    const asked = new Set(form.checks.map((c) => c.agency));
    return reply.view('front-door/agency-checks/view.njk', {
      reference: form.contact.reference,
      childNames: form.childNames,
      contactHref: paths.contact(contactId),
      action: paths.contactChecks(contactId),
      withoutConsent: form.contact.checksWithoutConsent === true,
      items: PARTNER_AGENCIES.filter((a) => !asked.has(a)).map((a) => ({ value: a, text: PARTNER_AGENCY_LABELS[a], checked: selected.includes(a) })),
      asked: form.checks.map((c) => PARTNER_AGENCY_LABELS[c.agency]),
      errorList: errorSummary(errors, ['agencies']),
      errors: errorsByField(errors),
    });
  }

  app.get(requestUrl, { config: { permission: 'front-door:screen', audit: 'front-door.screening-form.viewed' } }, async (request, reply) =>
    renderRequest(reply, uuidParam(request.params, 'contactId'), [], {}),
  );

  app.post(requestUrl, { config: { permission: 'front-door:screen', audit: 'front-door.agency-checks.requested' }, preHandler: csrfGuard(app) }, async (request, reply) => {
    const contactId = uuidParam(request.params, 'contactId');
    const agencies = asArray(formBody(request.body)['agencies']);
    const parsed = requestChecksInput.safeParse({ agencies });
    if (!parsed.success) return renderRequest(reply.code(400), contactId, agencies, fieldErrorsOf(parsed.error));
    try {
      await requestAgencyChecks(deps, requestContext(request), contactId, parsed.data);
    } catch (error) {
      if (error instanceof ValidationError) return renderRequest(reply.code(400), contactId, agencies, error.fieldErrors);
      throw error;
    }
    return reply.redirect(`${paths.contact(contactId)}?saved=checks`, 303);
  });

  async function renderAnswer(reply: FastifyReply, contactId: string, agency: PartnerAgency, values: Record<string, string> | null, errors: FieldErrors) {
    const form = await openScreeningForm(deps, requestContext(reply.request), contactId, 'check-answer');
    const check = form.checks.find((c) => c.agency === agency);
    if (check === undefined) throw new NotFoundError('Agency check');
    const v = values ?? { outcome: check.status === 'requested' ? '' : check.status, details: check.details ?? '', version: String(check.version) };
    return reply.view('front-door/agency-checks/answer.njk', {
      reference: form.contact.reference,
      childNames: form.childNames,
      agency: PARTNER_AGENCY_LABELS[agency],
      contactHref: paths.contact(contactId),
      action: paths.contactCheckAnswer(contactId, agency),
      withoutConsent: check.withoutConsent,
      values: v,
      outcomeItems: AGENCY_CHECK_OUTCOMES.map((o) => ({ value: o, text: AGENCY_CHECK_OUTCOME_LABELS[o], checked: v['outcome'] === o })),
      errorList: errorSummary(errors, ['outcome', 'details']),
      errors: errorsByField(errors),
    });
  }

  app.get(answerUrl, { config: { permission: 'front-door:screen', audit: 'front-door.screening-form.viewed' } }, async (request, reply) =>
    renderAnswer(reply, uuidParam(request.params, 'contactId'), agencyOf(request.params), null, {}),
  );

  app.post(answerUrl, { config: { permission: 'front-door:screen', audit: 'front-door.agency-check.answered' }, preHandler: csrfGuard(app) }, async (request, reply) => {
    const contactId = uuidParam(request.params, 'contactId');
    const agency = agencyOf(request.params);
    const values = formStrings(request.body);
    const parsed = checkAnswerInput.safeParse({ outcome: values['outcome'], details: values['details'], version: Number(values['version']) });
    if (!parsed.success) return renderAnswer(reply.code(400), contactId, agency, values, fieldErrorsOf(parsed.error));
    try {
      await recordAgencyAnswer(deps, requestContext(request), contactId, agency, parsed.data);
    } catch (error) {
      if (error instanceof ValidationError) return renderAnswer(reply.code(400), contactId, agency, values, error.fieldErrors);
      if (error instanceof StaleVersionError) return renderAnswer(reply.code(409), contactId, agency, null, { outcome: 'Someone else recorded an answer: check it below and save again' });
      throw error;
    }
    return reply.redirect(`${paths.contact(contactId)}?saved=answer`, 303);
  });
}
