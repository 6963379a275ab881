// The returns built from the demo authority on PGlite: the census the demo records give, its
// validation (no errors), deliberately broken records caught by the matching rule, Annex A lists,
// and the permission.
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessRefusedError } from '../../../src/app/shared/errors.ts';
import { DEMO_USER_IDS } from '../../../src/db/seed/users.ts';
import { annexWindow } from '../../../src/returns/annex-a/window.ts';
import { produceAnnexA, produceCensus } from '../../../src/returns/produce.ts';
import { contextFor, createTestAuthority } from '../../support/authority.ts';
import type { TestDatabase } from '../../support/database.ts';

function sink(): { stream: PassThrough; text: () => string; buffer: () => Buffer } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8'), buffer: () => Buffer.concat(chunks) };
}

let db: TestDatabase;
let year: number;
let today: string;

beforeAll(async () => {
  db = await createTestAuthority();
  const now = db.clock.now();
  today = now.toISOString().slice(0, 10);
  // The census year that contains today (it ends on 31 March).
  year = now.getUTCMonth() >= 3 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
});

afterAll(async () => {
  await db.close();
});

describe('CIN census from the demo authority', () => {
  it('lists every child with a referral or recorded work, with no validation errors', async () => {
    const ctx = await contextFor(db, DEMO_USER_IDS.performanceOfficer);
    const out = sink();
    const progress: number[] = [];
    const outcome = await produceCensus(db.deps, ctx, year, out.stream, (p) => {
      progress.push(p.done);
    });
    const known = await sql<{ childId: string }>`
      select child_id as "childId" from referral union select child_id from cin_episode
      union select child_id from section47_enquiry union select child_id from cp_plan`.execute(db.handle.db);
    expect(outcome.children).toBe(known.rows.length);
    expect(outcome.children).toBeGreaterThan(0);
    expect(outcome.failures.filter((f) => f.type === 'error')).toEqual([]);
    expect(out.text()).toContain(`<ReferenceDate>${String(year)}-03-31</ReferenceDate>`);
    expect((out.text().match(/<Child>/g) ?? []).length).toBe(outcome.children);
    expect(progress.length).toBeGreaterThan(1);
  });

  it('reports the assessments, section 47 enquiries and child protection plans the demo records hold', async () => {
    const ctx = await contextFor(db, DEMO_USER_IDS.performanceOfficer);
    const yearStart = `${String(year - 1)}-04-01`;
    const yearEnd = `${String(year)}-03-31`;
    const out = sink();
    const outcome = await produceCensus(db.deps, ctx, year, out.stream);
    expect(outcome.failures.filter((f) => f.type === 'error')).toEqual([]);
    const xml = out.text();
    // Every assessment and section 47 enquiry of the year that follows one of the child's referrals.
    const referredBefore = (alias: 'a' | 'e', column: 'a.referredOn' | 'e.startedOn') =>
      sql<boolean>`exists (select 1 from referral r where r.child_id = ${sql.ref(`${alias}.childId`)} and r.referred_on <= ${sql.ref(column)})`;
    const assessments = await db.handle.db
      .selectFrom('assessment as a')
      .select(['a.factors', 'a.authorisedOn'])
      .where('a.authorisedOn', '>=', yearStart)
      .where('a.authorisedOn', '<=', yearEnd)
      .where(referredBefore('a', 'a.referredOn'))
      .execute();
    const s47s = await db.handle.db
      .selectFrom('section47Enquiry as e')
      .select('e.startedOn')
      .where('e.startedOn', '>=', yearStart)
      .where('e.startedOn', '<=', yearEnd)
      .where(referredBefore('e', 'e.startedOn'))
      .execute();
    expect(assessments.length).toBeGreaterThan(0);
    expect(s47s.length).toBeGreaterThan(0);
    for (const a of assessments) {
      expect(xml).toContain(`<AssessmentAuthorisationDate>${String(a.authorisedOn)}</AssessmentAuthorisationDate>`);
      for (const f of a.factors) expect(xml).toContain(`<AssessmentFactors>${f}</AssessmentFactors>`);
    }
    for (const s of s47s) expect(xml).toContain(`<S47ActualStartDate>${s.startedOn}</S47ActualStartDate>`);
    expect(xml).toMatch(/<PrimaryNeedCode>N[1-9]<\/PrimaryNeedCode>/);
    // Every child protection plan open in the year, in its child's record, after the referral the demo records for it.
    const plans = await db.handle.db
      .selectFrom('cpPlan as p')
      .innerJoin('person as c', 'c.id', 'p.childId')
      .select(['c.laChildId', 'p.startedOn', 'p.initialCategory'])
      .where('p.startedOn', '<=', yearEnd)
      .where((eb) => eb.or([eb('p.endedOn', 'is', null), eb('p.endedOn', '>=', yearStart)]))
      .execute();
    expect(plans.length).toBeGreaterThanOrEqual(7);
    for (const plan of plans) {
      const child = xml.split('<Child>').find((c) => c.includes(`<LAchildID>${plan.laChildId}</LAchildID>`));
      expect(child, `child ${plan.laChildId}`).toBeDefined();
      expect(child).toContain(`<CPPstartDate>${plan.startedOn}</CPPstartDate>`);
      expect(child).toContain(`<InitialCategoryOfAbuse>${plan.initialCategory}</InitialCategoryOfAbuse>`);
      expect(child).toContain('<NumberOfPreviousCPP>');
      // The plan's conference, called from the child's record, is on the episode (no section 47 in the demo).
      if (plan.startedOn >= yearStart) expect(child).toContain(`<DateOfInitialCPC>${plan.startedOn}</DateOfInitialCPC>`);
    }
    // The demo records the referral that led to each plan, child in need plans included (each after an
    // assessment), so no episode begins with an unknown source (query H01Q), and every episode has a
    // primary need (rule 8610): an assessment's, or the one recorded at the referral.
    const withoutReferral = await sql<{ childId: string }>`
      select distinct e.child_id as "childId" from cin_episode e
      where e.started_on <= ${yearEnd} and (e.closed_on is null or e.closed_on >= ${yearStart})
        and not exists (select 1 from referral r where r.child_id = e.child_id and r.referred_on <= e.started_on)`.execute(db.handle.db);
    expect(withoutReferral.rows).toEqual([]);
    expect(outcome.failures.filter((f) => f.code === 'H01Q' || f.code === '8610')).toEqual([]);
  });

  it('catches a broken record with the matching rule', async () => {
    const ctx = await contextFor(db, DEMO_USER_IDS.performanceOfficer);
    const referral = await db.handle.db.selectFrom('referral').select('childId').executeTakeFirstOrThrow();
    await db.handle.db.updateTable('person').set({ disabilities: [], ethnicity: null }).where('id', '=', referral.childId).execute();
    const outcome = await produceCensus(db.deps, ctx, year, sink().stream);
    const mine = outcome.failures.filter((f) => f.personId === referral.childId).map((f) => f.code);
    expect(mine).toEqual(expect.arrayContaining(['4220', '8540']));
  });

  it('is refused to a role without returns:build', async () => {
    const ctx = await contextFor(db, DEMO_USER_IDS.socialWorker);
    await expect(produceCensus(db.deps, ctx, year, sink().stream)).rejects.toBeInstanceOf(AccessRefusedError);
  });
});

