// The targeted early help queue: referrals the MASH decided for early help, waiting for a worker.
import type { FastifyInstance } from 'fastify';
import { viewEarlyHelpQueue } from '../../../app/early-help/queue.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { formatLongDate } from '../../../domain/shared/time/local-date.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';

export async function earlyHelpQueueRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  app.get('/early-help', { config: { permission: 'early-help:view-queue', audit: 'early-help.queue.viewed' } }, async (request, reply) => {
    const queue = await viewEarlyHelpQueue(deps, requestContext(request));
    const allocated = (request.query as Record<string, unknown>)['allocated'];
    return reply.view('early-help/queue/view.njk', {
      allocatedHref: typeof allocated === 'string' && /^[0-9a-f-]{36}$/.test(allocated) ? paths.childEarlyHelp(allocated) : null,
      rows: queue.referrals.map((r) => [
        { html: `<a class="govuk-link" href="${paths.child(r.childId)}">${escapeHtml(r.childName)}</a>` },
        { text: r.childDateOfBirth === null ? 'Not known' : formatLongDate(r.childDateOfBirth) },
        { text: `Level ${String(r.needLevel)}` },
        { text: formatLongDate(r.referredOn) },
        { text: r.reference ?? 'Step down after assessment' },
        queue.mayAllocate
          ? {
              html: `<a class="govuk-link" href="${paths.allocateEarlyHelp(r.id)}">Allocate<span class="govuk-visually-hidden"> ${escapeHtml(r.childName)}</span></a>`,
            }
          : { text: 'Waiting for the early help manager' },
      ]),
    });
  });
}

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}
