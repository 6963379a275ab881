import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../../app/shared/request-context.ts';

export function requestContext(request: FastifyRequest): RequestContext {
  return { actor: request.actor, requestId: request.id, ip: request.ip };
}
