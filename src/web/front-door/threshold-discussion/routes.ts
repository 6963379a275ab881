// A multi-agency threshold discussion where the outcome is unclear after screening (seed 004 §5).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { dateFromParts } from '../../../app/front-door/contact-input.ts';
import { londonNow } from '../../../app/front-door/london-time.ts';
import { recordThresholdDiscussion } from '../../../app/front-door/record-threshold-discussion.ts';
import { SCREENING_MESSAGES, thresholdDiscussionInput } from '../../../app/front-door/screening-input.ts';
import { openScreeningForm } from '../../../app/front-door/screening-forms.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { fieldErrorsOf } from '../../../app/shared/safe-text.ts';
import { PARTNER_AGENCIES, PARTNER_AGENCY_LABELS } from '../../../domain/front-door/agency-checks.ts';
import { LEVELS_OF_NEED } from '../../../domain/front-door/levels-of-need.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { asArray, errorSummary, errorsByField, formBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { formStrings, uuidParam } from '../shared.ts';

const FIELDS = ['heldOn', 'agencies', 'summary', 'agreedLevel'];

export async function thresholdDiscussionRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  const url = '/front-door/contacts/:contactId/threshold-discussion';

  async function render(reply: FastifyReply, contactId: string, values: Record<string, string>, agencies: readonly string[], errors: FieldErrors) {
    const form = await openScreeningForm(deps, requestContext(reply.request), contactId, 'threshold-discussion');
    return reply.view('front-door/threshold-discussion/view.njk', {
      reference: form.contact.reference,
      childNames: form.childNames,
      contactHref: paths.contact(contactId),
      action: paths.contactThresholdDiscussion(contactId),
      values,
      agencyItems: PARTNER_AGENCIES.map((a) => ({ value: a, text: PARTNER_AGENCY_LABELS[a], checked: agencies.includes(a) })),
      levelItems: [
        { value: '', text: 'No level agreed', checked: (values['agreedLevel'] ?? '') === '' },
        ...LEVELS_OF_NEED.map((l) => ({ value: String(l.level), text: l.label, checked: values['agreedLevel'] === String(l.level) })),
      ],
      errorList: errorSummary(errors, FIELDS),
      errors: errorsByField(errors),
    });
  }

  app.get(url, { config: { permission: 'front-door:screen', audit: 'front-door.screening-form.viewed' } }, async (request, reply) => {
    const today = londonNow(deps.clock.now()).date.split('-');
    return render(reply, uuidParam(request.params, 'contactId'), { heldOnDay: String(Number(today[2])), heldOnMonth: String(Number(today[1])), heldOnYear: today[0] ?? '' }, [], {});
  });

  app.post(url, { config: { permission: 'front-door:screen', audit: 'front-door.threshold-discussion.recorded' }, preHandler: csrfGuard(app) }, async (request, reply) => {
    const contactId = uuidParam(request.params, 'contactId');
    const values = formStrings(request.body);
    const agencies = asArray(formBody(request.body)['agencies']);
    const heldOn = dateFromParts(values['heldOnDay'], values['heldOnMonth'], values['heldOnYear']);
    const parsed = thresholdDiscussionInput.safeParse({
      heldOn: heldOn ?? '',
      agencies,
      summary: values['summary'],
      agreedLevel: values['agreedLevel'] === undefined || values['agreedLevel'] === '' ? null : Number(values['agreedLevel']),
    });
    if (!parsed.success) {
      const errors = fieldErrorsOf(parsed.error);
      if (errors['heldOn'] !== undefined) errors['heldOn'] = SCREENING_MESSAGES.heldOn;
      return render(reply.code(400), contactId, values, agencies, errors);
    }
    try {
      await recordThresholdDiscussion(deps, requestContext(request), contactId, parsed.data);
    } catch (error) {
      if (error instanceof ValidationError) return render(reply.code(400), contactId, values, agencies, error.fieldErrors);
      throw error;
    }
    return reply.redirect(`${paths.contact(contactId)}?saved=discussion`, 303);
  });
}