describe('Annex A from the demo authority', () => {
  it('lists contacts and referrals in the window', async () => {
    const ctx = await contextFor(db, DEMO_USER_IDS.performanceOfficer);
    const out = sink();
    const window = annexWindow(today, 12);
    const outcome = await produceAnnexA(db.deps, ctx, window, out.stream);
    const contacts = await db.handle.db
      .selectFrom('contactPerson as cp')
      .innerJoin('contact as c', 'c.id', 'cp.contactId')
      .where('cp.role', '=', 'child')
      .where('c.receivedOn', '>=', window.from)
      .where('c.receivedOn', '<=', window.to)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(outcome.rows[1]).toBe(Number(contacts.n));
    expect(outcome.rows[1]).toBeGreaterThan(0);
    expect(outcome.rows[3]).toBeGreaterThan(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(out.buffer() as unknown as ExcelJS.Buffer);
    expect(book.getWorksheet('List 1')?.rowCount).toBe(Number(contacts.n) + 1);
  });

  it('lists the early help, assessment, section 47, child in need and child protection records in the window', async () => {
    const ctx = await contextFor(db, DEMO_USER_IDS.performanceOfficer);
    const out = sink();
    const window = annexWindow(today, 12);
    const outcome = await produceAnnexA(db.deps, ctx, window, out.stream);
    const openPlans = await db.handle.db
      .selectFrom('cpPlan')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('startedOn', '<=', window.to)
      .where((eb) => eb.or([eb('endedOn', 'is', null), eb('endedOn', '>=', window.from)]))
      .executeTakeFirstOrThrow();
    expect(outcome.rows[7]).toBe(Number(openPlans.n));
    for (const list of [2, 4, 5, 6, 7]) expect(outcome.rows[list], `list ${String(list)}`).toBeGreaterThan(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(out.buffer() as unknown as ExcelJS.Buffer);
    expect(book.getWorksheet('List 7')?.rowCount).toBe(Number(openPlans.n) + 1);
  });
});
