import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { viewMyWork } from '../../../app/work/my-work.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';

export async function myWorkRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  app.get('/', { config: { permission: 'signed-in', audit: 'none' } }, async (request, reply) => {
    const actor = request.actor;
    const home = actor !== null && actor.roles.length === 1 && actor.roles[0] === 'system_admin' ? paths.adminUsers() : paths.myWork();
    return reply.redirect(home, 303);
  });

  app.get('/my-work', { config: { permission: 'work:view-own', audit: 'none' } }, async (request, reply) => {
    const work = await viewMyWork(options.deps, requestContext(request));
    return reply.view('work/my-work/view.njk', { work });
  });
}
