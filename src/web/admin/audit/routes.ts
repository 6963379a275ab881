import { csrfGuard } from '../../shared/csrf.ts';
import type { FastifyInstance } from 'fastify';
import { verifyAudit } from '../../../app/audit/verify-audit.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { requestContext } from '../../shared/request-context.ts';

export async function adminAuditRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  app.get('/admin/audit', { config: { permission: 'audit:verify', audit: 'none' } }, async (_request, reply) => reply.view('admin/audit/view.njk', {}));

  app.post('/admin/audit', { config: { permission: 'audit:verify', audit: 'audit.chain.verified' }, preHandler: csrfGuard(app) }, async (request, reply) => {
    const result = await verifyAudit(options.deps, requestContext(request));
    return reply.view('admin/audit/view.njk', { result });
  });
}
