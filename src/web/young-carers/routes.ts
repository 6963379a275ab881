// The young carers module's pages on a child's record: the list with the form to start an assessment,
// one assessment, the form to write it, and the manager's authorisation.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app/shared/deps.ts';
import { youngCarerPageRoutes } from './assessment/routes.ts';
import { authoriseYoungCarerRoutes } from './authorise/routes.ts';
import { editYoungCarerRoutes } from './edit/routes.ts';
import { youngCarerListRoutes } from './list/routes.ts';

export async function youngCarersRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  await app.register(youngCarerListRoutes, options);
  await app.register(youngCarerPageRoutes, options);
  await app.register(editYoungCarerRoutes, options);
  await app.register(authoriseYoungCarerRoutes, options);
}
