// Every disabilities use case opens the child's record the same way: the function-level permission,
// then the record rules for a change (or a read), inside the use case's own transaction.
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Permission } from '../../domain/shared/access/permissions.ts';
import { openChildRecord, type OpenedChildRecord } from '../records/child-page.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';

export async function openForChange(
  trx: Transaction<Database>,
  ctx: RequestContext,
  permission: Permission,
  childId: string,
  now: Date,
): Promise<OpenedChildRecord> {
  requirePermission(ctx, permission);
  return openChildRecord(trx, ctx.actor, 'change', childId, now);
}

/** Serialises changes to one child's disabilities records (two decisions recorded at once never clash). */
export async function lockChild(trx: Transaction<Database>, childId: string): Promise<void> {
  await trx.selectFrom('person').select('id').where('id', '=', childId).forUpdate().execute();
}

export const DISABILITIES_MODULE = { module: 'disabilities' } as const;
