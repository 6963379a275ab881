// Demo children's DfE characteristics (ethnicity and disability, as the CIN census codes them), so
// the demo authority's census has what a social worker would have recorded and validates cleanly.
// Deterministic from the record's place in the list (no random draws, so the rest of the demo data is
// unchanged). Synthetic: the codes say nothing about any real child.
import { sql, type Transaction } from 'kysely';
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
