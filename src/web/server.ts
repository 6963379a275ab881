// buildServer(): Fastify with the security, session, CSRF, view and error plugins, then each
// module's routes. The same function serves `npm start`, the tests and the benchmarks.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { AppDeps } from '../app/shared/deps.ts';
import './fastify-types.ts';
import type { WebConfig } from './config.ts';
import { adminAuditRoutes } from './admin/audit/routes.ts';
import { adminUserRoutes } from './admin/users/routes.ts';
import { assessmentsRoutes } from './assessments/routes.ts';
import { youngCarersRoutes } from './young-carers/routes.ts';
import { apiV1Routes } from './api/v1-routes.ts';
import { signInRoutes } from './auth/sign-in/routes.ts';
import { opsRoutes } from './ops/routes.ts';
import { earlyHelpRoutes } from './early-help/routes.ts';
import { childProtectionRoutes } from './child-protection/routes.ts';
import { frontDoorRoutes } from './front-door/routes.ts';
import { returnsRoutes } from './returns/routes.ts';
import { childRecordRoutes } from './people/child-record/routes.ts';
import { peopleRoutes } from './people/routes.ts';
import { recordsRoutes } from './records/routes.ts';
import { preBirthRoutes } from './pre-birth/routes.ts';
import { strategyAndSection47Routes } from './child-protection/strategy-discussion-routes.ts';
import { childInNeedRoutes } from './child-in-need/routes.ts';
import { disabilitiesRoutes } from './disabilities/routes.ts';
import { authPlugin, sessionCookie } from './plugins/auth.ts';
import { errorsPlugin } from './plugins/errors.ts';
import { GOVUK_DIST, MOJ_ROOT, WEB_DIR, viewsPlugin } from './plugins/nunjucks.ts';
import { routeContractPlugin, type RouteContractEntry } from './plugins/route-contract.ts';
import { securityPlugin } from './plugins/security.ts';
import { teamRoutes } from './teams/routes.ts';
import { myWorkRoutes } from './work/my-work/routes.ts';

export interface BuiltServer {
  readonly app: FastifyInstance;
  /** Every route with its declared permission and audit event, for the route-contract test. */
  readonly routes: readonly RouteContractEntry[];
}

/**
 * One access line per request, written when the response is sent, with the request, its status and
 * time, instead of Fastify's two ("incoming request", then "request completed"): the same facts at
 * half the logging cost on every page.
 */
class AccessLogController extends LogController {
  override incomingRequest(): void {
    // Logged with the outcome, in requestCompleted.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (error) reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

export const BODY_LIMIT_BYTES = 256 * 1024;

export async function buildServer(deps: AppDeps, config: WebConfig, logger: FastifyBaseLogger | false = false): Promise<BuiltServer> {
  const options = {
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
    logController: new AccessLogController(),
  };
  const app: FastifyInstance = logger === false ? Fastify({ ...options, logger: false }) : Fastify({ ...options, loggerInstance: logger });
  const routes: RouteContractEntry[] = [];
  const cookieOptions = sessionCookie(config.cookieSecure);

  await app.register(routeContractPlugin, { registry: routes });
  await app.register(securityPlugin, { production: config.production });
  await app.register(cookie, { secret: config.cookieSecret });
  await app.register(formbody, { bodyLimit: BODY_LIMIT_BYTES });
  await app.register(rateLimit, { global: false });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: config.cookieSecure ? '__Host-hearth-csrf' : 'hearth-csrf',
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, secure: config.cookieSecure, signed: true },
  });
  await app.register(authPlugin, { deps, cookie: cookieOptions });
  await app.register(viewsPlugin, { production: config.production });
  await app.register(errorsPlugin);

  await app.register(fastifyStatic, {
    root: [join(WEB_DIR, 'public'), join(GOVUK_DIST, 'govuk', 'assets'), join(GOVUK_DIST, 'govuk'), join(MOJ_ROOT, 'moj')],
    prefix: '/assets/',
    allowedPath: (pathName) => /\.(css|js|mjs|map|woff2?|png|svg|ico|json)$/.test(pathName) && !pathName.includes('..'),
    maxAge: config.production ? '1d' : 0,
    index: false,
    list: false,
  });

  await app.register(opsRoutes, { deps });
  await app.register(signInRoutes, { deps, cookie: cookieOptions });
  await app.register(myWorkRoutes, { deps });
  await app.register(childRecordRoutes, { deps });
  await app.register(peopleRoutes, { deps });
  await app.register(recordsRoutes, { deps });
  await app.register(preBirthRoutes, { deps });
  await app.register(strategyAndSection47Routes, { deps });
  await app.register(childInNeedRoutes, { deps });
  await app.register(disabilitiesRoutes, { deps });
  await app.register(frontDoorRoutes, { deps, cookieSecure: config.cookieSecure });
  await app.register(returnsRoutes, { deps });
  await app.register(earlyHelpRoutes, { deps });
  await app.register(childProtectionRoutes, { deps });
  await app.register(assessmentsRoutes, { deps });
  await app.register(youngCarersRoutes, { deps });
  await app.register(teamRoutes, { deps });
  await app.register(adminUserRoutes, { deps });
  await app.register(adminAuditRoutes, { deps });
  await app.register(apiV1Routes, { deps });

  await app.ready();
  return { app, routes };
}
