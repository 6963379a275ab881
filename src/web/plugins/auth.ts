// Signs each request in from its session cookie, then enforces the route's declared permission.
// A form posted after the session expired is kept as a draft for its author, who is sent to sign
// in and then back to the form with what they typed (DEVELOPERS: "a worker never loses typed work").
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { resolveSession } from '../../app/auth/resolve-session.ts';
import { rescueForm } from '../../app/drafts/rescued-forms.ts';
import type { AppDeps } from '../../app/shared/deps.ts';
import { AccessRefusedError } from '../../app/shared/errors.ts';
import { recordRefusal, auditContextOf } from '../../app/shared/unit-of-work.ts';
import { can } from '../../domain/shared/access/permissions.ts';
import { paths } from '../shared/paths.ts';
import { requestContext } from '../shared/request-context.ts';

export interface SessionCookie {
  readonly name: string;
  readonly secure: boolean;
}

export const sessionCookie = (secure: boolean): SessionCookie => ({ name: secure ? '__Host-hearth-session' : 'hearth-session', secure });

export const isApiRequest = (request: FastifyRequest): boolean => request.url.startsWith('/api/');

function pathOf(url: string): string {
  return url.split('?')[0] ?? '/';
}

export const authPlugin = fp(
  async (app: FastifyInstance, options: { deps: AppDeps; cookie: SessionCookie }) => {
    const { deps, cookie } = options;
    app.decorateRequest('actor', null);
    app.decorateRequest('session', null as never);
    app.decorateRequest('sessionToken', undefined);

    app.addHook('onRequest', async (request) => {
      if (request.url.startsWith('/assets/')) {
        request.session = { state: 'none' };
        return;
      }
      const token = request.cookies[cookie.name];
      request.sessionToken = token;
      request.session = await resolveSession(deps, token);
      request.actor = request.session.state === 'active' ? request.session.actor : null;
    });

    app.addHook('preHandler', async (request, reply) => {
      const permission = request.routeOptions.config.permission;
      if (permission === undefined || permission === 'public') return;
      if (request.actor === null) return notSignedIn(request, reply);
      if (permission === 'signed-in' || can(request.actor, permission)) return;
      const error = new AccessRefusedError(403, 'role', 'Your role does not allow you to use this page.', null);
      await recordRefusal(deps, auditContextOf(requestContext(request)), error, deps.clock.now());
      throw error;
    });

    async function notSignedIn(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
      if (isApiRequest(request)) return reply.code(401).send({ error: 'unauthenticated', message: 'Sign in to use the API.' });
      const expired = request.session.state === 'expired';
      const returnTo = pathOf(request.url);
      if (expired && request.method === 'POST' && request.body !== null && typeof request.body === 'object') {
        await rescueForm(deps, request.session.state === 'expired' ? request.session.userId : '', returnTo, request.body as Record<string, unknown>);
        return reply.redirect(`${paths.signIn(returnTo)}&kept=1`, 303);
      }
      const target = request.method === 'GET' ? request.url : returnTo;
      return reply.redirect(expired ? `${paths.signIn(target)}&expired=1` : paths.signIn(target), 303);
    }
  },
  { name: 'hearth-auth', dependencies: ['@fastify/cookie'] },
);
