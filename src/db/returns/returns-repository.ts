// Reads for the statutory returns (CIN census, Ofsted Annex A). A return covers every child the
// authority worked with, whatever the record's restriction: the DfE and Ofsted require all of them,
// and the figures leave Hearth only as the return itself. No names are read: the returns carry
// identifiers, dates and codes. A merged record is reported under the record it was merged into.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.ts';

type Db = Transaction<Database> | Kysely<Database>;

export interface ReferralRow {
  readonly childId: string;
  readonly referredOn: string;
  readonly referralSource: string;
}

/** Every referral to children's social care on or before `upTo`, by child and date. */
export async function referralsUpTo(db: Db, upTo: string): Promise<ReferralRow[]> {
  return db
    .selectFrom('referral as r')
    .innerJoin('person as p', 'p.id', 'r.childId')
    .select([sql<string>`coalesce(p.merged_into_person_id, r.child_id)`.as('childId'), 'r.referredOn', 'r.referralSource'])
    .where('r.referredOn', '<=', upTo)
    .orderBy('childId')
    .orderBy('r.referredOn')
    .execute();
}

export interface ChildRow {
  readonly id: string;
  readonly personType: 'child' | 'unborn' | 'adult';
  readonly dateOfBirth: string | null;
  readonly expectedDateOfDelivery: string | null;
  readonly gender: string;
  readonly ethnicity: string | null;
  readonly disabilities: string[];
  readonly upn: string | null;
}

/** The characteristics of the given children (identifiers, dates of birth, sex, ethnicity, disability). */
export async function childrenByIds(db: Db, ids: readonly string[]): Promise<ChildRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('person')
    .select(['id', 'personType', 'dateOfBirth', 'expectedDateOfDelivery', 'gender', 'ethnicity', 'disabilities', 'upn'])
    .where('id', 'in', ids)
    .execute();
}

export interface ContactChildRow {
  readonly contactId: string;
  readonly reference: string;
  readonly position: number;
  readonly receivedOn: string;
  readonly referralSource: string;
  /** Null when the child named on the contact was never linked to a record. */
  readonly personId: string | null;
  readonly contactDateOfBirth: string | null;
}

/** Every child named on a contact received between `from` and `to` inclusive. */
export async function contactChildrenBetween(db: Db, from: string, to: string): Promise<ContactChildRow[]> {
  return db
    .selectFrom('contact as c')
    .innerJoin('contactPerson as cp', 'cp.contactId', 'c.id')
    .leftJoin('person as p', 'p.id', 'cp.personId')
    .select([
      'c.id as contactId',
      'c.reference',
      'cp.position',
      'c.receivedOn',
      'c.referralSource',
      sql<string | null>`coalesce(p.merged_into_person_id, cp.person_id)`.as('personId'),
      'cp.dateOfBirth as contactDateOfBirth',
    ])
    .where('cp.role', '=', 'child')
    .where('c.receivedOn', '>=', from)
    .where('c.receivedOn', '<=', to)
    .orderBy('c.receivedOn')
    .orderBy('c.reference')
    .orderBy('cp.position')
    .execute();
}

export interface AnnexReferralRow {
  readonly childId: string;
  readonly referredOn: string;
  readonly referralSource: string;
  readonly teamName: string;
  readonly workerName: string | null;
  /** Referrals of the same child in the 12 months before this one. */
  readonly referralsInLast12Months: number;
}

/** Referrals made between `from` and `to`, with the team and worker they went to. */
export async function referralsBetween(db: Db, from: string, to: string): Promise<AnnexReferralRow[]> {
  const rows = await db
    .selectFrom('referral as r')
    .innerJoin('person as p', 'p.id', 'r.childId')
    .innerJoin('team as t', 't.id', 'r.teamId')
    .leftJoin('appUser as u', 'u.id', 'r.allocatedWorkerUserId')
    .select([
      sql<string>`coalesce(p.merged_into_person_id, r.child_id)`.as('childId'),
      'r.referredOn',
      'r.referralSource',
      't.name as teamName',
      'u.displayName as workerName',
      sql<string>`(select count(*) from referral r2 where r2.child_id = r.child_id and r2.referred_on < r.referred_on and r2.referred_on >= r.referred_on - interval '12 months')`.as(
        'earlier',
      ),
    ])
    .where('r.referredOn', '>=', from)
    .where('r.referredOn', '<=', to)
    .orderBy('r.referredOn')
    .orderBy('childId')
    .execute();
  return rows.map(({ earlier, ...r }) => ({ ...r, referralsInLast12Months: Number(earlier) }));
}
