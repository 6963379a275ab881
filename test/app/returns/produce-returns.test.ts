// The returns built from the demo authority on PGlite: the census the demo records give, its
// validation (no errors), deliberately broken records caught by the matching rule, Annex A lists,
// and the permission.
import ExcelJS from 'exceljs';
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
  it('lists every referred child, with no validation errors', async () => {
    const ctx = await contextFor(db, DEMO_USER_IDS.performanceOfficer);
    const out = sink();
    const progress: number[] = [];
    const outcome = await produceCensus(db.deps, ctx, year, out.stream, (p) => {
      progress.push(p.done);
    });
    const referred = await db.handle.db.selectFrom('referral').select('childId').distinct().execute();
    expect(outcome.children).toBe(referred.length);
    expect(outcome.children).toBeGreaterThan(0);
    expect(outcome.failures.filter((f) => f.type === 'error')).toEqual([]);
    expect(out.text()).toContain(`<ReferenceDate>${String(year)}-03-31</ReferenceDate>`);
    expect((out.text().match(/<Child>/g) ?? []).length).toBe(outcome.children);
    expect(progress.length).toBeGreaterThan(1);
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
});
