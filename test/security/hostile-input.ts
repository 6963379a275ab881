// Hostile input for the bad-input suite (RELIABILITY.md §4.5): an injection corpus, and fast-check
// arbitraries for random, oversized and awkward Unicode strings, field maps and JSON bodies.
import fc from 'fast-check';

/** Markers that must never come back unescaped in a page. */
export const XSS_MARKERS = ['<script>window.__xss', '<img src=x onerror'];

export const HOSTILE: readonly string[] = [
  // SQL
  "' OR 1=1--",
  "'; DROP TABLE app_user; --",
  '" OR ""="',
  "1'); select pg_sleep(10); --",
  "admin'--",
  // HTML and script
  '<script>window.__xss=1</script>',
  '"><img src=x onerror=window.__xss=1>',
  "javascript:alert('x')",
  '<svg/onload=window.__xss=1>',
  // template syntax (user text must never be compiled as a template)
  '{{7*7}}',
  '{% include "layout.njk" %}',
  '{{ range.constructor("return process")() }}',
  '${7*7}',
  // path traversal
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  // NUL, lone surrogates, control characters
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDFFFy',
  '\u0007\u001b[31m',
  // Unicode that must be kept: right-to-left override, RTL script, diacritics, emoji, combining marks
  '\u202Egnp.exe',
  'مرحبا بالعالم',
  'Zoë Nguyễn O’Brien-Wójcik',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'e\u0301\u0301\u0301\u0301\u0301',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  // headers, logs, spreadsheets, prototypes
  '\r\nSet-Cookie: hearth=evil',
  'line one\nline two',
  '=HYPERLINK("http://example.invalid")',
  '@SUM(1+1)',
  '__proto__',
  'constructor',
  // shapes
  '',
  '   ',
  'a'.repeat(10_000),
  '9'.repeat(400),
  '-1',
  '1e309',
  'NaN',
  'true',
  'null',
  '00000000-0000-0000-0000-000000000000',
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** Strings of every kind: the corpus, random Unicode (graphemes, any code point), lone surrogates, oversized. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.tuple(fc.string({ maxLength: 5 }), loneSurrogate, fc.string({ maxLength: 5 })).map((parts) => parts.join('')), weight: 1 },
  { arbitrary: fc.integer({ min: 201, max: 60_000 }).map((n) => 'x'.repeat(n)), weight: 1 },
);

/** Field names: the form's own, the ones mass assignment aims at, prototype keys, and random ones. */
export function fieldName(known: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    {
      arbitrary: fc.constantFrom(
        ...known,
        '_submission',
        'id',
        'version',
        'restriction',
        'createdBy',
        'userId',
        'active',
        '__proto__',
        'constructor',
        'prototype',
        'roles[]',
        'a[b][c]',
      ),
      weight: 3,
    },
    { arbitrary: fc.string({ maxLength: 20 }), weight: 1 },
  );
}

export const formValue: fc.Arbitrary<string | string[]> = fc.oneof(
  { arbitrary: hostileString, weight: 3 },
  { arbitrary: fc.array(hostileString, { maxLength: 3 }), weight: 1 },
);

/** JSON values of any shape, with hostile strings in them. */
export const jsonValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('__proto__', 'constructor', 'id', 'version')), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Raw bodies no form would send: broken encodings, odd shapes, too many parameters. */
export const RAW_FORM_BODIES: readonly string[] = [
  'displayName=%FF%FE%FD',
  'displayName=%ED%A0%80',
  'a=%',
  '%%%=%%%',
  'a[b][c]=1&a[b][d]=2',
  '&&&==&',
  'x='.repeat(3_000),
  Array.from({ length: 5_000 }, (_, i) => `p${String(i)}=${String(i)}`).join('&'),
  'roles=iro&roles=iro&roles=iro',
];

