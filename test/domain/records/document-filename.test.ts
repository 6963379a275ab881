import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attachmentDisposition, MAX_FILENAME_LENGTH, sanitiseFilename } from '../../../src/domain/records/document-filename.ts';

describe('sanitising a file name', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['../../etc/passwd.txt', 'passwd.txt'],
    ['C:\\Users\\worker\\Desktop\\visit notes.docx', 'visit notes.docx'],
    ['  .hidden.txt  ', 'hidden.txt'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['a<b>c:d"e|f?g*h;.txt', 'a_b_c_d_e_f_g_h_.txt'],
    ['line\r\nbreak\u0000.txt', 'line break.txt'],
    ['con.txt', '_con.txt'],
    ['Zoë Nguyễn – letter.odt', 'Zoë Nguyễn – letter.odt'],
    ['many    spaces\t\there.pdf', 'many spaces here.pdf'],
    ['', 'document'],
    ['....', 'document'],
    ['\uD800broken.txt', 'broken.txt'],
  ])('%j becomes %j', (input, expected) => {
    expect(sanitiseFilename(input)).toBe(expected);
  });

  it('keeps the extension when it shortens a long name', () => {
    const name = sanitiseFilename(`${'a'.repeat(400)}.pdf`);
    expect(name.length).toBe(MAX_FILENAME_LENGTH);
    expect(name.endsWith('.pdf')).toBe(true);
  });

  it('never yields a folder, a control character, a bidi override or an empty name, and is stable (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (input) => {
        const out = sanitiseFilename(input);
        expect(out).not.toMatch(/[/\\\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
        expect(out.length).toBeGreaterThan(0);
        expect(Array.from(out).length).toBeLessThanOrEqual(MAX_FILENAME_LENGTH);
        expect(out.startsWith('.')).toBe(false);
        expect(sanitiseFilename(out)).toBe(out);
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});

describe('the Content-Disposition of a download', () => {
  it('is an attachment with an ASCII fallback and the UTF-8 name', () => {
    expect(attachmentDisposition('Zoë’s letter.pdf')).toBe(`attachment; filename="Zoes letter.pdf"; filename*=UTF-8''Zo%C3%AB%E2%80%99s%20letter.pdf`);
  });

  it('is always one line of printable ASCII (no header injection) (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (name) => {
        const header = attachmentDisposition(sanitiseFilename(name));
        expect(header).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%!._~-]*$/);
      }),
      { numRuns: 300, seed: 8 },
    );
  });
});
