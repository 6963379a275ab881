// Every failure becomes a plain page (or a JSON body under /api/): refusals 403/404, bad input 400,
// stale saves 409, oversized bodies 413, and anything unexpected a 500 that shows only a reference.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AccessRefusedError, NotFoundError, StaleVersionError, ValidationError } from '../../app/shared/errors.ts';
import { isApiRequest } from './auth.ts';

function send(request: FastifyRequest, reply: FastifyReply, status: number, template: string, body: Record<string, unknown>) {
  reply.code(status);
  if (isApiRequest(request)) return reply.send(body);
  return reply.view(template, body);
}

export const errorsPlugin = fp(
  async (app: FastifyInstance) => {
    app.setNotFoundHandler(async (request, reply) =>
      send(request, reply, 404, 'pages/errors/not-found.njk', { error: 'not-found', message: 'Page not found' }),
    );

    app.setErrorHandler(async (error: FastifyError, request, reply) => {
      if (error instanceof AccessRefusedError) {
        return error.status === 404
          ? send(request, reply, 404, 'pages/errors/not-found.njk', { error: 'not-found', message: 'Page not found' })
          : send(request, reply, 403, 'pages/errors/forbidden.njk', { error: 'forbidden', message: error.userMessage });
      }
      if (error instanceof NotFoundError) {
        return send(request, reply, 404, 'pages/errors/not-found.njk', { error: 'not-found', message: 'Page not found' });
      }
      if (error instanceof ValidationError) {
        return send(request, reply, 400, 'pages/errors/bad-request.njk', { error: 'validation', errors: error.fieldErrors });
      }
      if (error instanceof StaleVersionError) {
        return send(request, reply, 409, 'pages/errors/conflict.njk', { error: 'conflict', message: 'Someone else changed this record. Reload it and make your change again.' });
      }
      if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') {
        return send(request, reply, 403, 'pages/errors/csrf.njk', { error: 'csrf', message: 'The form could not be sent. Go back, reload the page and try again.' });
      }
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        return send(request, reply, 413, 'pages/errors/bad-request.njk', { error: 'too-large', message: 'What you sent is too large.' });
      }
      if (error.statusCode === 429) {
        return send(request, reply, 429, 'pages/errors/bad-request.njk', { error: 'rate-limited', message: 'Too many requests. Wait a minute and try again.' });
      }
      if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
        return send(request, reply, error.statusCode, 'pages/errors/bad-request.njk', { error: 'bad-request', message: 'The request could not be understood.' });
      }
      // The message line is left out: database errors can quote the values that failed.
      request.log.error({ err: { type: error.name, code: error.code, stack: error.stack?.split('\n').slice(1).join('\n') } }, 'unhandled error');
      return send(request, reply, 500, 'pages/errors/server-error.njk', { error: 'server-error', message: 'Sorry, there is a problem with the service.', reference: request.id });
    });
  },
  { name: 'hearth-errors' },
);