export const RAW_JSON_BODIES: readonly string[] = [
  '{"username": ',
  '{"__proto__": {"isAdmin": true}}',
  '{"constructor": {"prototype": {"isAdmin": true}}}',
  `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
  '"just a string"',
  'null',
  '[]',
  '{"displayName": "\\ud800"}',
  '{"displayName": "a\\u0000b"}',
];

// ---------------------------------------------------------------------------------------------
// multipart/form-data (file uploads).
export interface UploadFile {
  readonly field: string;
  readonly filename: string;
  readonly contentType: string;
  readonly content: string | Buffer;
}

export interface MultipartParts {
  readonly fields: Readonly<Record<string, string | readonly string[]>>;
  readonly file: UploadFile | null;
}

const BOUNDARY = 'hearth-fuzz-boundary-7d1f0c';

/** Encodes fields then a file as multipart/form-data (fields first, as Hearth's forms send them). */
export function multipartBody(parts: MultipartParts): { raw: string; contentType: string } {
  const chunks: string[] = [];
  for (const [name, value] of Object.entries(parts.fields)) {
    for (const v of typeof value === 'string' ? [value] : value) chunks.push(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`);
  }
  if (parts.file !== null) {
    const content = typeof parts.file.content === 'string' ? parts.file.content : parts.file.content.toString('latin1');
    chunks.push(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${parts.file.field}"; filename="${parts.file.filename}"\r\nContent-Type: ${parts.file.contentType}\r\n\r\n${content}\r\n`,
    );
  }
  chunks.push(`--${BOUNDARY}--\r\n`);
  return { raw: chunks.join(''), contentType: `multipart/form-data; boundary=${BOUNDARY}` };
}

/** The text fields and the file of a multipart sample body (as a route's valid body gives them). */
export function parseMultipart(raw: string): MultipartParts {
  const fields: Record<string, string> = {};
  let file: UploadFile | null = null;
  for (const part of raw.split(/\r\n--[^\r\n]*(?:\r\n|$)|^--[^\r\n]*\r\n/)) {
    const [head = '', ...rest] = part.split('\r\n\r\n');
    const name = /name="([^"]*)"/.exec(head)?.[1];
    if (name === undefined) continue;
    const value = rest.join('\r\n\r\n').replace(/\r\n$/, '');
    const filename = /filename="([^"]*)"/.exec(head)?.[1];
    if (filename === undefined) fields[name] = value;
    else file = { field: name, filename, contentType: /Content-Type: ([^\r\n]+)/i.exec(head)?.[1] ?? 'application/octet-stream', content: value };
  }
  return { fields, file };
}

/** Files no one should be able to upload: wrong types, disguised types, hostile names, empty, too big. */
export const uploadFile = (field: string): fc.Arbitrary<UploadFile> =>
  fc.record({
    field: fc.constant(field),
    filename: fc.oneof(
      fc.constantFrom(
        'report.pdf',
        'photo.png',
        'notes.txt',
        'setup.exe',
        'invoice.pdf.exe',
        'page.html',
        'script.js',
        '.htaccess',
        '../../etc/passwd',
        'C:\\\\Windows\\\\system.ini',
        'a"b.pdf',
        'CON',
        '',
      ),
      hostileString,
    ),
    contentType: fc.constantFrom(
      'text/plain',
      'application/pdf',
      'image/png',
      'image/svg+xml',
      'text/html',
      'application/x-msdownload',
      'application/octet-stream',
      'application/zip',
      '',
    ),
    content: fc.oneof(
      fc.constantFrom(
        '%PDF-1.7\n%%EOF',
        'MZ\u0090\u0000\u0003',
        '<html><script>window.__xss=1</script></html>',
        '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__xss=1"/>',
        'PK\u0003\u0004',
        '\u0089PNG\r\n\u001a\n',
        '',
      ),
      hostileString,
      fc.integer({ min: 1, max: 400 }).map((kb) => Buffer.alloc(kb * 1024, 0x41)),
    ),
  });
