// Finding the people who might match a name, date of birth, NHS number or postcode, fast at a
// million people: every branch below is one index lookup (named in 0005_people_records.sql),
// limited on its own, and only the few hundred ids they find are loaded and scored (in
// src/domain/people/duplicate-score.ts). No branch scans the table.
import { sql, type RawBuilder, type Transaction } from 'kysely';
import type { Actor } from '../../domain/shared/access/actor.ts';
import type { Database } from '../schema.ts';
import { visiblePeople } from './person-visibility.ts';
import { prepared } from '../prepared-statements.ts';

export interface NameParse {
  readonly given: string;
  readonly family: string;
}

export interface CandidateCriteria {
  /** Two-part readings of the name typed (given and family, lower case). */
  readonly parses: readonly NameParse[];
  /** A one-word name, looked for as a family name (and by trigram as either). */
  readonly singleWord: string | null;
  /** The whole name, lower case, for trigram similarity (typos and swapped order). */
  readonly trigramText: string | null;
  /** Exact keys: family name with any form of the given name (nicknames), both ways round. */
  readonly exactKeys: readonly { readonly family: string; readonly givens: readonly string[] }[];
  /** Every word of the name, for the date-of-birth branch's sound filter. */
  readonly words: readonly string[];
  /** Dates of birth near the one typed (exact, day and month swapped, a day or two, one digit). */
  readonly dobs: readonly string[];
  readonly eddRange: { readonly from: string; readonly to: string } | null;
  /**
   * When the caller drops every record whose date of birth is different from the one typed (a
   * search with a date of birth), the name lookups look only at records born on one of these days
   * (src/domain/people/search-criteria.ts dateOfBirthVariants), or with an estimated or no date of
   * birth: a common surname then costs its few namesakes born near that day, not all of them.
   */
  readonly sameBirthOnly: readonly string[] | null;
  readonly nhsNumber: string | null;
  readonly postcodeKey: string | null;
  readonly trigramThreshold: number;
  readonly perBranch: number;
  readonly total: number;
}

const live = sql`merged_into_person_id is null`;

/** The trigram lookup's date-of-birth filter on person and on person_name (its person's). */
function bornNear(c: CandidateCriteria): { person: RawBuilder<unknown>; otherName: RawBuilder<unknown> } {
  if (c.sameBirthOnly === null) return { person: sql``, otherName: sql`` };
  const days = sql`${[...c.sameBirthOnly]}::date[]`;
  return {
    person: sql`and (date_of_birth is null or date_of_birth_estimated or date_of_birth = any(${days}))`,
    otherName: sql`and exists (select 1 from person p where p.id = person_name.person_id and (p.date_of_birth is null or p.date_of_birth_estimated or p.date_of_birth = any(${days})))`,
  };
}

function soundsLike(words: readonly string[]): RawBuilder<unknown> {
  const dm = sql.join(words.map((w) => sql`dmetaphone(${w})`));
  const sx = sql.join(words.map((w) => sql`soundex(${w})`));
  return sql`(family_dm = any(array[${dm}]) or given_dm = any(array[${dm}]) or family_sx = any(array[${sx}]) or given_sx = any(array[${sx}]))`;
}

/**
 * Typing slips the sound and exact lookups miss (a slip in both names, or in the first letter):
 * trigram similarity over the whole name, which also ignores word order. The costliest lookup for
 * a common surname (its trigrams are in many rows), so search runs it only when the cheap lookups
 * found no good match (src/app/people/person-matching.ts).
 */
export async function findTrigramCandidateIds(trx: Transaction<Database>, c: CandidateCriteria): Promise<string[]> {
  if (c.trigramText === null) return [];
  const n = c.perBranch;
  await sql`select set_config('pg_trgm.similarity_threshold', ${String(c.trigramThreshold)}, true)`.execute(trx);
  const near = bornNear(c);
  const result = await sql<{ id: string }>`select id from (
      (select id from person where ${live} and search_name % ${c.trigramText} ${near.person} order by similarity(search_name, ${c.trigramText}) desc limit ${n})
      union all
      (select person_id as id from person_name where search_name % ${c.trigramText} ${near.otherName} order by similarity(search_name, ${c.trigramText}) desc limit ${n})
    ) found group by id`.execute(trx);
  return result.rows.map((r) => r.id);
}

