import { randomBytes } from 'node:crypto';
import { countRecentFailures, recordLoginAttempt } from '../../db/auth/login-attempt-repository.ts';
import { insertSession } from '../../db/auth/session-repository.ts';
import { findUserForSignIn } from '../../db/admin/user-repository.ts';
import { appendAuditEvent } from '../../db/shared/audit-repository.ts';
import type { AppDeps } from '../shared/deps.ts';
import { verifyPassword } from './passwords.ts';
import {
  LOGIN_WINDOW_MS,
  MAX_FAILURES_PER_IP,
  MAX_FAILURES_PER_USERNAME,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
} from './session-policy.ts';

export type SignInResult =
  | { readonly outcome: 'signed-in'; readonly token: string; readonly userId: string }
  | { readonly outcome: 'wrong-credentials' }
  | { readonly outcome: 'throttled'; readonly retryAfterMinutes: number };

export async function signIn(
  deps: AppDeps,
  input: { readonly username: string; readonly password: string; readonly ip: string; readonly requestId: string | null },
): Promise<SignInResult> {
  const now = deps.clock.now();
  const username = input.username.trim().toLowerCase();
  const failures = await countRecentFailures(deps.db, { username, ip: input.ip, since: new Date(now.getTime() - LOGIN_WINDOW_MS) });
  if (failures.forUsername >= MAX_FAILURES_PER_USERNAME || failures.forIp >= MAX_FAILURES_PER_IP) {
    await deps.db.transaction().execute((trx) =>
      appendAuditEvent(
        trx,
        { actorUserId: null, actorLabel: 'anonymous', requestId: input.requestId, ip: input.ip },
        { action: 'auth.sign-in.throttled', outcome: 'refused', changes: { username } },
        now,
      ),
    );
    return { outcome: 'throttled', retryAfterMinutes: LOGIN_WINDOW_MS / 60_000 };
  }
  const user = await findUserForSignIn(deps.db, username);
  const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
  const succeeded = valid && user !== undefined && user.active;
  const token = randomBytes(32).toString('base64url');
  await deps.db.transaction().execute(async (trx) => {
    await recordLoginAttempt(trx, { username, ip: input.ip, succeeded, at: now });
    if (succeeded) {
      await insertSession(trx, {
        token,
        userId: user.id,
        now,
        idleExpiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
        absoluteExpiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      });
    }
    await appendAuditEvent(
      trx,
      { actorUserId: succeeded ? user.id : null, actorLabel: succeeded ? user.displayName : 'anonymous', requestId: input.requestId, ip: input.ip },
      succeeded
        ? { action: 'auth.session.started', subjectType: 'user', subjectId: user.id }
        : { action: 'auth.sign-in.failed', outcome: 'refused', changes: { username } },
      now,
    );
  });
  return succeeded ? { outcome: 'signed-in', token, userId: user.id } : { outcome: 'wrong-credentials' };
}
