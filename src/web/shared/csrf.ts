import type { FastifyInstance, preHandlerHookHandler } from 'fastify';

/** The CSRF check for every state-changing route (@fastify/csrf-protection, token in `_csrf` or `x-csrf-token`). */
export const csrfGuard = (app: FastifyInstance): preHandlerHookHandler => app.csrfProtection.bind(app);
