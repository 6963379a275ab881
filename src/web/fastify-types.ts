import type { Actor } from '../domain/shared/access/actor.ts';
import type { Permission } from '../domain/shared/access/permissions.ts';
import type { SessionState } from '../app/auth/resolve-session.ts';

/** Who may reach a route before any record rule is applied. */
export type RoutePermission = Permission | 'public' | 'signed-in';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every route (route-contract.ts refuses to start without it). */
    permission?: RoutePermission;
    /** The audit event the route writes, or 'none' for routes that read no case data. */
    audit?: string;
  }
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionState;
    sessionToken: string | undefined;
  }
  interface FastifyReply {
    view(template: string, context?: Record<string, unknown>): FastifyReply;
  }
}
