// Forms rescued when a session expired mid-typing: kept in the database for their author (never in
// the session or a cookie), handed back once when they return to the page, then removed.
import { appendAuditEvent } from '../../db/shared/audit-repository.ts';
import { deleteDraft, findDraft, upsertDraft } from '../../db/drafts/draft-repository.ts';
import type { AppDeps } from '../shared/deps.ts';
import { isStorableText } from '../shared/safe-text.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';

const RESCUE_PREFIX = 'rescued:';
const NEVER_KEPT = new Set(['_csrf', 'password', 'currentPassword', 'newPassword']);

/** Text PostgreSQL can hold (no NUL, no lone surrogates): anything else is left out rather than failing. */
const storable = (value: unknown): boolean => (typeof value === 'string' ? isStorableText(value) : Array.isArray(value) ? value.every(storable) : true);

export async function rescueForm(deps: AppDeps, userId: string, path: string, body: Record<string, unknown>): Promise<void> {
  const data = Object.fromEntries(Object.entries(body).filter(([key, value]) => !NEVER_KEPT.has(key) && isStorableText(key) && storable(value)));
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await upsertDraft(trx, userId, RESCUE_PREFIX + path, data, now);
    await appendAuditEvent(
      trx,
      { actorUserId: userId, actorLabel: 'session expired', requestId: null, ip: null },
      { action: 'drafts.form.rescued', subjectType: 'draft', subjectId: path },
      now,
    );
  });
}

/** The form rescued for this user at this path, if any; it is handed back once. */
export async function takeRescuedForm(deps: AppDeps, ctx: RequestContext, path: string): Promise<Record<string, unknown> | null> {
  const actor = ctx.actor;
  if (actor === null) return null;
  const existing = await findDraft(deps.db, actor.userId, RESCUE_PREFIX + path);
  if (existing === undefined) return null;
  return unitOfWork(deps, ctx, async ({ trx, audit }) => {
    const removed = await deleteDraft(trx, actor.userId, RESCUE_PREFIX + path);
    if (removed === undefined) return null;
    await audit({ action: 'drafts.form.restored', subjectType: 'draft', subjectId: path });
    return removed;
  });
}
