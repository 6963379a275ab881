// The CP chair records a conference's outcome (initial: plan or no plan, category, lead social
// worker, core group; review: the plan continues or ends, with the reason), with attendance and
// reports received. "Save as draft" keeps the half-written form in the database.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { discardConferenceOutcomeDraft, saveConferenceOutcomeDraft } from '../../../app/child-protection/conference-outcome-draft.ts';
import { recordInitialConference } from '../../../app/child-protection/record-initial-conference.ts';
import { recordReviewConference } from '../../../app/child-protection/record-review-conference.ts';
import { viewConference, type ConferenceView } from '../../../app/child-protection/view-child-protection.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { PLAN_END_REASONS } from '../../../domain/child-protection/cp-plan.ts';
import { CATEGORIES_OF_ABUSE } from '../../../domain/shared/codes/dfe/category-of-abuse.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { errorSummary, errorsByField, formBody } from '../../shared/forms.ts';
import { requestContext } from '../../shared/request-context.ts';
import { childHeaderContext, linkDateErrors } from '../../records/shared.ts';
import { ATTENDANCE_LABELS, conferenceIdsOf, cpPaths, dueText } from '../shared.ts';
import { emptyOutcome, initialInputOf, OUTCOME_FIELDS, outcomeValues, reviewInputOf, type OutcomeValues } from './form.ts';

type Banner = 'draft-saved' | 'draft-restored' | 'draft-discarded' | null;

export async function outcomeRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  const url = '/child-protection/conferences/:conferenceId/outcome';

  async function render(reply: FastifyReply, view: ConferenceView, values: OutcomeValues, errors: FieldErrors, banner: Banner) {
    const { child, conference } = view;
    const initial = conference.kind === 'initial';
    return reply.view('child-protection/outcome/view.njk', {
      ...childHeaderContext(child, deps.clock.now(), 'child-protection-plan'),
      initial,
      conference,
      due: view.due === null ? null : dueText(view.due),
      values,
      banner,
      hasDraft: view.draft !== null,
      invitations: view.invitations.map((i) => ({
        ...i,
        items: Object.entries(ATTENDANCE_LABELS).map(([value, text]) => ({ value, text, checked: values.attendance[i.id] === value })),
        reportChecked: values.reports.includes(i.id),
      })),
      decisionItems: (initial
        ? [
            { value: 'plan', text: 'Child protection plan', hint: { text: 'The child is likely to suffer significant harm' } },
            { value: 'no_plan', text: 'No child protection plan' },
          ]
        : [
            { value: 'continue', text: 'The plan continues' },
            { value: 'end', text: 'The plan ends' },
          ]
      ).map((item) => ({ ...item, checked: values.decision === item.value })),
      categoryItems: CATEGORIES_OF_ABUSE.map((c) => ({ value: c.code, text: c.label, checked: values.category === c.code })),
      workerItems: [
        { value: '', text: 'Choose the lead social worker' },
        ...view.teamWorkers.map((w) => ({ value: w.id, text: w.displayName, selected: values.leadWorkerUserId === w.id })),
      ],
      endReasonItems: PLAN_END_REASONS.map((r) => ({ value: r.code, text: r.label, checked: values.endReason === r.code })),
      action: cpPaths.outcome(child.id, conference.id),
      discardAction: `${cpPaths.outcome(child.id, conference.id)}/discard-draft`,
      backHref: cpPaths.conference(child.id, conference.id),
      errorList: linkDateErrors(errorSummary(errors, OUTCOME_FIELDS), ['heldOn']),
      errors: errorsByField(errors),
    });
  }

  app.get(url, { config: { permission: 'child-protection:chair', audit: 'child-protection.conference-outcome-form.viewed' } }, async (request, reply) => {
    const { childId, conferenceId } = await conferenceIdsOf(deps, request.params);
    const view = await viewConference(deps, requestContext(request), childId, conferenceId, { forOutcome: true });
    const query = request.query as Record<string, unknown>;
    const ids = view.invitations.map((i) => i.id);
    const values =
      view.draft === null ? emptyOutcome(view.conference.version) : { ...outcomeValues(view.draft, ids), version: String(view.conference.version) };
    const banner: Banner =
      query['draft'] === 'saved' ? 'draft-saved' : query['draft'] === 'discarded' ? 'draft-discarded' : view.draft !== null ? 'draft-restored' : null;
    return render(reply, view, values, {}, banner);
  });

  app.post(
    url,
    { config: { permission: 'child-protection:chair', audit: 'child-protection.conference.recorded' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const { childId, conferenceId } = await conferenceIdsOf(deps, request.params);
      const ctx = requestContext(request);
      const view = await viewConference(deps, ctx, childId, conferenceId, { forOutcome: true, audit: false });
      const body = formBody(request.body);
      const values = outcomeValues(
        body,
        view.invitations.map((i) => i.id),
      );
      if (body['action'] === 'draft') {
        await saveConferenceOutcomeDraft(deps, ctx, childId, conferenceId, { ...values });
        return reply.redirect(`${cpPaths.outcome(childId, conferenceId)}?draft=saved`, 303);
      }
      try {
        if (view.conference.kind === 'initial') {
          const parsed = initialInputOf(values);
          if ('errors' in parsed) return await render(reply.code(400), view, values, parsed.errors, null);
          await recordInitialConference(deps, ctx, childId, conferenceId, parsed.input);
        } else {
          const parsed = reviewInputOf(values);
          if ('errors' in parsed) return await render(reply.code(400), view, values, parsed.errors, null);
          await recordReviewConference(deps, ctx, childId, conferenceId, parsed.input);
        }
        return await reply.redirect(`${cpPaths.conference(childId, conferenceId)}?recorded=1`, 303);
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.code(400), view, values, error.fieldErrors, null);
        throw error;
      }
    },
  );

  app.post(
    `${url}/discard-draft`,
    { config: { permission: 'child-protection:chair', audit: 'child-protection.conference-outcome-draft.discarded' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const { childId, conferenceId } = await conferenceIdsOf(deps, request.params);
      await discardConferenceOutcomeDraft(deps, requestContext(request), childId, conferenceId);
      return reply.redirect(`${cpPaths.outcome(childId, conferenceId)}?draft=discarded`, 303);
    },
  );
}
