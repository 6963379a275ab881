// The MASH queue: every contact awaiting a decision, immediate risk first then oldest first, with how
// long each has waited and red, amber or green against its decision due date (MASH-01, explained);
// and the latest decisions.
import { listOpenContacts, listRecentDecisions, type DecidedRow, type QueueRow } from '../../db/front-door/contact-repository.ts';
import { linkedChildrenOf } from '../../db/front-door/queue-repository.ts';
import { explainMashDecisionDue, mashDecisionRag } from '../../domain/front-door/timescales.ts';
import type { DueExplanation, RagStatus } from '../../domain/shared/timescales/rule.ts';
import { parseLocalDate } from '../../domain/shared/time/local-date.ts';
import type { AppDeps } from '../shared/deps.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { londonToday } from './london-time.ts';
import { repeatsOf } from './repeats.ts';

export interface QueueItem extends QueueRow {
  readonly waitingMinutes: number;
  readonly rag: RagStatus;
  readonly due: DueExplanation;
  readonly repeat: boolean;
}

export interface MashQueue {
  readonly items: readonly QueueItem[];
  readonly recent: readonly DecidedRow[];
  readonly counts: { readonly red: number; readonly amber: number; readonly green: number };
}

export async function viewMashQueue(deps: AppDeps, ctx: RequestContext): Promise<MashQueue> {
  return unitOfWork(deps, ctx, async ({ trx, now }) => {
    const actor = requirePermission(ctx, 'front-door:view-queue');
    if (actor === null) return { items: [], recent: [], counts: { red: 0, amber: 0, green: 0 } };
    const [rows, recent] = await Promise.all([listOpenContacts(trx, actor, now), listRecentDecisions(trx, actor, now)]);
    const children = await linkedChildrenOf(trx, rows.map((r) => r.id));
    const repeats = await repeatsOf(trx, rows.map((r) => ({ id: r.id, receivedAt: r.receivedAt, receivedOn: r.receivedOn, childIds: children.get(r.id) ?? [] })));
    const today = londonToday(now);
    const items = rows.map((r) => {
      const receivedOn = parseLocalDate(r.receivedOn);
      return {
        ...r,
        waitingMinutes: Math.max(0, Math.floor((now.getTime() - r.receivedAt.getTime()) / 60_000)),
        rag: mashDecisionRag(receivedOn, today),
        due: explainMashDecisionDue(receivedOn),
        repeat: repeats.get(r.id) ?? false,
      };
    });
    const counts = { red: 0, amber: 0, green: 0 };
    for (const item of items) counts[item.rag.rag] += 1;
    return { items, recent, counts };
  });
}
