// The eligibility decision (seed 004 §13): every criterion and exclusion answered met or not met
// with its evidence. "Save and come back later" keeps a draft in the database; "Record the
// decision" has the outcome worked out from the answers and sends it to the team manager.
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  discardEligibilityDraft,
  ELIGIBILITY_FORM_FIELDS,
  recordEligibilityDecision,
  RECORD_MESSAGES,
  saveEligibilityDraft,
  type RawAnswer,
} from '../../../app/disabilities/eligibility.ts';
import { openDisabilitiesForm, type DisabilitiesForm } from '../../../app/disabilities/view-disabilities.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import {
  answerField,
  CRITERIA,
  CRITERION_CODES,
  ELIGIBILITY_CODES,
  EVIDENCE_SOURCES,
  EXCLUSION_CODES,
  EXCLUSIONS,
} from '../../../domain/disabilities/eligibility.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { asString, errorSummary, errorsByField, formBody, type FormBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { childHeaderContext, childIdOf, isoFromDateParts, linkDateErrors } from '../../records/shared.ts';

const FIELD_ORDER = [
  ...ELIGIBILITY_CODES.flatMap((c) => [c, `${c}-evidence`, `${c}-evidenceSource`, `${c}-evidenceDate`]),
  'summary',
  'decidedOn',
  'adviceGiven',
];
const DATE_FIELDS = [...ELIGIBILITY_CODES.map((c) => answerField(c, 'evidenceDate')), 'decidedOn'];

function valuesOf(body: FormBody): Record<string, string> {
  const values: Record<string, string> = {};
  for (const key of ELIGIBILITY_FORM_FIELDS) {
    const v = asString(body[key]);
    if (v !== undefined) values[key] = v;
  }
  return values;
}

function dateOf(values: Record<string, string>, field: string, label: string, required: string): { iso: string } | { error: string } | null {
  const parts = { day: values[`${field}-day`] ?? '', month: values[`${field}-month`] ?? '', year: values[`${field}-year`] ?? '' };
  if (parts.day.trim() === '' && parts.month.trim() === '' && parts.year.trim() === '') return null;
  return isoFromDateParts(parts, label, required);
}

export async function eligibilityRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function render(reply: FastifyReply, childId: string, values: Record<string, string>, errors: FieldErrors, opened?: DisabilitiesForm, saved = false) {
    const form = opened ?? (await openDisabilitiesForm(deps, requestContext(reply.request), childId, 'disabilities:record', null));
    const question = (code: (typeof ELIGIBILITY_CODES)[number], text: string) => ({
      code,
      text,
      metItems: [
        { value: 'met', text: 'Met', checked: values[code] === 'met' },
        { value: 'not_met', text: 'Not met', checked: values[code] === 'not_met' },
      ],
      sourceItems: [
        { value: '', text: 'Choose where the evidence comes from' },
        ...Object.entries(EVIDENCE_SOURCES).map(([value, label]) => ({ value, text: label, selected: values[`${code}-evidenceSource`] === value })),
      ],
    });
    return reply.view('disabilities/eligibility/view.njk', {
      ...childHeaderContext(form.child, deps.clock.now(), 'disabilities'),
      criteria: CRITERION_CODES.map((c) => question(c, CRITERIA[c])),
      exclusions: EXCLUSION_CODES.map((c) => question(c, EXCLUSIONS[c])),
      values,
      awaiting: form.recorded !== null,
      latestNumber: form.latestNumber,
      hasDraft: form.draft !== null,
      saved,
      action: paths.disabilitiesEligibility(childId),
      sectionHref: paths.disabilities(childId),
      errorList: linkDateErrors(errorSummary(errors, FIELD_ORDER), DATE_FIELDS),
      errors: errorsByField(errors),
    });
  }

  app.get(
    '/children/:childId/disabilities/eligibility',
    { config: { permission: 'disabilities:record', audit: 'disabilities.eligibility-form.viewed' } },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const form = await openDisabilitiesForm(deps, requestContext(request), childId, 'disabilities:record', 'disabilities.eligibility-form.viewed', {
        withDraft: true,
      });
      const saved = formBody(request.query)['saved'] === '1';
      return render(reply, childId, { ...(form.draft ?? {}) }, {}, form, saved);
    },
  );

  app.post(
    '/children/:childId/disabilities/eligibility',
    { config: { permission: 'disabilities:record', audit: 'disabilities.eligibility.recorded' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const body = formBody(request.body);
      const values = valuesOf(body);
      const action = asString(body['action']) ?? 'record';
      const ctx = requestContext(request);
      try {
        if (action === 'discard') {
          await discardEligibilityDraft(deps, ctx, childId);
          return await reply.redirect(`${paths.disabilities(childId)}?done=discarded`, 303);
        }
        if (action === 'save') {
          await saveEligibilityDraft(deps, ctx, childId, values);
          return await reply.redirect(`${paths.disabilitiesEligibility(childId)}?saved=1`, 303);
        }
        const dateErrors: Record<string, string> = {};
        const answers: Record<string, RawAnswer> = {};
        for (const code of ELIGIBILITY_CODES) {
          const field = answerField(code, 'evidenceDate');
          const date = dateOf(values, field, 'The date of the evidence', 'Enter the date of the evidence');
          if (date !== null && 'error' in date) dateErrors[field] = date.error;
          answers[code] = {
            met: values[code] ?? '',
            evidence: values[answerField(code, 'evidence')] ?? '',
            evidenceSource: values[answerField(code, 'evidenceSource')] ?? '',
            evidenceDate: date !== null && 'iso' in date ? date.iso : '',
          };
        }
        const decided = dateOf(values, 'decidedOn', 'The date of the decision', RECORD_MESSAGES.decidedOn);
        if (decided !== null && 'error' in decided) dateErrors['decidedOn'] = decided.error;
        const latest = asString(body['latestNumber']) ?? '';
        if (!/^\d{1,4}$/.test(latest)) throw new ValidationError({ decision: 'The form was incomplete. Go back, reload the page and try again.' });
        try {
          await recordEligibilityDecision(deps, ctx, childId, {
            answers,
            summary: values['summary'] ?? '',
            adviceGiven: values['adviceGiven'] ?? '',
            decidedOn: decided !== null && 'iso' in decided ? decided.iso : '',
            latestNumber: Number(latest),
          });
        } catch (error) {
          if (error instanceof ValidationError && Object.keys(dateErrors).length > 0) throw new ValidationError({ ...error.fieldErrors, ...dateErrors });
          throw error;
        }
        return await reply.redirect(`${paths.disabilities(childId)}?done=recorded`, 303);
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.code(400), childId, values, error.fieldErrors);
        throw error;
      }
    },
  );
}
