import type { FastifyInstance } from 'fastify';
import { viewTeams } from '../../app/admin/queries.ts';
import type { AppDeps } from '../../app/shared/deps.ts';
import { requestContext } from '../shared/request-context.ts';

export async function teamRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  app.get('/teams', { config: { permission: 'teams:view', audit: 'none' } }, async (request, reply) => {
    const teams = await viewTeams(options.deps, requestContext(request));
    const byId = new Map(teams.map((t) => [t.id, t]));
    const top = teams.filter((t) => t.parentTeamId === null);
    const groups = top.map((team) => ({ team, subTeams: teams.filter((t) => t.parentTeamId === team.id) }));
    return reply.view('teams/view.njk', { groups, count: byId.size });
  });

  app.get('/account', { config: { permission: 'signed-in', audit: 'none' } }, async (_request, reply) => reply.view('teams/account.njk'));
}
