// A strategy discussion: what was asked for and when it is due, who took part, and the decision for
// each child the viewer may see. While decisions are waiting, the page is also the form to record
// them (with "Save as draft" kept in the database), and for a group meeting, to add a child.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { recordStrategyDiscussion } from '../../../app/child-protection/record-strategy-discussion.ts';
import {
  discardStrategyDiscussionDraft,
  saveStrategyDiscussionDraft,
  viewStrategyDiscussion,
  type StrategyDiscussionPage,
} from '../../../app/child-protection/strategy-discussion-page.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { StaleVersionError, ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { AGENCIES } from '../../../domain/child-protection/strategy-discussion.ts';
import { formatLongDate } from '../../../domain/shared/time/local-date.ts';
import { dueView, ragView, uuidParam } from '../../front-door/shared.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { CHOICES, formValuesOf, LABELS, stringValues, summaryOf } from '../strategy-discussion-shared.ts';
import { ATTENDEE_ROWS, defaultValues, recordInputOf } from './form.ts';

type Banner = 'convened' | 'recorded' | 'draft-saved' | 'draft-restored' | 'draft-discarded' | 'child-added' | null;

export async function strategyDiscussionRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function render(
    reply: FastifyReply,
    id: string,
    values: Record<string, string> | null,
    errors: FieldErrors,
    banner: Banner,
    opened?: StrategyDiscussionPage,
  ) {
    const page = opened ?? (await viewStrategyDiscussion(deps, requestContext(reply.request), id, { audit: false }));
    const d = page.discussion;
    const form = values ?? (page.draft === null ? defaultValues() : stringValues(page.draft));
    const pending = page.children.filter((c) => c.mayChange && c.decision === null);
    const dateFields = ['heldOn', ...pending.map((c) => `nextDiscussionBy-${c.childId}`)];
    return reply.view('child-protection/strategy-discussion/view.njk', {
      d,
      title: `${LABELS.kind[d.kind]} strategy ${d.isGroup ? 'meeting (group)' : 'discussion'}`,
      openedText: formatLongDate(d.openedOn),
      dueText: formatLongDate(d.dueOn),
      heldText: d.heldOn === null ? null : formatLongDate(d.heldOn),
      formatText: d.format === null ? null : LABELS.format[d.format],
      due: page.dueExplanation === null ? null : dueView(page.dueExplanation),
      rag: page.rag === null ? null : ragView(page.rag),
      children: page.children.map((c) => ({
        id: c.childId,
        name: `${c.givenName} ${c.familyName}`,
        href: paths.childProtection(c.childId),
        decided: c.decision !== null,
        decision: c.decision === null ? null : LABELS.decision[c.decision],
        reason: c.decisionReason,
        safetyPlan: c.safetyPlan,
        interimLiving: c.interimLiving === null ? null : LABELS.interimLiving[c.interimLiving],
        abe: c.abeInterviewNeeded,
        paediatric: c.paediatricExamNeeded,
        section47Href: c.section47 === null ? null : paths.section47(c.section47.id),
        pending: c.mayChange && c.decision === null,
      })),
      hiddenChildren: page.hiddenChildren,
      attendees: page.attendees.map((a) => ({ ...a, agencyText: (LABELS.agency as Record<string, string>)[a.agency] ?? a.agency })),
      mayRecord: page.mayRecord,
      held: d.status === 'held',
      mayAddChild: d.isGroup && d.status === 'to_be_held' && page.children.some((c) => c.mayChange),
      groupId: d.id,
      hasDraft: page.draft !== null,
      values: form,
      rows: Array.from({ length: ATTENDEE_ROWS }, (_, i) => i + 1),
      agencyItems: AGENCIES.map((a) => ({ value: a, text: LABELS.agency[a] })),
      decisionItems: CHOICES.decisions.map((v) => ({ value: v, text: LABELS.decision[v] })),
      interimItems: CHOICES.interimLiving.map((v) => ({ value: v, text: LABELS.interimLiving[v] })),
      errors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, { text: v }])),
      errorList: summaryOf(errors, dateFields),
      banner,
      action: paths.strategyDiscussion(d.id),
      discardAction: paths.discardStrategyDiscussionDraft(d.id),
    });
  }

  app.get(
    '/strategy-discussions/:strategyDiscussionId',
    { config: { permission: 'people:view-child', audit: 'child-protection.strategy-discussion.viewed' } },
    async (request, reply) => {
      const id = uuidParam(request.params, 'strategyDiscussionId');
      const page = await viewStrategyDiscussion(deps, requestContext(request), id);
      const query = request.query as Record<string, unknown>;
      const flag = query['done'];
      const banner: Banner =
        query['convened'] === '1'
          ? 'convened'
          : flag === 'recorded' || flag === 'draft-saved' || flag === 'draft-discarded' || flag === 'child-added'
            ? flag
            : page.draft !== null
              ? 'draft-restored'
              : null;
      return render(reply, id, null, {}, banner, page);
    },
  );

  app.post(
    '/strategy-discussions/:strategyDiscussionId',
    { config: { permission: 'child-protection:record-enquiry', audit: 'child-protection.strategy-discussion.saved' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const id = uuidParam(request.params, 'strategyDiscussionId');
      const values = formValuesOf(request.body);
      const action = (request.body as Record<string, unknown> | null)?.['action'];
      if (action === 'draft') {
        try {
          await saveStrategyDiscussionDraft(deps, requestContext(request), id, values);
        } catch (error) {
          if (error instanceof ValidationError) return render(reply.code(400), id, values, error.fieldErrors, null);
          throw error;
        }
        return reply.redirect(`${paths.strategyDiscussion(id)}?done=draft-saved`, 303);
      }
      const page = await viewStrategyDiscussion(deps, requestContext(request), id, { audit: false });
      const pending = page.children.filter((c) => c.mayChange && c.decision === null).map((c) => c.childId);
      const parsed = recordInputOf(values, page.discussion.status === 'held', pending);
      if ('errors' in parsed) return render(reply.code(400), id, values, parsed.errors, null, page);
      try {
        await recordStrategyDiscussion(deps, requestContext(request), id, parsed.input);
        return await reply.redirect(`${paths.strategyDiscussion(id)}?done=recorded`, 303);
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.code(400), id, values, error.fieldErrors, null);
        if (error instanceof StaleVersionError)
          return render(reply.code(409), id, values, { version: 'Someone else recorded this strategy discussion. Reload the page and check it.' }, null);
        throw error;
      }
    },
  );

  app.post(
    '/strategy-discussions/:strategyDiscussionId/discard-draft',
    { config: { permission: 'child-protection:record-enquiry', audit: 'child-protection.strategy-discussion-draft.discarded' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const id = uuidParam(request.params, 'strategyDiscussionId');
      await discardStrategyDiscussionDraft(deps, requestContext(request), id);
      return reply.redirect(`${paths.strategyDiscussion(id)}?done=draft-discarded`, 303);
    },
  );
}
