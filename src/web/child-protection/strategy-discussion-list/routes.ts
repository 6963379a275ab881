// The "Child protection" section of a child's record: strategy discussions and section 47 enquiries.
import type { FastifyInstance } from 'fastify';
import { viewChildProtectionRecord } from '../../../app/child-protection/child-protection-record.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { formatLongDate } from '../../../domain/shared/time/local-date.ts';
import { dueView, ragView } from '../../front-door/shared.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { childHeaderContext, childIdOf } from '../../records/shared.ts';
import { LABELS } from '../strategy-discussion-shared.ts';

export async function strategyDiscussionListRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  app.get(
    '/children/:childId/child-protection',
    { config: { permission: 'people:view-child', audit: 'child-protection.record.viewed' } },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const record = await viewChildProtectionRecord(deps, requestContext(request), childId);
      const query = request.query as Record<string, unknown>;
      return reply.view('child-protection/strategy-discussion-list/view.njk', {
        ...childHeaderContext(record.child, deps.clock.now(), 'child-protection'),
        discussions: record.discussions.map((d) => ({
          href: paths.strategyDiscussion(d.id),
          title: `${LABELS.kind[d.kind]} strategy ${d.isGroup ? `meeting (group, ${String(d.childCount)} children)` : 'discussion'}`,
          status: d.status === 'held' ? `Held ${formatLongDate(d.heldOn ?? d.openedOn)}` : 'To be held',
          decision: d.decision === null ? (d.status === 'held' ? 'Decision to be recorded' : '') : LABELS.decision[d.decision],
          dueText: formatLongDate(d.dueOn),
          rag: d.rag === null ? null : ragView(d.rag),
          due: d.explanation === null ? null : dueView(d.explanation),
          setByDiscussion: d.sourceKind === 'review',
          toBeHeld: d.status === 'to_be_held',
        })),
        enquiries: record.enquiries.map((e) => ({
          href: paths.section47(e.id),
          kind: LABELS.s47Kind[e.kind],
          startedText: formatLongDate(e.startedOn),
          status: e.status === 'completed' && e.outcome !== null ? LABELS.outcome[e.outcome] : 'In progress',
          dueText: formatLongDate(e.dueOn),
          rag: e.rag === null ? null : ragView(e.rag),
          due: dueView(e.explanation),
          icpc: e.icpcExplanation === null ? null : dueView(e.icpcExplanation),
          inProgress: e.status === 'in_progress',
        })),
        mayConvene: record.mayConvene,
        newHref: paths.newStrategyDiscussion(childId),
        convened: query['convened'] === '1',
      });
    },
  );
}
