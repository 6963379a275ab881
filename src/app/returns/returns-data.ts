// What the statutory returns read from Hearth, behind the 'returns:build' permission. The builders
// in src/returns/ ask for data only through these functions (returns → app → db).
import {
  childrenByIds,
  contactChildrenBetween,
  referralsBetween,
  referralsUpTo,
  type AnnexReferralRow,
  type ChildRow,
  type ContactChildRow,
  type ReferralRow,
} from '../../db/returns/returns-repository.ts';
import type { AppDeps } from '../shared/deps.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { requirePermission } from '../shared/require-permission.ts';

export type { AnnexReferralRow, ChildRow, ContactChildRow, ReferralRow };

export async function readReferralsUpTo(deps: AppDeps, ctx: RequestContext, upTo: string): Promise<ReferralRow[]> {
  requirePermission(ctx, 'returns:build');
  return referralsUpTo(deps.db, upTo);
}

export async function readChildren(deps: AppDeps, ctx: RequestContext, ids: readonly string[]): Promise<ChildRow[]> {
  requirePermission(ctx, 'returns:build');
  return childrenByIds(deps.db, ids);
}

export async function readContactChildren(deps: AppDeps, ctx: RequestContext, from: string, to: string): Promise<ContactChildRow[]> {
  requirePermission(ctx, 'returns:build');
  return contactChildrenBetween(deps.db, from, to);
}

export async function readReferralsBetween(deps: AppDeps, ctx: RequestContext, from: string, to: string): Promise<AnnexReferralRow[]> {
  requirePermission(ctx, 'returns:build');
  return referralsBetween(deps.db, from, to);
}
