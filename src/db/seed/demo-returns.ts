// Demo children's DfE characteristics (ethnicity and disability, as the CIN census codes them), so
// the demo authority's census has what a social worker would have recorded and validates cleanly.
// Deterministic from the record's place in the list (no random draws, so the rest of the demo data is
// unchanged). Synthetic: the codes say nothing about any real child.
import { sql, type Transaction } from 'kysely';
import { ofSchoolAgeForCensus } from '../../domain/shared/codes/dfe/upn-unknown-reason.ts';
import type { Database } from '../schema.ts';

const ETHNICITIES = ['WBRI', 'WBRI', 'WBRI', 'WOTH', 'MWBC', 'AIND', 'APKN', 'BAFR', 'BCRB', 'WBRI', 'MOTH', 'CHNE', 'WROM', 'ABAN', 'OOTH', 'NOBT'] as const;
const DISABILITIES: readonly (readonly string[])[] = [
  ['NONE'],
  ['NONE'],
  ['NONE'],
  ['NONE'],
  ['NONE'],
  ['NONE'],
  ['LD'],
  ['NONE'],
  ['AUT', 'COMM'],
  ['NONE'],
  ['MOB'],
];
/** Why a school-age demo child has no UPN (CIN census UPNunknown; UN1 is the census's own, from age). */
const UPN_UNKNOWN_REASONS = ['UN2', 'UN6', 'UN3', 'UN6', 'UN5'] as const;

/**
 * Records why the UPN is not known for each demo child with none who is of school age (as CIN census
 * rule 8770Q counts it) at the reference date of the collection year `now` falls in (31 March after
 * it), so the demo census gives every such child a reason. Run after every module's demo seed.
 */
export async function seedDemoUpnReasons(trx: Transaction<Database>, now: Date): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4)) + (today.slice(5) >= '04-01' ? 1 : 0);
  const referenceDate = `${String(year)}-03-31`;
  const children = await trx
    .selectFrom('person')
    .select(['id', 'dateOfBirth'])
    .where('personType', '=', 'child')
    .where('upn', 'is', null)
    .where('upnUnknownReason', 'is', null)
    .where('dateOfBirth', 'is not', null)
    .orderBy('id')
    .execute();
  const schoolAge = children.filter((c) => c.dateOfBirth !== null && ofSchoolAgeForCensus(c.dateOfBirth, referenceDate));
  for (const [i, child] of schoolAge.entries()) {
    await trx
      .updateTable('person')
      .set({ upnUnknownReason: UPN_UNKNOWN_REASONS[i % UPN_UNKNOWN_REASONS.length] ?? 'UN6' })
      .where('id', '=', child.id)
      .execute();
  }
  return schoolAge.length;
}

/** Fills in whichever of ethnicity and disability a demo child lacks; run after every module's demo seed. */
export async function seedDemoCharacteristics(trx: Transaction<Database>): Promise<number> {
  const children = await trx
    .selectFrom('person')
    .select(['id', 'ethnicity', 'disabilities'])
    .where('personType', '=', 'child')
    .where((eb) => eb.or([eb('ethnicity', 'is', null), eb(sql<number>`cardinality(disabilities)`, '=', 0)]))
    .orderBy('id')
    .execute();
  for (const [i, child] of children.entries()) {
    await trx
      .updateTable('person')
      .set({
        ethnicity: child.ethnicity ?? ETHNICITIES[i % ETHNICITIES.length] ?? 'NOBT',
        disabilities: child.disabilities.length > 0 ? child.disabilities : [...(DISABILITIES[i % DISABILITIES.length] ?? ['NONE'])],
      })
      .where('id', '=', child.id)
      .execute();
  }
  return children.length;
}
