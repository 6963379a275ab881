// Real files of every allowed kind, and spoofs of them, for the document tests.
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { storedZip } from './zip.ts';

const base64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));
export const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

export const PDF = utf8(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n' +
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
/** A 1×1 PNG. */
export const PNG = base64('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==');
/** A 1×1 baseline JPEG (JFIF). */
export const JPEG = base64(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
);
export const TXT = utf8('Visit notes – Zoë, Nguyễn, Siân 👍\r\nSecond line\twith a tab\n');
export const EML = utf8(
  'Received: from mail.example.gov.uk\r\nFrom: School Office <office@school.example>\r\nTo: MASH <mash@example.gov.uk>\r\n' +
    'Subject: Attendance concern\r\nDate: Mon, 2 Mar 2026 09:14:00 +0000\r\nMessage-ID: <1@school.example>\r\nMIME-Version: 1.0\r\n' +
    'Content-Type: text/plain; charset=utf-8\r\n\r\nPlease see the attendance figures attached.\r\n',
);

export async function realDocx(text = 'Synthetic report'): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: [new Paragraph({ children: [new TextRun(text)] })] }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const CONTENT_TYPES_XLSX =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';

export const XLSX = storedZip([
  ['[Content_Types].xml', CONTENT_TYPES_XLSX],
  ['_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'],
  ['xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'],
  ['xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'],
  ['xl/worksheets/sheet1.xml', '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>'],
]);

export const ODT = storedZip([
  ['mimetype', 'application/vnd.oasis.opendocument.text'],
  ['META-INF/manifest.xml', '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>'],
  ['content.xml', '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'],
]);

/** An OpenDocument spreadsheet: a real ODF file, but not a text document. */
export const ODS = storedZip([
  ['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'],
  ['content.xml', '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'],
]);

/** A Word file with macros (docm): a VBA project inside. */
export const DOCM = storedZip([
  ['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
  ['word/document.xml', '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'],
  ['word/vbaProject.bin', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0])],
]);

export const PLAIN_ZIP = storedZip([['notes.txt', 'hello']]);
/** The start of a Windows program ("MZ"). */
export const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00]);
export const HTML = utf8('<!doctype html><html><body><script>alert(1)</script></body></html>');
export const SVG = utf8('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>');
export const GIF = utf8('GIF89a\u0001\u0000\u0001\u0000');
