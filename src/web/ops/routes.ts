// /health checks the database; /metrics serves Prometheus figures (no personal data: routes are
// labelled by their pattern, never by the ids in a URL).
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import client from 'prom-client';
import { checkHealth } from '../../app/ops/check-health.ts';
import type { AppDeps } from '../../app/shared/deps.ts';

/** Registered unencapsulated, so the timing hook sees every route. */
export const opsRoutes = fp(async (app: FastifyInstance, options: { deps: AppDeps }): Promise<void> => {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: 'hearth_http_request_duration_seconds',
    help: 'HTTP request duration by route pattern, method and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  app.get('/health', { config: { permission: 'public', audit: 'none' } }, async (_request, reply) => {
    if (await checkHealth(options.deps)) return reply.send({ status: 'ok', database: 'ok', engine: options.deps.engine });
    return reply.code(503).send({ status: 'unavailable', database: 'unreachable', engine: options.deps.engine });
  });

  app.get('/metrics', { config: { permission: 'public', audit: 'none' } }, async (_request, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  );
}, { name: 'hearth-ops' });