/** The ids of live people that one of the equality lookups finds, at most `total`. */
export async function findCandidateIds(trx: Transaction<Database>, c: CandidateCriteria): Promise<string[]> {
  const n = c.perBranch;
  const branches: RawBuilder<unknown>[] = [];
  // A branch that finds more than `n` (a common name) keeps the `n` closest to the name typed:
  // similarity() is cheap on the rows the index found, so the limit never drops the best match.
  const closest = c.trigramText === null ? sql`` : sql`order by similarity(search_name, ${c.trigramText}) desc`;
  const nameLookups: RawBuilder<unknown>[] = [];
  const both = (where: RawBuilder<unknown>) => {
    nameLookups.push(where);
  };
  for (const p of c.parses) {
    both(sql`((family_dm = dmetaphone(${p.family}) and given_dm = dmetaphone(${p.given})) or (family_dm = dmetaphone(${p.given}) and given_dm = dmetaphone(${p.family})))`);
    both(sql`((family_sx = soundex(${p.family}) and given_sx = soundex(${p.given})) or (family_sx = soundex(${p.given}) and given_sx = soundex(${p.family})))`);
  }
  for (const k of c.exactKeys) {
    if (k.givens.length > 0) both(sql`(lower(family_name) = ${k.family} and lower(given_name) = any(${[...k.givens]}::text[]))`);
  }
  if (c.singleWord !== null) both(sql`(lower(family_name) = ${c.singleWord} or family_dm = dmetaphone(${c.singleWord}))`);
  if (c.sameBirthOnly === null) {
    for (const where of nameLookups) {
      branches.push(sql`(select id from person where ${live} and ${where} ${closest} limit ${n})`);
      branches.push(sql`(select person_id as id from person_name where ${where} ${closest} limit ${n})`);
    }
  } else if (nameLookups.length > 0) {
    // Born near the day typed: the few people born on those days (an index on date_of_birth) whose
    // name matches any lookup, then the few with no firm date of birth (person_birth_unknown_idx).
    // Each is one small scan however common the name; a name lookup alone would read every namesake.
    const anyName = sql`(${sql.join(nameLookups, sql` or `)})`;
    const days = sql`${[...c.sameBirthOnly]}::date[]`;
    branches.push(sql`(select id from person where ${live} and date_of_birth = any(${days}) and ${anyName} ${closest} limit ${c.total})`);
    branches.push(sql`(select id from person where ${live} and (date_of_birth is null or date_of_birth_estimated) and ${anyName} ${closest} limit ${n})`);
    // Other names: the names first (their own indexes; far fewer rows than people), then whether
    // each one's person was born near that day. Materialised, so the planner never reads every
    // other name on the table instead.
    const closestOther = c.trigramText === null ? sql`` : sql`order by similarity(n.search_name, ${c.trigramText}) desc`;
    branches.push(
      sql`(with n as materialized (select person_id, search_name from person_name where ${anyName})
        select n.person_id as id from n join person p on p.id = n.person_id
        where p.date_of_birth = any(${days}) or p.date_of_birth is null or p.date_of_birth_estimated ${closestOther} limit ${n})`,
    );
  }
  if (c.dobs.length > 0) {
    const dobs = sql`${[...c.dobs]}::date[]`;
    branches.push(
      c.words.length === 0
        ? sql`(select id from person where ${live} and date_of_birth = any(${dobs}) limit ${n})`
        : sql`(select id from person where ${live} and date_of_birth = any(${dobs}) and ${soundsLike(c.words)} ${closest} limit ${n})`,
    );
  }
  if (c.eddRange !== null) {
    const near = sql`expected_date_of_delivery between ${c.eddRange.from}::date and ${c.eddRange.to}::date`;
    branches.push(c.words.length === 0 ? sql`(select id from person where ${live} and ${near} limit ${n})` : sql`(select id from person where ${live} and ${near} and ${soundsLike(c.words)} ${closest} limit ${n})`);
  }
  if (c.nhsNumber !== null) branches.push(sql`(select id from person where ${live} and nhs_number = ${c.nhsNumber} limit ${n})`);
  if (c.postcodeKey !== null) {
    branches.push(sql`(select id from person where ${live} and postcode_key = ${c.postcodeKey} limit ${n})`);
    branches.push(sql`(select person_id as id from person_address where postcode_key = ${c.postcodeKey} limit ${n})`);
  }
  if (branches.length === 0) return [];
  const result = await sql<{ id: string }>`select id from (${sql.join(branches, sql` union all `)}) found group by id limit ${c.total}`.execute(trx);
  return result.rows.map((r) => r.id);
}

