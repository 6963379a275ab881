// Short breaks for an eligible disabled child (Breaks for Carers of Disabled Children Regulations
// 2011): adding the provision, and recording a review of it (its due date is worked out in
// src/domain/disabilities/timescales.ts and shown on the disabilities page).
import type { FastifyInstance, FastifyReply } from 'fastify';
import { recordShortBreak, reviewShortBreak, SHORT_BREAK_REVIEW_MESSAGES } from '../../../app/disabilities/services.ts';
import { openDisabilitiesForm, type DisabilitiesForm } from '../../../app/disabilities/view-disabilities.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { REG_48_MAX_NIGHTS_A_YEAR, SHORT_BREAK_MESSAGES, SHORT_BREAK_REVIEW_OUTCOMES, SHORT_BREAK_TYPES } from '../../../domain/disabilities/services.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { errorSummary, errorsByField, formBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { childHeaderContext, childIdOf, linkDateErrors } from '../../records/shared.ts';
import { dateFrom, idAndVersionOf, uuidFieldOf, valuesOf } from '../shared.ts';

const NEW_FIELDS = ['eligibility', 'type', 'provider', 'amount', 'startsOn', 'endsOn'];
const REVIEW_FIELDS = ['shortBreak', 'reviewedOn', 'outcome', 'notes'];
export async function shortBreakRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function renderNew(reply: FastifyReply, childId: string, values: Record<string, string>, errors: FieldErrors, opened?: DisabilitiesForm) {
    const form = opened ?? (await openDisabilitiesForm(deps, requestContext(reply.request), childId, 'disabilities:record', null));
    return reply.view('disabilities/short-breaks/new.njk', {
      ...childHeaderContext(form.child, deps.clock.now(), 'disabilities'),
      eligible: form.eligible,
      decisionId: form.confirmed?.id ?? '',
      values,
      typeItems: Object.entries(SHORT_BREAK_TYPES).map(([value, text]) => ({ value, text, checked: values['type'] === value })),
      reg48Nights: REG_48_MAX_NIGHTS_A_YEAR,
      action: paths.disabilitiesNewShortBreak(childId),
      sectionHref: paths.disabilities(childId),
      errorList: linkDateErrors(errorSummary(errors, NEW_FIELDS), ['startsOn', 'endsOn']),
      errors: errorsByField(errors),
    });
  }

  async function renderReview(reply: FastifyReply, childId: string, values: Record<string, string>, errors: FieldErrors, opened?: DisabilitiesForm) {
    const form = opened ?? (await openDisabilitiesForm(deps, requestContext(reply.request), childId, 'disabilities:record', null));
    const active = form.shortBreaks.filter((sb) => sb.status === 'active');
    return reply.view('disabilities/short-breaks/review.njk', {
      ...childHeaderContext(form.child, deps.clock.now(), 'disabilities'),
      values,
      shortBreakItems: active.map((sb) => {
        const value = `${sb.id}:${String(sb.version)}`;
        return {
          value,
          text: `${SHORT_BREAK_TYPES[sb.breakType]}: ${sb.provider}`,
          hint: { text: `${String(sb.amount)} ${sb.unit} a year${sb.due === null ? '' : `; review due ${sb.due.dueOn}`}` },
          checked: values['shortBreak'] === value || active.length === 1,
        };
      }),
      outcomeItems: Object.entries(SHORT_BREAK_REVIEW_OUTCOMES).map(([value, text]) => ({ value, text, checked: values['outcome'] === value })),
      action: paths.disabilitiesShortBreakReview(childId),
      sectionHref: paths.disabilities(childId),
      errorList: linkDateErrors(errorSummary(errors, REVIEW_FIELDS), ['reviewedOn']),
      errors: errorsByField(errors),
    });
  }

  app.get(
    '/children/:childId/disabilities/short-breaks/new',
    { config: { permission: 'disabilities:record', audit: 'disabilities.short-break-form.viewed' } },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const form = await openDisabilitiesForm(deps, requestContext(request), childId, 'disabilities:record', 'disabilities.short-break-form.viewed');
      return renderNew(reply, childId, {}, {}, form);
    },
  );

  app.post(
    '/children/:childId/disabilities/short-breaks/new',
    { config: { permission: 'disabilities:record', audit: 'disabilities.short-break.recorded' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const body = formBody(request.body);
      const values = valuesOf(body, ['type', 'provider', 'amount'], ['startsOn', 'endsOn']);
      const starts = dateFrom(values, 'startsOn', 'The start date', SHORT_BREAK_MESSAGES.startsOn, false);
      const ends = dateFrom(values, 'endsOn', 'The end date', SHORT_BREAK_MESSAGES.endsOnReal, true);
      const dateErrors = { ...('error' in starts ? { startsOn: starts.error } : {}), ...('error' in ends ? { endsOn: ends.error } : {}) };
      try {
        const eligibilityDecisionId = uuidFieldOf(body, 'eligibilityDecisionId');
        await recordShortBreak(deps, requestContext(request), childId, {
          eligibilityDecisionId,
          type: values['type'] ?? '',
          provider: values['provider'] ?? '',
          amount: values['amount'] ?? '',
          startsOn: 'iso' in starts ? starts.iso : '',
          // An end date that is not a real date is refused by the domain check, never dropped.
          endsOn: 'iso' in ends ? ends.iso : 'not-a-date',
        });
        return await reply.redirect(`${paths.disabilities(childId)}?done=short-break`, 303);
      } catch (error) {
        if (error instanceof ValidationError) return renderNew(reply.code(400), childId, values, { ...error.fieldErrors, ...dateErrors });
        throw error;
      }
    },
  );

  app.get(
    '/children/:childId/disabilities/short-breaks/review',
    { config: { permission: 'disabilities:record', audit: 'disabilities.short-break-review-form.viewed' } },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const form = await openDisabilitiesForm(deps, requestContext(request), childId, 'disabilities:record', 'disabilities.short-break-review-form.viewed');
      return renderReview(reply, childId, {}, {}, form);
    },
  );

  app.post(
    '/children/:childId/disabilities/short-breaks/review',
    { config: { permission: 'disabilities:record', audit: 'disabilities.short-break.reviewed' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const body = formBody(request.body);
      const values = valuesOf(body, ['shortBreak', 'outcome', 'notes'], ['reviewedOn']);
      const reviewed = dateFrom(values, 'reviewedOn', 'The date of the review', SHORT_BREAK_REVIEW_MESSAGES.reviewedOn, false);
      try {
        const { id, version } = idAndVersionOf(body, 'shortBreak', SHORT_BREAK_REVIEW_MESSAGES.shortBreak);
        await reviewShortBreak(deps, requestContext(request), childId, id, version, {
          reviewedOn: 'iso' in reviewed ? reviewed.iso : '',
          outcome: values['outcome'] ?? '',
          notes: values['notes'] ?? '',
        });
        return await reply.redirect(`${paths.disabilities(childId)}?done=short-break-reviewed`, 303);
      } catch (error) {
        if (error instanceof ValidationError) {
          const errors = 'error' in reviewed ? { ...error.fieldErrors, reviewedOn: reviewed.error } : error.fieldErrors;
          return renderReview(reply.code(400), childId, values, errors);
        }
        throw error;
      }
    },
  );
}
