import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { viewMyWork, type DueLine } from '../../../app/work/my-work.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';

const RAG_COLOUR: Readonly<Record<string, string>> = { red: 'red', amber: 'orange', green: 'green' };

const workQuery = z.object({ worker: z.uuid().optional().catch(undefined) });

function dueView(items: readonly DueLine[]) {
  return items.map((item) => ({ ...item, colour: RAG_COLOUR[item.rag.rag] ?? 'grey' }));
}

export async function myWorkRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  app.get('/', { config: { permission: 'signed-in', audit: 'none' } }, async (request, reply) => {
    const actor = request.actor;
    const home = actor !== null && actor.roles.length === 1 && actor.roles[0] === 'system_admin' ? paths.adminUsers() : paths.myWork();
    return reply.redirect(home, 303);
  });

  app.get('/my-work', { config: { permission: 'work:view-own', audit: 'none' } }, async (request, reply) => {
    const query = workQuery.safeParse(request.query);
    const worker = query.success ? query.data.worker : undefined;
    const work = await viewMyWork(options.deps, requestContext(request), worker === undefined ? {} : { worker });
    return reply.view('work/my-work/view.njk', {
      work,
      myDue: dueView(work.myDue),
      teamDue: dueView(work.teamDue),
      workerItems: [
        { value: '', text: 'Everyone in the team' },
        ...work.teamWorkers.map((w) => ({ value: w.id, text: w.displayName, selected: w.id === work.workerFilter })),
      ],
    });
  });
}
