// The public multi-agency referral form (MARF): no sign-in. Protected like every form (CSRF with the
// anonymous csrf cookie, the 256 kB body limit, field length limits, escaped output) and more: a rate
// limit per address, and idempotency (a double post makes one contact and shows the same reference).
// After sending, a signed cookie names the contact for an hour so its referrer, and only they, can see
// the reference again and attach the Early Help Assessment.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CHILD_SLOTS, ADULT_SLOTS, CONTACT_FIELD_ORDER, parseContactDetails } from '../../../app/front-door/contact-input.ts';
import { attachEarlyHelpAssessment, EHA_MESSAGES, sentReferralSummary } from '../../../app/front-door/early-help-assessment.ts';
import { londonNow } from '../../../app/front-door/london-time.ts';
import { submitReferralForm } from '../../../app/front-door/submit-referral-form.ts';
import { DOCUMENT_MESSAGES } from '../../../app/records/document-input.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { ADULT_RELATIONSHIP_LABELS, ADULT_RELATIONSHIPS } from '../../../domain/front-door/contact.ts';
import { ALLOWED_DOCUMENT_TYPES_TEXT, DOCUMENT_KIND_INFO, DOCUMENT_KINDS } from '../../../domain/records/document-kind.ts';
import { PROFESSIONAL_REFERRAL_SOURCES, REFERRAL_SOURCE_CODES, REFERRAL_SOURCES, type ReferralSource } from '../../../domain/shared/codes/dfe/referral-source.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { errorSummary, errorsByField } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { submissionOf } from '../../shared/submission.ts';
import { multipartCsrfGuard, readUpload, UPLOAD_LIMITS } from '../../records/upload-document/multipart.ts';
import { formStrings } from '../shared.ts';

/** Per client address: enough for a busy safeguarding lead, too few for a script. */
export const REFERRAL_FORM_RATE_LIMIT = { max: 20, timeWindow: '10 minutes' } as const;
const SENT_COOKIE_MAX_AGE_S = 60 * 60;

const ACCEPT = [...new Set(DOCUMENT_KINDS.flatMap((k) => DOCUMENT_KIND_INFO[k].extensions.map((e) => `.${e}`)))].join(',');

export function sourceItems(codes: readonly ReferralSource[], selected: string | undefined) {
  return [
    { value: '', text: 'Select one', selected: selected === undefined || selected === '' },
    ...codes.map((code) => ({ value: code, text: `${REFERRAL_SOURCES[code]} (${code})`, selected: selected === code })),
  ];
}

export function relationshipItems(selected: string | undefined) {
  return [{ value: '', text: 'Select one', selected: selected === undefined || selected === '' }, ...ADULT_RELATIONSHIPS.map((r) => ({ value: r, text: ADULT_RELATIONSHIP_LABELS[r], selected: selected === r }))];
}

export function contactFieldsContext(values: Record<string, string>, errors: FieldErrors, who: 'public' | 'practitioner') {
  return {
    values,
    errors: errorsByField(errors),
    errorList: errorSummary(errors, CONTACT_FIELD_ORDER),
    who,
    sourceItems: sourceItems(who === 'public' ? PROFESSIONAL_REFERRAL_SOURCES : REFERRAL_SOURCE_CODES, values['referralSource']),
    relationshipItems,
    childSlots: CHILD_SLOTS,
    adultSlots: ADULT_SLOTS,
  };
}

export async function referralFormRoutes(app: FastifyInstance, options: { deps: AppDeps; cookieSecure: boolean }): Promise<void> {
  const { deps } = options;
  const cookieName = options.cookieSecure ? '__Host-hearth-referral-sent' : 'hearth-referral-sent';
  // Scoped to this plugin: only the attachment route accepts multipart bodies.
  await app.register(multipart, { limits: UPLOAD_LIMITS, throwFileSizeLimit: true });

  const render = (reply: FastifyReply, values: Record<string, string>, errors: FieldErrors) =>
    reply.view('front-door/referral-form/view.njk', contactFieldsContext(values, errors, 'public'));

  function sentContactId(request: FastifyRequest): string | null {
    const raw = request.cookies[cookieName];
    if (raw === undefined) return null;
    const unsigned = request.unsignCookie(raw);
    return unsigned.valid && /^[0-9a-f-]{36}$/.test(unsigned.value) ? unsigned.value : null;
  }

  async function renderSent(reply: FastifyReply, contactId: string, errors: FieldErrors, attached = false) {
    const summary = await sentReferralSummary(deps, contactId);
    if (summary === null) return reply.redirect(paths.referralForm(), 303);
    return reply.view('front-door/referral-form/sent.njk', {
      summary,
      attached,
      accept: ACCEPT,
      allowedTypes: ALLOWED_DOCUMENT_TYPES_TEXT,
      errorList: errorSummary(errors, ['file']),
      errors: errorsByField(errors),
    });
  }

  app.get('/refer-a-child', { config: { permission: 'public', audit: 'none' } }, async (_request, reply) => render(reply, {}, {}));

  app.post(
    '/refer-a-child',
    { config: { permission: 'public', audit: 'front-door.contact.received', rateLimit: REFERRAL_FORM_RATE_LIMIT }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const values = formStrings(request.body);
      const { details, errors } = parseContactDetails(values, 'public', londonNow(deps.clock.now()).date);
      if (details === null) return render(reply.code(400), values, errors);
      let sent;
      try {
        sent = await submitReferralForm(deps, requestContext(request), details, submissionOf(request, details, paths.referralFormSent()));
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.code(400), values, error.fieldErrors);
        throw error;
      }
      reply.setCookie(cookieName, sent.id, { path: '/', httpOnly: true, secure: options.cookieSecure, sameSite: 'strict', signed: true, maxAge: SENT_COOKIE_MAX_AGE_S });
      return reply.redirect(paths.referralFormSent(), 303);
    },
  );

  app.get('/refer-a-child/sent', { config: { permission: 'public', audit: 'none' } }, async (request, reply) => {
    const contactId = sentContactId(request);
    if (contactId === null) return reply.redirect(paths.referralForm(), 303);
    return renderSent(reply, contactId, {}, (request.query as Record<string, unknown>)['attached'] === '1');
  });

  app.post(
    '/refer-a-child/sent/early-help-assessment',
    { config: { permission: 'public', audit: 'front-door.early-help-assessment.attached', rateLimit: REFERRAL_FORM_RATE_LIMIT }, preHandler: multipartCsrfGuard(app) },
    async (request, reply) => {
      const contactId = sentContactId(request);
      if (contactId === null) return reply.redirect(paths.referralForm(), 303);
      const upload = await readUpload(request);
      if (upload.problem !== null) {
        const message = upload.problem === 'too-large' ? DOCUMENT_MESSAGES.tooLarge : upload.problem === 'too-many-files' ? DOCUMENT_MESSAGES.oneFile : EHA_MESSAGES.fileRequired;
        return renderSent(reply.code(upload.problem === 'too-large' ? 413 : 400), contactId, { file: message });
      }
      if (upload.file === null) return renderSent(reply.code(400), contactId, { file: EHA_MESSAGES.fileRequired });
      try {
        await attachEarlyHelpAssessment(deps, requestContext(request), contactId, upload.file);
      } catch (error) {
        if (error instanceof ValidationError) return renderSent(reply.code(400), contactId, error.fieldErrors);
        throw error;
      }
      return reply.redirect(`${paths.referralFormSent()}?attached=1`, 303);
    },
  );
}
