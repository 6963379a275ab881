// `hearth seed --scale N`: the same seed builds the same authority; its proportions are those of an
// English authority within tolerances; it makes duplicates with a ground truth. On PGlite, and on
// PostgreSQL when TEST_DATABASE_URL is set. Behaviour only: no timings are asserted.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../src/db/shared/audit-repository.ts';
import { dayOf } from '../../../src/db/seed/synthetic/dates.ts';
import { nameChecksum, ScaleAuthorityExistsError, seedScaleAuthority, sizeAuthority, type ScaleResult } from '../../../src/db/seed/synthetic/scale.ts';
import { workersNeeded } from '../../../src/db/seed/synthetic/staff.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';

const AS_OF = '2026-11-01';
const options = { children: 500, seed: 42, asOf: AS_OF } as const;

async function rowCounts(database: TestDatabase): Promise<Record<string, number>> {
  const tables = ['person', 'person_relationship', 'person_name', 'person_address', 'allocation', 'access_grant', 'app_user', 'audit_event', 'contact', 'contact_person', 'referral', 'early_help_referral'];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const result = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(database.handle.db);
    counts[table] = Number(result.rows[0]?.n);
  }
  return counts;
}

describe('a generated authority', () => {
  let first: TestDatabase;
  let second: TestDatabase;
  let third: TestDatabase;
  let result: ScaleResult;

  beforeAll(async () => {
    [first, second, third] = await Promise.all([createTestDatabase(), createTestDatabase(), createTestDatabase()]);
    result = await seedScaleAuthority(first.handle, first.clock.now(), options);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([first.close(), second.close(), third.close()]);
  });

  it('is the same for the same seed: row counts and the checksum of every name', async () => {
    const again = await seedScaleAuthority(second.handle, second.clock.now(), options);
    expect(await rowCounts(second)).toEqual(await rowCounts(first));
    expect(await nameChecksum(second.handle)).toBe(await nameChecksum(first.handle));
    expect(again.duplicates).toEqual(result.duplicates);

    const other = await seedScaleAuthority(third.handle, third.clock.now(), { ...options, seed: 43 });
    expect(other.children).toBe(500);
    expect(await nameChecksum(third.handle)).not.toBe(await nameChecksum(first.handle));
  }, 180_000);

  it('has N children in families with parents and siblings, and keeps the audit chain intact', async () => {
    const db = first.handle.db;
    const scale = sql`id::text like '5ca1e000%'`;
    const children = await sql<{ n: string }>`select count(*)::text as n from person where ${scale} and person_type in ('child', 'unborn')`.execute(db);
    const childDuplicates = result.duplicates.filter((d) => d.personType === 'child').length;
    expect(Number(children.rows[0]?.n)).toBe(500 + childDuplicates);
    expect(result.people / result.children).toBeGreaterThan(1.7);
    expect(result.people / result.children).toBeLessThan(2.5);
    expect(result.families).toBeGreaterThan(500 / 2.6);
    expect(result.families).toBeLessThan(500 / 1.5);

    const relationships = await sql<{ relationship: string; n: string }>`select relationship, count(*)::text as n from person_relationship group by relationship`.execute(db);
    const byKind = Object.fromEntries(relationships.rows.map((r) => [r.relationship, Number(r.n)]));
    expect(byKind['parent']).toBe(byKind['child']);
    expect(byKind['sibling'] ?? 0).toBeGreaterThan(50);
    const noMother = await sql<{ n: string }>`select count(*)::text as n from person c where ${sql`c.id::text like '5ca1e000%'`} and c.person_type = 'child'
      and not exists (select 1 from person_relationship r where r.person_id = c.id and r.relationship = 'parent')`.execute(db);
    expect(Number(noMother.rows[0]?.n)).toBeLessThanOrEqual(childDuplicates);

    const chain = await verifyAuditChain(db);
    expect(chain.ok).toBe(true);
    expect(chain.checked).toBeGreaterThan(500);
    await expect(seedScaleAuthority(first.handle, first.clock.now(), options)).rejects.toBeInstanceOf(ScaleAuthorityExistsError);
  });

  it('allocates open cases across the teams with Family Support caseloads of at most 9 families per worker', async () => {
    const db = first.handle.db;
    const open = await sql<{ code: string; n: string }>`select t.code, count(*)::text as n from allocation a join team t on t.id = a.team_id
      where a.ended_on is null and a.child_id::text like '5ca1e000%' group by t.code`.execute(db);
    const openByTeam = Object.fromEntries(open.rows.map((r) => [r.code, Number(r.n)]));
    const openTotal = Object.values(openByTeam).reduce((a, b) => a + b, 0);
    expect(openTotal / 500).toBeGreaterThan(0.02);
    expect(openTotal / 500).toBeLessThan(0.15);
    const familySupport = (openByTeam['FST_NORTH'] ?? 0) + (openByTeam['FST_CENTRAL'] ?? 0) + (openByTeam['FST_SOUTH'] ?? 0);
    expect(familySupport).toBeGreaterThan(0);

    // Families per worker: children sharing a mother count once.
    const caseloads = await sql<{ families: string }>`select count(distinct r.related_person_id)::text as families from allocation a
      join team t on t.id = a.team_id join person_relationship r on r.person_id = a.child_id and r.relationship = 'parent'
      join person m on m.id = r.related_person_id and m.gender = 'female'
      where a.ended_on is null and t.code like 'FST_%' and a.worker_user_id::text like '5ca1e000%' group by a.worker_user_id`.execute(db);
    expect(caseloads.rows.length).toBeGreaterThan(0);
    for (const row of caseloads.rows) expect(Number(row.families)).toBeLessThanOrEqual(9);

    // Each episode starts at the front door: a contact, decided (or in screening today), and the
    // referrals it made lead to the allocation that followed.
    const contacts = await sql<{ status: string; n: string }>`select status, count(*)::text as n from contact group by status`.execute(db);
    const byStatus = Object.fromEntries(contacts.rows.map((r) => [r.status, Number(r.n)]));
    expect(byStatus['decided'] ?? 0).toBeGreaterThan(result.families);
    const referrals = await sql<{ n: string; bad: string }>`select count(*)::text as n,
      count(*) filter (where r.status = 'allocated' and (a.child_id <> r.child_id or a.team_id <> r.team_id))::text as bad
      from referral r left join allocation a on a.id = r.allocation_id`.execute(db);
    expect(Number(referrals.rows[0]?.n)).toBeGreaterThan(0);
    expect(Number(referrals.rows[0]?.bad)).toBe(0);

    const inactiveHoldingOpen = await sql<{ n: string }>`select count(*)::text as n from allocation a join app_user u on u.id = a.worker_user_id
      where a.ended_on is null and not u.active`.execute(db);
    expect(Number(inactiveHoldingOpen.rows[0]?.n)).toBe(0);
    const history = await sql<{ n: string }>`select count(*)::text as n from allocation where ended_on is not null and started_on < ${'2020-01-01'}::date`.execute(db);
    expect(Number(history.rows[0]?.n)).toBeGreaterThan(0);
  });

  it('records duplicates with their ground truth: typos, nicknames, swapped names and dates, new surnames', async () => {
    const truth = result.duplicates;
    const childShare = truth.filter((d) => d.personType === 'child').length / 500;
    expect(childShare).toBeGreaterThan(0.003);
    expect(childShare).toBeLessThan(0.06);
    const ids = truth.flatMap((d) => [d.originalId, d.duplicateId]);
    const rows = await first.handle.db.selectFrom('person').select(['id', 'givenName', 'familyName', 'dateOfBirth', 'createdAt']).where('id', 'in', ids).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const pair of truth) {
      const original = byId.get(pair.originalId);
      const duplicate = byId.get(pair.duplicateId);
      expect(original).toBeDefined();
      expect(duplicate).toBeDefined();
      expect(pair.kinds.length).toBeGreaterThan(0);
      expect(duplicate!.createdAt.getTime()).toBeGreaterThan(original!.createdAt.getTime());
      const same = original!.givenName === duplicate!.givenName && original!.familyName === duplicate!.familyName && original!.dateOfBirth === duplicate!.dateOfBirth;
      if (!pair.kinds.every((k) => k === 'moved-address' || k === 'no-nhs-number')) expect(same).toBe(false);
    }
  });
});

