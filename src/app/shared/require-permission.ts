import type { Actor } from '../../domain/shared/access/actor.ts';
import { can, type Permission } from '../../domain/shared/access/permissions.ts';
import { AccessRefusedError } from './errors.ts';
import type { RequestContext } from './request-context.ts';

/**
 * Function-level check inside a use case; refusals are audited by the unit of work. The operator's
 * command line (a system context) is trusted: whoever runs it already holds the server.
 */
export function requirePermission(ctx: RequestContext, permission: Permission): Actor | null {
  if (ctx.system !== undefined) return null;
  if (ctx.actor === null) throw new AccessRefusedError(403, 'not-signed-in', 'Sign in to continue.', null);
  if (!can(ctx.actor, permission)) throw new AccessRefusedError(403, 'role', 'Your role does not allow this.', null);
  return ctx.actor;
}
