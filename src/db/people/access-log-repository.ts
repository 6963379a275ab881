// "Who viewed this record": the audit log's rows about a child (views, refusals and changes),
// including those about records since merged into it. Served by audit_event_child_idx
// (child_id, occurred_at).
import type { Transaction } from 'kysely';
import type { Database } from '../schema.ts';

export interface AccessLogRow {
  readonly seq: string;
  readonly occurredAt: Date;
  readonly actorUserId: string | null;
  readonly actorLabel: string;
  readonly action: string;
  readonly outcome: 'success' | 'refused';
  readonly childId: string | null;
  readonly changes: unknown;
}

export async function listAccessLog(trx: Transaction<Database>, childIds: readonly string[], options: { limit: number; offset: number; viewsOnly: boolean }): Promise<{ rows: AccessLogRow[]; more: boolean }> {
  if (childIds.length === 0) return { rows: [], more: false };
  let query = trx
    .selectFrom('auditEvent')
    .select(['seq', 'occurredAt', 'actorUserId', 'actorLabel', 'action', 'outcome', 'childId', 'changes'])
    .where('childId', 'in', [...childIds]);
  if (options.viewsOnly) query = query.where((eb) => eb.or([eb('action', 'like', '%.viewed'), eb('outcome', '=', 'refused')]));
  const rows = await query
    .orderBy('occurredAt', 'desc')
    .orderBy('seq', 'desc')
    .limit(options.limit + 1)
    .offset(options.offset)
    .execute();
  return { rows: rows.slice(0, options.limit), more: rows.length > options.limit };
}

export async function mergedIdsOf(trx: Transaction<Database>, personId: string): Promise<string[]> {
  const rows = await trx.selectFrom('person').select('id').where('mergedIntoPersonId', '=', personId).execute();
  return rows.map((r) => r.id);
}
