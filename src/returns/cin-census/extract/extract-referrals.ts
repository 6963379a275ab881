// Referrals to children's social care, from the front door's `referral` table (migration 0008).
// A referral row exists only for a contact that went on to an assessment or a strategy discussion,
// so none is a referral with no further action (ReferralNFA false).
import { readReferralsUpTo } from '../../../app/returns/returns-data.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import type { RequestContext } from '../../../app/shared/request-context.ts';
import type { CensusReferralRow } from './sources.ts';

export async function extractReferrals(deps: AppDeps, ctx: RequestContext, upTo: string): Promise<CensusReferralRow[]> {
  const rows = await readReferralsUpTo(deps, ctx, upTo);
  return rows.map((r) => ({ personId: r.childId, referredOn: r.referredOn, referralSource: r.referralSource, nfa: false, primaryNeedCode: r.primaryNeed }));
}