describe('the proportions of a large authority (planning only, no database)', () => {
  const { tally } = sizeAuthority(2026, 60_000, dayOf(AS_OF), 10);
  const status = (s: string) => tally.byStatus.get(s) ?? 0;
  const inNeed = status('child_in_need') + status('child_protection') + status('looked_after') + status('disabled');

  it('has children in need, on plans and in care in national proportions [CIN24, CLA24]', () => {
    expect(inNeed / 60_000).toBeGreaterThan(0.03);
    expect(inNeed / 60_000).toBeLessThan(0.08);
    expect(status('child_protection') / inNeed).toBeGreaterThan(0.08);
    expect(status('child_protection') / inNeed).toBeLessThan(0.18);
    expect(status('looked_after') / inNeed).toBeGreaterThan(0.15);
    expect(status('looked_after') / inNeed).toBeLessThan(0.3);
    expect(status('care_leaver')).toBeGreaterThan(0);
  });

  it('sizes Family Support at 9 families per worker (seed 000)', () => {
    const need = workersNeeded(tally);
    for (const team of ['FST_NORTH', 'FST_CENTRAL', 'FST_SOUTH']) {
      const families = tally.openFamilies.get(team) ?? 0;
      expect(need.get(team)).toBe(Math.ceil(families / 9));
    }
  });
});
