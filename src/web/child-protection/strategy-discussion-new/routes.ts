// Convene a strategy discussion from an allocated child's record (initial or review; one child, or a
// group meeting other children are then added to), and from a MASH referral for one.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { conveneStrategyDiscussionForChild } from '../../../app/child-protection/convene-strategy-discussion.ts';
import { addChildToStrategyDiscussion } from '../../../app/child-protection/add-child-to-strategy-discussion.ts';
import { viewChildProtectionRecord } from '../../../app/child-protection/child-protection-record.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { csrfGuard } from '../../shared/csrf.ts';
import { primaryNeedItems } from '../../shared/forms.ts';
import { initialNeedProblem } from '../../../app/shared/initial-need.ts';
import { formatLongDate } from '../../../domain/shared/time/local-date.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { uuidParam } from '../../front-door/shared.ts';
import { childHeaderContext, childIdOf } from '../../records/shared.ts';
import { formValuesOf, summaryOf } from '../strategy-discussion-shared.ts';

export const CONVENE_FORM_MESSAGES = {
  urgent: 'Select whether the child is at immediate risk',
  kind: 'Select whether this is an initial or a review strategy discussion',
} as const;

export async function strategyDiscussionNewRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  async function render(reply: FastifyReply, childId: string, values: Record<string, string>, errors: FieldErrors) {
    const record = await viewChildProtectionRecord(deps, requestContext(reply.request), childId, 'change', { audit: Object.keys(errors).length === 0 });
    return reply.view('child-protection/strategy-discussion-new/view.njk', {
      ...childHeaderContext(record.child, deps.clock.now(), 'child-protection'),
      values,
      errors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, { text: v }])),
      errorList: summaryOf(errors, []),
      groupMeetings: record.groupMeetings.map((m) => ({
        value: m.id,
        text: `${m.groupConcern ?? 'Group strategy meeting'} (${m.teamName})`,
        hint: `Asked for ${formatLongDate(m.openedOn)}, due by ${formatLongDate(m.dueOn)}`,
      })),
      primaryNeedItems: primaryNeedItems(values['primaryNeed']),
      action: paths.newStrategyDiscussion(childId),
      cancelHref: paths.childProtection(childId),
    });
  }

  app.get(
    '/children/:childId/child-protection/strategy-discussions/new',
    { config: { permission: 'child-protection:record-enquiry', audit: 'child-protection.record.viewed' } },
    async (request, reply) => render(reply, childIdOf(request.params), { kind: 'initial' }, {}),
  );

  app.post(
    '/children/:childId/child-protection/strategy-discussions/new',
    { config: { permission: 'child-protection:record-enquiry', audit: 'child-protection.strategy-discussion.opened' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const values = formValuesOf(request.body);
      const join = values['join'] ?? '';
      if (join !== '' && join !== 'new') {
        try {
          await addChildToStrategyDiscussion(deps, requestContext(request), uuidParam({ join }, 'join'), childId, {
            primaryNeed: values['primaryNeed'] ?? null,
          });
          return await reply.redirect(`${paths.strategyDiscussion(join)}?done=child-added`, 303);
        } catch (error) {
          if (error instanceof ValidationError) {
            const need = error.fieldErrors['primaryNeed'];
            return render(
              reply.code(400),
              childId,
              values,
              need === undefined ? { join: error.fieldErrors['child'] ?? 'Select a meeting' } : { primaryNeed: need },
            );
          }
          throw error;
        }
      }
      const errors: Record<string, string> = {};
      if (values['urgent'] !== 'yes' && values['urgent'] !== 'no') errors['urgent'] = CONVENE_FORM_MESSAGES.urgent;
      if (values['kind'] !== 'initial' && values['kind'] !== 'review') errors['kind'] = CONVENE_FORM_MESSAGES.kind;
      const needProblem = initialNeedProblem(values['primaryNeed']);
      if (needProblem !== undefined) errors['primaryNeed'] = needProblem;
      if (Object.keys(errors).length > 0) return render(reply.code(400), childId, values, errors);
      try {
        const isGroup = values['group'] === 'yes';
        const opened = await conveneStrategyDiscussionForChild(deps, requestContext(request), childId, {
          urgent: values['urgent'] === 'yes',
          kind: values['kind'] === 'review' ? 'review' : 'initial',
          isGroup,
          groupConcern: isGroup ? (values['groupConcern'] ?? '') : null,
          primaryNeed: values['primaryNeed'] ?? null,
        });
        return await reply.redirect(`${paths.strategyDiscussion(opened.strategyDiscussionId)}?convened=1`, 303);
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.code(400), childId, values, error.fieldErrors);
        throw error;
      }
    },
  );
}
