// A MASH practitioner records a contact taken by phone, email, letter or in person: the same details
// as the referral form, plus how and when it was received.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { CONTACT_FIELD_ORDER, parseRecordedContact } from '../../../app/front-door/contact-input.ts';
import { londonNow } from '../../../app/front-door/london-time.ts';
import { recordContact } from '../../../app/front-door/record-contact.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { CONTACT_CHANNEL_LABELS, RECORDED_CHANNELS } from '../../../domain/front-door/contact.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { errorSummary } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { submissionOf } from '../../shared/submission.ts';
import { contactFieldsContext } from '../referral-form/routes.ts';
import { formStrings } from '../shared.ts';

const FIELDS = ['channel', 'received', 'receivedTime', ...CONTACT_FIELD_ORDER];

export async function newContactRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  const render = (reply: FastifyReply, values: Record<string, string>, errors: FieldErrors) =>
    reply.view('front-door/new-contact/view.njk', {
      ...contactFieldsContext(values, errors, 'practitioner'),
      errorList: errorSummary(errors, FIELDS),
      channelItems: RECORDED_CHANNELS.map((c) => ({ value: c, text: CONTACT_CHANNEL_LABELS[c], checked: values['channel'] === c })),
    });

  app.get('/front-door/contacts/new', { config: { permission: 'front-door:record-contact', audit: 'none' } }, async (_request, reply) => {
    const now = londonNow(deps.clock.now());
    const [year = '', month = '', day = ''] = now.date.split('-');
    return render(reply, { receivedDay: String(Number(day)), receivedMonth: String(Number(month)), receivedYear: year, receivedTime: now.time }, {});
  });

  app.post(
    '/front-door/contacts/new',
    { config: { permission: 'front-door:record-contact', audit: 'front-door.contact.recorded' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const values = formStrings(request.body);
      const now = londonNow(deps.clock.now());
      const { details, errors } = parseRecordedContact(values, now.date, now.time);
      if (details === null) return render(reply.code(400), values, errors);
      let recorded;
      try {
        recorded = await recordContact(deps, requestContext(request), details, submissionOf(request, details));
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.code(400), values, error.fieldErrors);
        throw error;
      }
      return reply.redirect(`${paths.contact(recorded.id)}?recorded=1`, 303);
    },
  );
}
