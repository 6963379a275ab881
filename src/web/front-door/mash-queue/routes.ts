// The MASH queue: contacts awaiting a decision with how long each has waited, red, amber or green
// against its decision due date (with how that date was worked out), and the latest decisions.
import type { FastifyInstance } from 'fastify';
import { viewMashQueue } from '../../../app/front-door/view-mash-queue.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { can } from '../../../domain/shared/access/permissions.ts';
import { CONTACT_CHANNEL_LABELS, CONTACT_STATUS_LABELS } from '../../../domain/front-door/contact.ts';
import { MASH_OUTCOME_SHORT_LABELS } from '../../../domain/front-door/mash-decision.ts';
import { formatLongDate } from '../../../domain/shared/time/local-date.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { dueView, ragView, waitingText, whenText } from '../shared.ts';

export async function mashQueueRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  app.get('/front-door', { config: { permission: 'front-door:view-queue', audit: 'none' } }, async (request, reply) => {
    const queue = await viewMashQueue(deps, requestContext(request));
    return reply.view('front-door/mash-queue/view.njk', {
      counts: queue.counts,
      canRecord: request.actor !== null && can(request.actor, 'front-door:record-contact'),
      items: queue.items.map((item) => ({
        href: paths.contact(item.id),
        reference: item.reference,
        children: item.childNames ?? 'No child named',
        channel: CONTACT_CHANNEL_LABELS[item.channel],
        from: item.referrerOrganisation,
        received: whenText(item.receivedAt),
        waiting: waitingText(item.waitingMinutes),
        status: CONTACT_STATUS_LABELS[item.status],
        immediateRisk: item.immediateRisk,
        repeat: item.repeat,
        level: item.needLevel,
        rag: ragView(item.rag),
        due: dueView(item.due),
      })),
      recent: queue.recent.map((r) => ({
        href: paths.contact(r.id),
        reference: r.reference,
        children: r.childNames ?? '',
        decidedOn: r.decidedOn === null ? '' : formatLongDate(r.decidedOn),
        outcome: r.outcome === null ? '' : MASH_OUTCOME_SHORT_LABELS[r.outcome],
        withinTimescale: r.decidedWithinTimescale,
      })),
    });
  });
}
