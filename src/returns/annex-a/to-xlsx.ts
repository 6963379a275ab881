// Writes Annex A as an .xlsx workbook, one sheet per list with Ofsted's headings in row 1, through
// exceljs's streaming WorkbookWriter (rows are committed as they are written, so a list of tens of
// thousands of rows does not sit in memory as a workbook). Dates are Excel dates shown dd/mm/yyyy.
import ExcelJS from 'exceljs';
import type { Writable } from 'node:stream';
import { ANNEX_A_LISTS } from './headings.ts';
import type { AnnexCell, AnnexList } from './model.ts';

function cellValue(cell: AnnexCell): string | number | Date | null {
  if (cell === null || typeof cell === 'string' || typeof cell === 'number') return cell;
  return new Date(`${cell.date}T00:00:00Z`);
}

export async function writeAnnexA(lists: readonly AnnexList[], output: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Hearth';
  for (const { list, rows } of lists) {
    const spec = ANNEX_A_LISTS[list];
    const sheet = workbook.addWorksheet(spec.sheet);
    sheet.columns = spec.headings.map((header) => ({ header, width: Math.min(60, Math.max(12, header.length + 2)) }));
    sheet.getRow(1).font = { bold: true };
    for (const row of rows) {
      const added = sheet.addRow(row.map(cellValue));
      row.forEach((cell, i) => {
        if (cell !== null && typeof cell === 'object') added.getCell(i + 1).numFmt = 'dd/mm/yyyy';
      });
      added.commit();
    }
    sheet.commit();
  }
  await workbook.commit();
}
