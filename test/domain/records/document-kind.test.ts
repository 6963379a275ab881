import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { identifyDocument, MAX_DOCUMENT_BYTES, sniffDocumentContent, zipEntryNames } from '../../../src/domain/records/document-kind.ts';
import { DOCM, EML, EXE, GIF, HTML, JPEG, ODS, ODT, PDF, PLAIN_ZIP, PNG, realDocx, SVG, TXT, utf8, XLSX } from './document-fixtures.ts';

let DOCX: Uint8Array;
beforeAll(async () => {
  DOCX = await realDocx();
});

describe('what the bytes are (magic numbers and ZIP parts, not names)', () => {
  it.each([
    ['a PDF', () => PDF, 'pdf'],
    ['a PNG', () => PNG, 'png'],
    ['a JPEG', () => JPEG, 'jpeg'],
    ['a Word document made by the docx package', () => DOCX, 'docx'],
    ['an Excel workbook', () => XLSX, 'xlsx'],
    ['an OpenDocument text', () => ODT, 'odt'],
    ['UTF-8 text with accents and emoji', () => TXT, 'txt'],
    ['an email with RFC 5322 headers', () => EML, 'eml'],
    ['an OpenDocument spreadsheet (not text)', () => ODS, 'zip'],
    ['a macro-enabled Word file', () => DOCM, 'zip'],
    ['a plain ZIP archive', () => PLAIN_ZIP, 'zip'],
    ['a Windows program', () => EXE, 'unknown'],
    ['a GIF (not on the list)', () => GIF, 'unknown'],
    ['HTML (it is text)', () => HTML, 'txt'],
  ])('%s is %s', (_what, bytes, kind) => {
    expect(sniffDocumentContent(bytes())).toBe(kind);
  });

  it('reads the entry names of a real docx from its central directory', () => {
    expect(zipEntryNames(DOCX)).toContain('word/document.xml');
    expect(zipEntryNames(DOCX)).toContain('[Content_Types].xml');
  });

  it('refuses a damaged ZIP (cut short) rather than guessing', () => {
    expect(sniffDocumentContent(XLSX.subarray(0, XLSX.length - 30))).toBe('unknown');
  });

  it('is not text if it has NUL or other control characters, or is not UTF-8', () => {
    expect(sniffDocumentContent(utf8('abc\u0000def'))).toBe('unknown');
    expect(sniffDocumentContent(utf8('abc\u001bdef'))).toBe('unknown');
    expect(sniffDocumentContent(new Uint8Array([0x61, 0xff, 0xfe, 0x62]))).toBe('unknown');
  });
});

describe('identifying an upload: allowed extension and matching content', () => {
  it.each([
    ['report.pdf', () => PDF, 'pdf'],
    ['Photo.PNG', () => PNG, 'png'],
    ['photo.jpg', () => JPEG, 'jpeg'],
    ['photo.jpeg', () => JPEG, 'jpeg'],
    ['statement.docx', () => DOCX, 'docx'],
    ['figures.xlsx', () => XLSX, 'xlsx'],
    ['letter.odt', () => ODT, 'odt'],
    ['notes.txt', () => TXT, 'txt'],
    ['referral.eml', () => EML, 'eml'],
    ['email saved as text.txt', () => EML, 'txt'],
  ])('accepts %s as %s', (name, bytes, kind) => {
    expect(identifyDocument(name, bytes())).toEqual({ ok: true, value: kind });
  });

  it.each([
    ['a program renamed report.pdf', 'report.pdf', () => EXE, 'pdf'],
    ['a PDF renamed photo.png', 'photo.png', () => PDF, 'png'],
    ['a PNG renamed photo.jpg', 'photo.jpg', () => PNG, 'jpeg'],
    ['a plain ZIP renamed statement.docx', 'statement.docx', () => PLAIN_ZIP, 'docx'],
    ['a macro-enabled Word file renamed .docx', 'statement.docx', () => DOCM, 'docx'],
    ['an ODT renamed .docx', 'statement.docx', () => ODT, 'docx'],
    ['a Word file renamed .xlsx', 'figures.xlsx', () => DOCX, 'xlsx'],
    ['an SVG renamed .png', 'image.png', () => SVG, 'png'],
    ['binary renamed .txt', 'notes.txt', () => EXE, 'txt'],
    ['plain text renamed .eml', 'message.eml', () => TXT, 'eml'],
  ])('refuses %s: content does not match', (_what, name, bytes, claimed) => {
    const result = identifyDocument(name, bytes());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ reason: 'content-mismatch', claimed });
  });

  it.each([
    ['page.html', HTML],
    ['image.svg', SVG],
    ['program.exe', EXE],
    ['archive.zip', PLAIN_ZIP],
    ['macros.docm', DOCM],
    ['no-extension', TXT],
    ['report.pdf.exe', EXE],
    ['.pdf', PDF],
  ])('refuses %s: type not allowed, whatever is inside', (name, bytes) => {
    const result = identifyDocument(name, bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.reason).toBe('type-not-allowed');
  });

  it('refuses an empty file and one over 10 MB', () => {
    expect(identifyDocument('notes.txt', new Uint8Array())).toEqual({ ok: false, error: { reason: 'empty' } });
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    big.set(PDF);
    expect(identifyDocument('big.pdf', big)).toEqual({ ok: false, error: { reason: 'too-large' } });
  });

  it('never throws, whatever the bytes and the name (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.string(), (bytes, name) => {
        const result = identifyDocument(name, bytes);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500, seed: 4 },
    );
  });

  it('keeps refusing a spoof however the real file is padded (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (tail) => {
        const spoof = new Uint8Array([...EXE, ...tail]);
        expect(identifyDocument('report.pdf', spoof).ok).toBe(false);
        expect(identifyDocument('photo.png', spoof).ok).toBe(false);
      }),
      { numRuns: 200, seed: 5 },
    );
  });
});
