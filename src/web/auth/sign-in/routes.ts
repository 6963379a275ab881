import { csrfGuard } from '../../shared/csrf.ts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { signIn } from '../../../app/auth/sign-in.ts';
import { signOut } from '../../../app/auth/sign-out.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { fieldErrorsOf, isStorableText } from '../../../app/shared/safe-text.ts';
import type { SessionCookie } from '../../plugins/auth.ts';
import { errorSummary, errorsByField, formBody } from '../../shared/forms.ts';
import { paths, safeReturnPath } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { SESSION_ABSOLUTE_MS } from '../../../app/auth/session-policy.ts';

const MESSAGES = {
  username: 'Enter your username',
  password: 'Enter your password',
  wrong: 'Enter a correct username and password',
} as const;

const signInSchema = z.object({
  // A NUL cannot reach the database (PostgreSQL refuses it: a 500, found by test/security/bad-input).
  username: z.string({ error: MESSAGES.username }).trim().min(1, { error: MESSAGES.username }).max(200, { error: MESSAGES.wrong }).refine(isStorableText, { error: MESSAGES.wrong }),
  password: z.string({ error: MESSAGES.password }).min(1, { error: MESSAGES.password }).max(500, { error: MESSAGES.wrong }),
  returnTo: z.string().optional(),
  _csrf: z.string().optional(),
});

const FIELDS = ['username', 'password'];

export async function signInRoutes(app: FastifyInstance, options: { deps: AppDeps; cookie: SessionCookie }): Promise<void> {
  const { deps, cookie } = options;

  app.get(
    '/sign-in',
    { config: { permission: 'public', audit: 'none' } },
    async (request, reply) => {
      const query = request.query as Record<string, string | undefined>;
      const returnTo = safeReturnPath(query['returnTo']);
      if (request.actor !== null) return reply.redirect(returnTo ?? paths.home(), 303);
      return reply.view('auth/sign-in/view.njk', {
        returnTo,
        kept: query['kept'] === '1',
        expired: query['expired'] === '1',
        signedOut: query['signedOut'] === '1',
        values: {},
      });
    },
  );

  app.post(
    '/sign-in',
    {
      config: { permission: 'public', audit: 'auth.session.started', rateLimit: { max: 30, timeWindow: '1 minute' } },
      preHandler: csrfGuard(app),
    },
    async (request, reply) => {
      const body = formBody(request.body);
      const returnTo = safeReturnPath(body['returnTo']);
      const parsed = signInSchema.safeParse(body);
      const render = (status: number, errors: Record<string, string>) =>
        reply.code(status).view('auth/sign-in/view.njk', {
          returnTo,
          values: { username: typeof body['username'] === 'string' ? body['username'] : '' },
          errorList: errorSummary(errors, FIELDS),
          errors: errorsByField(errors),
        });
      if (!parsed.success) return render(400, fieldErrorsOf(parsed.error));
      const result = await signIn(deps, { username: parsed.data.username, password: parsed.data.password, ip: request.ip, requestId: request.id });
      if (result.outcome === 'throttled') {
        return render(429, { username: `Too many failed attempts to sign in. Wait ${String(result.retryAfterMinutes)} minutes and try again, or ask your system administrator.` });
      }
      if (result.outcome === 'wrong-credentials') return render(401, { username: MESSAGES.wrong });
      reply.setCookie(cookie.name, result.token, {
        path: '/',
        httpOnly: true,
        secure: cookie.secure,
        sameSite: 'lax',
        maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
      });
      return reply.redirect(returnTo ?? paths.home(), 303);
    },
  );

  app.post(
    '/sign-out',
    { config: { permission: 'public', audit: 'auth.session.ended' }, preHandler: csrfGuard(app) },
    async (request, reply) => {
      if (request.sessionToken !== undefined) await signOut(deps, requestContext(request), request.sessionToken);
      reply.clearCookie(cookie.name, { path: '/', secure: cookie.secure, httpOnly: true, sameSite: 'lax' });
      return reply.redirect(`${paths.signIn()}?signedOut=1`, 303);
    },
  );
}