export interface CandidateRecord {
  readonly id: string;
  readonly personType: 'child' | 'unborn' | 'adult';
  readonly givenName: string;
  readonly familyName: string;
  readonly dateOfBirth: string | null;
  readonly dateOfBirthEstimated: boolean;
  readonly expectedDateOfDelivery: string | null;
  readonly gender: string;
  readonly nhsNumber: string | null;
  readonly postcode: string | null;
  readonly restriction: 'none' | 'restricted' | 'sealed';
  readonly contactName: string | null;
  readonly visible: boolean;
  readonly teamId: string | null;
  readonly teamName: string | null;
  readonly workerName: string | null;
  readonly otherNames: readonly { readonly givenName: string; readonly familyName: string; readonly nameType: string }[];
  readonly pastPostcodes: readonly string[];
  readonly parentIds: readonly string[];
}

/**
 * The records behind candidate ids, with whether the actor may see each (the same rules as every
 * list: src/db/people/person-visibility.ts). Sealed records the actor may not see are never
 * returned; merged records never.
 */
export async function loadCandidates(trx: Transaction<Database>, actor: Actor, now: Date, ids: readonly string[]): Promise<CandidateRecord[]> {
  if (ids.length === 0) return [];
  const visible = visiblePeople(actor, now);
  const query = trx
    .selectFrom('person')
    .leftJoin('allocation as a', (join) => join.onRef('a.childId', '=', 'person.id').on('a.endedOn', 'is', null))
    .leftJoin('team', 'team.id', 'a.teamId')
    .leftJoin('appUser as worker', 'worker.id', 'a.workerUserId')
    .leftJoin('appUser as contact', 'contact.id', 'person.restrictionContactUserId')
    .select((eb) => [
      'person.id',
      'person.personType',
      'person.givenName',
      'person.familyName',
      'person.dateOfBirth',
      'person.dateOfBirthEstimated',
      'person.expectedDateOfDelivery',
      'person.gender',
      'person.nhsNumber',
      'person.postcode',
      'person.restriction',
      'contact.displayName as contactName',
      'a.teamId',
      'team.name as teamName',
      'worker.displayName as workerName',
      sql<boolean>`(${visible(eb)})`.as('visible'),
      // Other names and past postcodes in the same statement: one round trip for the whole list.
      sql<{ givenName: string; familyName: string; nameType: string }[] | null>`(select json_agg(json_build_object('givenName', n.given_name, 'familyName', n.family_name, 'nameType', n.name_type)) from person_name n where n.person_id = person.id)`.as('otherNames'),
      sql<string[] | null>`(select array_agg(pa.postcode) from person_address pa where pa.person_id = person.id)`.as('pastPostcodes'),
      sql<string[] | null>`(select array_agg(r.related_person_id) from person_relationship r where r.person_id = person.id and r.relationship in ('parent', 'step_parent', 'carer'))`.as('parentIds'),
    ])
    // One array parameter, whatever the number of ids (one statement shape to plan).
    .where(sql<boolean>`person.id = any(${[...ids]}::uuid[])`)
    .where('person.mergedIntoPersonId', 'is', null);
  // Every search loads its candidates with this one shape: a named prepared statement, planned once.
  const { rows } = await trx.executeQuery(prepared(query.compile()));
  return rows
    .filter((r) => r.restriction !== 'sealed' || r.visible)
    .map((r) => ({ ...r, visible: r.visible, otherNames: r.otherNames ?? [], pastPostcodes: r.pastPostcodes ?? [], parentIds: r.parentIds ?? [] }));
}

/** The managers of each team, to say whom to ask about a record held there. */
export async function teamManagerNames(trx: Transaction<Database>, teamIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (teamIds.length === 0) return out;
  const rows = await trx
    .selectFrom('teamMembership')
    .innerJoin('appUser', 'appUser.id', 'teamMembership.userId')
    .select(['teamMembership.teamId', 'appUser.displayName'])
    .where('teamMembership.teamId', 'in', [...teamIds])
    .where('teamMembership.isManager', '=', true)
    .where('appUser.active', '=', true)
    .orderBy('appUser.displayName')
    .execute();
  for (const r of rows) out.set(r.teamId, [...(out.get(r.teamId) ?? []), r.displayName]);
  return out;
}
