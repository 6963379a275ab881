// Child identifiers and characteristics, from `person` (migrations 0004-0005: DfE ethnicity and
// disability codes, UPN, date of birth or expected date of delivery) and the LA child identifier
// (migration 0020).
import { readChildren } from '../../../app/returns/returns-data.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import type { RequestContext } from '../../../app/shared/request-context.ts';
import type { CensusPersonRow } from './sources.ts';

export async function extractPeople(deps: AppDeps, ctx: RequestContext, personIds: readonly string[]): Promise<CensusPersonRow[]> {
  const rows = await readChildren(deps, ctx, personIds);
  return rows.map((r) => ({
    personId: r.id,
    personType: r.personType,
    dateOfBirth: r.dateOfBirth,
    expectedDateOfDelivery: r.expectedDateOfDelivery,
    gender: r.gender,
    ethnicity: r.ethnicity,
    disabilities: r.disabilities,
    upn: r.upn,
    upnUnknownReason: r.upnUnknownReason,
    laChildId: r.laChildId,
  }));
}
