// GET /children/:childId/who-viewed: who viewed, was refused or changed a child's record, from the
// audit log, for managers. Looking is itself audited.
import type { FastifyInstance } from 'fastify';
import { viewAccessLog } from '../../../app/people/view-access-log.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { NotFoundError } from '../../../app/shared/errors.ts';
import { childIdParams } from '../child-record/routes.ts';
import { formBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';

const when = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit', hourCycle: 'h23' });

export async function whoViewedRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  app.get('/children/:childId/who-viewed', { config: { permission: 'audit:view', audit: 'people.record-access-log.viewed' } }, async (request, reply) => {
    const params = childIdParams.safeParse(request.params);
    if (!params.success) throw new NotFoundError('Child');
    const query = formBody(request.query);
    const page = typeof query['page'] === 'string' && /^\d{1,5}$/.test(query['page']) ? Number(query['page']) : 1;
    const viewsOnly = query['views'] === 'only';
    const log = await viewAccessLog(options.deps, requestContext(request), params.data.childId, { page, viewsOnly });
    const base = paths.whoViewed(params.data.childId);
    const link = (p: number) => `${base}?page=${String(p)}${viewsOnly ? '&views=only' : ''}`;
    return reply.view('people/who-viewed/view.njk', {
      person: log.person,
      recordHref: paths.child(params.data.childId),
      rows: log.entries.map((e) => [
        { text: when.format(e.occurredAt) },
        { text: e.who },
        { text: `${e.what}${e.onMergedRecord ? ' (on a record since merged into this one)' : ''}` },
        { text: e.outcome === 'refused' ? 'Refused' : 'Allowed' },
      ]),
      viewsOnly,
      allHref: base,
      viewsHref: `${base}?views=only`,
      previousHref: log.page > 1 ? link(log.page - 1) : null,
      nextHref: log.more ? link(log.page + 1) : null,
    });
  });
}
