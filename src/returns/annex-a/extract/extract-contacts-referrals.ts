// Lists 1 and 3 from the front door's tables (migration 0008): every child named on a contact in the
// window, and every referral to children's social care, with the child's characteristics from
// `person`. A child named on a contact but never linked to a record is listed under an identifier
// made from the contact's reference and the child's place on it, with the date of birth the contact
// gave (gender and ethnicity not known).
import { readContactChildren, readReferralsBetween } from '../../../app/returns/returns-data.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import type { RequestContext } from '../../../app/shared/request-context.ts';
import type { AnnexContactRow, AnnexReferralRow } from '../sources.ts';
import { annexChild, childrenOf } from './annex-children.ts';

export async function extractContacts(deps: AppDeps, ctx: RequestContext, from: string, to: string): Promise<AnnexContactRow[]> {
  const rows = await readContactChildren(deps, ctx, from, to);
  const people = await childrenOf(
    deps,
    ctx,
    rows.flatMap((r) => (r.personId === null ? [] : [r.personId])),
  );
  return rows.map((r) => ({
    child:
      r.personId === null
        ? {
            personId: null,
            childUniqueId: `C${r.reference.replace('-', '')}${String(r.position)}`,
            gender: null,
            ethnicity: null,
            dateOfBirth: r.contactDateOfBirth,
            disabilities: [],
          }
        : annexChild(r.personId, people.get(r.personId)),
    receivedOn: r.receivedOn,
    source: r.referralSource,
  }));
}

export async function extractReferrals(deps: AppDeps, ctx: RequestContext, from: string, to: string): Promise<AnnexReferralRow[]> {
  const rows = await readReferralsBetween(deps, ctx, from, to);
  const people = await childrenOf(
    deps,
    ctx,
    rows.map((r) => r.childId),
  );
  return rows.map((r) => ({
    child: annexChild(r.childId, people.get(r.childId)),
    referredOn: r.referredOn,
    source: r.referralSource,
    // A referral row is made only for a contact going on to assessment or a strategy discussion.
    nfa: false,
    referralsInLast12Months: r.referralsInLast12Months,
    team: r.teamName,
    worker: r.workerName,
  }));
}
