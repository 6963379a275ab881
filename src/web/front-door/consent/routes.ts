// Consent to multi-agency checks (seed 004 §5): given, refused or not sought; if checks go ahead
// without it, the ground and why that is proportionate.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { recordConsent } from '../../../app/front-door/record-consent.ts';
import { consentInput } from '../../../app/front-door/screening-input.ts';
import { openScreeningForm } from '../../../app/front-door/screening-forms.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { StaleVersionError, ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { fieldErrorsOf } from '../../../app/shared/safe-text.ts';
import { CONSENT_TO_CHECKS, CONSENT_TO_CHECKS_LABELS, OVERRIDE_REASON_LABELS, OVERRIDE_REASONS } from '../../../domain/front-door/consent.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { errorSummary, errorsByField } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { formStrings, uuidParam } from '../shared.ts';

const FIELDS = ['consent', 'proceedWithoutConsent', 'overrideReason', 'rationale'];
const yesNo = (v: string | undefined): boolean | null => (v === 'yes' ? true : v === 'no' ? false : null);

export async function consentRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  const url = '/front-door/contacts/:contactId/consent';

  async function render(reply: FastifyReply, contactId: string, values: Record<string, string> | null, errors: FieldErrors) {
    const form = await openScreeningForm(deps, requestContext(reply.request), contactId, 'consent');
    const c = form.contact;
    const v = values ?? {
      consent: c.consentToChecks ?? '',
      proceedWithoutConsent: c.checksWithoutConsent === null || c.consentToChecks === 'given' ? '' : c.checksWithoutConsent ? 'yes' : 'no',
      overrideReason: c.consentOverrideReason ?? '',
      rationale: c.consentRationale ?? '',
      version: String(c.version),
    };
    return reply.view('front-door/consent/view.njk', {
      reference: c.reference,
      contactHref: paths.contact(contactId),
      action: paths.contactConsent(contactId),
      childNames: form.childNames,
      values: v,
      consentItems: CONSENT_TO_CHECKS.map((value) => ({ value, text: CONSENT_TO_CHECKS_LABELS[value], checked: v['consent'] === value })),
      reasonItems: OVERRIDE_REASONS.map((value) => ({ value, text: OVERRIDE_REASON_LABELS[value], checked: v['overrideReason'] === value })),
      errorList: errorSummary(errors, FIELDS),
      errors: errorsByField(errors),
    });
  }

  app.get(url, { config: { permission: 'front-door:screen', audit: 'front-door.screening-form.viewed' } }, async (request, reply) =>
    render(reply, uuidParam(request.params, 'contactId'), null, {}),
  );

  app.post(url, { config: { permission: 'front-door:screen', audit: 'front-door.consent.recorded' }, preHandler: csrfGuard(app) }, async (request, reply) => {
    const contactId = uuidParam(request.params, 'contactId');
    const values = formStrings(request.body);
    const parsed = consentInput.safeParse({
      consent: values['consent'],
      proceedWithoutConsent: yesNo(values['proceedWithoutConsent']),
      overrideReason: values['overrideReason'] === undefined || values['overrideReason'] === '' ? null : values['overrideReason'],
      rationale: values['rationale'],
      version: Number(values['version']),
    });
    if (!parsed.success) return render(reply.code(400), contactId, values, fieldErrorsOf(parsed.error));
    try {
      await recordConsent(deps, requestContext(request), contactId, parsed.data);
    } catch (error) {
      if (error instanceof ValidationError) return render(reply.code(400), contactId, values, error.fieldErrors);
      if (error instanceof StaleVersionError) return render(reply.code(409), contactId, null, { consent: 'Someone else changed this contact: check the answer below and save again' });
      throw error;
    }
    return reply.redirect(`${paths.contact(contactId)}?saved=consent`, 303);
  });
}
