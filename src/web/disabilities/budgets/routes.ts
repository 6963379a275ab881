// Personal budget requests to the resource allocation panel (seed 004 §13: once the child is
// eligible, a personal budget is assessed and presented to the panel, which decides financial care
// packages), and the panel's decision, recorded by a team manager.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { BUDGET_MESSAGES, PANEL_APP_MESSAGES, recordPanelDecision, requestPersonalBudget } from '../../../app/disabilities/services.ts';
import { openDisabilitiesForm, type DisabilitiesForm } from '../../../app/disabilities/view-disabilities.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { formatPounds, PANEL_DECISIONS, PANEL_MESSAGES } from '../../../domain/disabilities/services.ts';
import { formatLongDate } from '../../../domain/shared/time/local-date.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { errorSummary, errorsByField, formBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { childHeaderContext, childIdOf, linkDateErrors } from '../../records/shared.ts';
import { dateFrom, idAndVersionOf, uuidFieldOf, valuesOf } from '../shared.ts';

export async function budgetRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function renderNew(reply: FastifyReply, childId: string, values: Record<string, string>, errors: FieldErrors, opened?: DisabilitiesForm) {
    const form = opened ?? (await openDisabilitiesForm(deps, requestContext(reply.request), childId, 'disabilities:record', null));
    return reply.view('disabilities/budgets/new.njk', {
      ...childHeaderContext(form.child, deps.clock.now(), 'disabilities'),
      eligible: form.eligible,
      decisionId: form.confirmed?.id ?? '',
      values,
      action: paths.disabilitiesNewBudgetRequest(childId),
      sectionHref: paths.disabilities(childId),
      errorList: linkDateErrors(errorSummary(errors, ['eligibility', 'amount', 'purpose', 'panelDate']), ['panelDate']),
      errors: errorsByField(errors),
    });
  }

  async function renderDecision(reply: FastifyReply, childId: string, values: Record<string, string>, errors: FieldErrors, opened?: DisabilitiesForm) {
    const form = opened ?? (await openDisabilitiesForm(deps, requestContext(reply.request), childId, 'disabilities:record-panel-decision', null));
    const awaiting = form.requests.filter((r) => r.due !== null);
    return reply.view('disabilities/budgets/decision.njk', {
      ...childHeaderContext(form.child, deps.clock.now(), 'disabilities'),
      values,
      requestItems: awaiting.map((r) => {
        const value = `${r.id}:${String(r.version)}`;
        return {
          value,
          text: `${formatPounds(r.amountPence)} for panel on ${formatLongDate(r.panelDate)}`,
          hint: { text: r.purpose.length > 200 ? `${r.purpose.slice(0, 200)}…` : r.purpose },
          checked: values['request'] === value || awaiting.length === 1,
        };
      }),
      decisionItems: Object.entries(PANEL_DECISIONS).map(([value, text]) => ({ value, text, checked: values['decision'] === value })),
      action: paths.disabilitiesPanelDecision(childId),
      sectionHref: paths.disabilities(childId),
      errorList: linkDateErrors(errorSummary(errors, ['request', 'panelDate', 'decision', 'approvedAmount', 'nextPanelDate', 'reason']), [
        'panelDate',
        'nextPanelDate',
      ]),
      errors: errorsByField(errors),
    });
  }

  app.get(
    '/children/:childId/disabilities/budget-requests/new',
    { config: { permission: 'disabilities:record', audit: 'disabilities.budget-request-form.viewed' } },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const form = await openDisabilitiesForm(deps, requestContext(request), childId, 'disabilities:record', 'disabilities.budget-request-form.viewed');
      return renderNew(reply, childId, {}, {}, form);
    },
  );

  app.post(
    '/children/:childId/disabilities/budget-requests/new',
    { config: { permission: 'disabilities:record', audit: 'disabilities.budget-request.submitted' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const body = formBody(request.body);
      const values = valuesOf(body, ['amount', 'purpose'], ['panelDate']);
      const panel = dateFrom(values, 'panelDate', 'The date of the panel', BUDGET_MESSAGES.panelDate, false);
      try {
        await requestPersonalBudget(deps, requestContext(request), childId, {
          eligibilityDecisionId: uuidFieldOf(body, 'eligibilityDecisionId'),
          amount: values['amount'] ?? '',
          purpose: values['purpose'] ?? '',
          panelDate: 'iso' in panel ? panel.iso : '',
        });
        return await reply.redirect(`${paths.disabilities(childId)}?done=budget-request`, 303);
      } catch (error) {
        if (error instanceof ValidationError) {
          const errors = 'error' in panel ? { ...error.fieldErrors, panelDate: panel.error } : error.fieldErrors;
          return renderNew(reply.code(400), childId, values, errors);
        }
        throw error;
      }
    },
  );

  app.get(
    '/children/:childId/disabilities/budget-requests/decision',
    { config: { permission: 'disabilities:record-panel-decision', audit: 'disabilities.panel-decision-form.viewed' } },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const form = await openDisabilitiesForm(
        deps,
        requestContext(request),
        childId,
        'disabilities:record-panel-decision',
        'disabilities.panel-decision-form.viewed',
      );
      return renderDecision(reply, childId, {}, {}, form);
    },
  );

  app.post(
    '/children/:childId/disabilities/budget-requests/decision',
    { config: { permission: 'disabilities:record-panel-decision', audit: 'disabilities.panel-decision.recorded' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const body = formBody(request.body);
      const values = valuesOf(body, ['request', 'decision', 'approvedAmount', 'reason'], ['panelDate', 'nextPanelDate']);
      const panel = dateFrom(values, 'panelDate', 'The date of the panel', PANEL_MESSAGES.panelDate, false);
      const next = dateFrom(values, 'nextPanelDate', 'The date of the later panel', PANEL_MESSAGES.nextPanelDate, true);
      try {
        const { id, version } = idAndVersionOf(body, 'request', PANEL_APP_MESSAGES.request);
        await recordPanelDecision(deps, requestContext(request), childId, id, version, {
          decision: values['decision'] ?? '',
          panelDate: 'iso' in panel ? panel.iso : '',
          approvedAmount: values['approvedAmount'] ?? '',
          reason: values['reason'] ?? '',
          nextPanelDate: 'iso' in next ? next.iso : 'not-a-date',
        });
        return await reply.redirect(`${paths.disabilities(childId)}?done=panel-decision`, 303);
      } catch (error) {
        if (error instanceof ValidationError) {
          const dateErrors = {
            ...('error' in panel ? { panelDate: panel.error } : {}),
            ...('error' in next && values['decision'] === 'deferred' ? { nextPanelDate: next.error } : {}),
          };
          return renderDecision(reply.code(400), childId, values, { ...error.fieldErrors, ...dateErrors });
        }
        throw error;
      }
    },
  );
}
