// Annex A workbook: one sheet per list, Ofsted's headings in row 1, cells in heading order, dates as
// dates shown dd/mm/yyyy, drop-down values with Ofsted's letter prefixes.
import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { annexEthnicity, annexGender, annexSource } from '../../../src/returns/annex-a/codes.ts';
import { ANNEX_A_LISTS, ANNEX_A_LIST_NUMBERS } from '../../../src/returns/annex-a/headings.ts';
import { ageAt, list1Contacts, list3Referrals } from '../../../src/returns/annex-a/lists.ts';
import type { AnnexList } from '../../../src/returns/annex-a/model.ts';
import { writeAnnexA } from '../../../src/returns/annex-a/to-xlsx.ts';
import { annexWindow } from '../../../src/returns/annex-a/window.ts';

async function toBuffer(lists: readonly AnnexList[]): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  await writeAnnexA(lists, stream);
  return Buffer.concat(chunks);
}

const window = annexWindow('2026-03-31', 12);
const child = { personId: 'p1', childUniqueId: 'ABC123', gender: 'female', ethnicity: 'APKN', dateOfBirth: '2012-08-08', disabilities: ['NONE'] };

describe('Annex A workbook', () => {
  it('has one sheet per list with the January 2024 headings, and rows in heading order', async () => {
    const lists: AnnexList[] = ANNEX_A_LIST_NUMBERS.map((list) => ({ list, rows: [] }));
    lists[0] = { list: 1, rows: list1Contacts([{ child, receivedOn: '2025-09-16', source: '6' }], window) };
    lists[2] = {
      list: 3,
      rows: list3Referrals([{ child, referredOn: '2025-09-17', source: '8', nfa: false, referralsInLast12Months: 0, team: 'MASH', worker: null }], window),
    };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await toBuffer(lists)) as unknown as ExcelJS.Buffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['List 1', 'List 2', 'List 3', 'List 4', 'List 5', 'List 6', 'List 7']);
    for (const n of ANNEX_A_LIST_NUMBERS) {
      const sheet = book.getWorksheet(ANNEX_A_LISTS[n].sheet);
      expect((sheet?.getRow(1).values as unknown[]).slice(1)).toEqual([...ANNEX_A_LISTS[n].headings]);
    }
    const contact = book.getWorksheet('List 1')?.getRow(2);
    expect(contact?.getCell(1).value).toBe('ABC123');
    expect(contact?.getCell(2).value).toBe('b) Female');
    expect(contact?.getCell(3).value).toBe('k) APKN');
    expect(contact?.getCell(4).value).toEqual(new Date('2012-08-08T00:00:00Z'));
    expect(contact?.getCell(4).numFmt).toBe('dd/mm/yyyy');
    expect(contact?.getCell(5).value).toBe(13);
    expect(contact?.getCell(7).value).toBe('q) 6: Police');
    const referral = book.getWorksheet('List 3')?.getRow(2);
    expect(referral?.getCell(7).value).toBe('s) 8: Other');
    expect(referral?.getCell(8).value).toBe('b) No');
    expect(referral?.getCell(10).value).toBe('MASH');
  });

  it('uses the drop-down values of the workbook’s sample rows', () => {
    expect(annexGender('male')).toBe('a) Male');
    expect(annexGender('not_known')).toBe('c) Not stated/recorded');
    expect(annexEthnicity('WBRI')).toBe('a) WBRI');
    expect(annexEthnicity('MOTH')).toBe('i) MOTH');
    expect(annexEthnicity('OOTH')).toBe('r) OOTH');
    expect(annexEthnicity('NOBT')).toBe('s) NOBT');
    expect(annexSource('5D')).toBe(annexSource('5B'));
    expect(annexSource('10')).toBe('u) 10: Unknown');
  });

  it('windows are 6 or 12 months ending on the chosen date; ages are whole years at its end', () => {
    expect(annexWindow('2026-03-31', 12)).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(annexWindow('2026-03-31', 6)).toEqual({ from: '2025-10-01', to: '2026-03-31' });
    expect(ageAt('2015-04-01', '2026-03-31')).toBe(10);
    expect(ageAt('2015-03-31', '2026-03-31')).toBe(11);
    expect(ageAt(null, '2026-03-31')).toBeNull();
  });
});
