// Turns a session cookie into the acting user, enforcing idle and absolute expiry server-side.
// An expired session still names its user, so a form posted after expiry can be kept for them.
import { findSessionWithUser, touchSession } from '../../db/auth/session-repository.ts';
import type { Actor } from '../../domain/shared/access/actor.ts';
import { isRole } from '../../domain/shared/access/roles.ts';
import type { AppDeps } from '../shared/deps.ts';
import { SESSION_IDLE_MS, SESSION_TOUCH_MS } from './session-policy.ts';

export type SessionState =
  | { readonly state: 'active'; readonly actor: Actor }
  | { readonly state: 'expired'; readonly userId: string }
  | { readonly state: 'none' };

export async function resolveSession(deps: AppDeps, token: string | undefined): Promise<SessionState> {
  if (token === undefined || token === '') return { state: 'none' };
  // One statement: the session with its user, roles and teams (not four), read fresh each request
  // so an ended session, a deactivated user or a removed role takes effect at once.
  const session = await findSessionWithUser(deps.db, token);
  if (session === undefined || session.endedAt !== null || !session.active) return { state: 'none' };
  const now = deps.clock.now();
  if (session.idleExpiresAt <= now || session.absoluteExpiresAt <= now) return { state: 'expired', userId: session.userId };
  const actor: Actor = {
    userId: session.userId,
    displayName: session.displayName,
    roles: session.roles.filter(isRole),
    teams: session.teams.map((t) => ({ teamId: t.teamId, isManager: t.isManager, teamName: t.teamName })),
  };
  if (now.getTime() - session.lastSeenAt.getTime() >= SESSION_TOUCH_MS) {
    const idle = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, session.absoluteExpiresAt.getTime()));
    await touchSession(deps.db, token, now, idle);
  }
  return { state: 'active', actor };
}
