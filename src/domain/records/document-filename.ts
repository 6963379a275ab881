// The name a document is kept and offered under: what the uploader called it, made harmless. Any
// folder part is dropped (no path traversal), control, bidirectional-override and invisible
// characters are removed (a name cannot pretend to end in ".pdf" when it ends in ".exe"), characters
// that file systems refuse are replaced, and the name is kept to a sensible length with its
// extension (RELIABILITY.md §4.5: path traversal in file names, bidi overrides).

export const MAX_FILENAME_LENGTH = 150;

const FOLDER_SEPARATORS = /[/\\]/;
// C0 and C1 controls, DEL, bidi marks, embeddings, overrides and isolates, zero-width characters, BOM.
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const RESERVED = /[<>:"|?*;]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** Code points, so a cut never splits a surrogate pair (it may split an emoji sequence, which is harmless). */
const codePoints = (text: string): string[] => Array.from(text);

export function sanitiseFilename(name: string, fallback = 'document'): string {
  const lastSegment = name.split(FOLDER_SEPARATORS).pop() ?? '';
  let clean = lastSegment
    .normalize('NFC')
    .replace(LONE_SURROGATE, '')
    .replace(/[\t\n\v\f\r]/g, ' ')
    .replace(INVISIBLE, '')
    .replace(RESERVED, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const dot = clean.lastIndexOf('.');
  let base = dot > 0 ? clean.slice(0, dot) : clean;
  const extension = dot > 0 ? clean.slice(dot) : '';
  if (WINDOWS_DEVICE.test(base)) base = `_${base}`;
  const room = Math.max(1, MAX_FILENAME_LENGTH - codePoints(extension).length);
  base = codePoints(base).slice(0, room).join('').replace(/[\s.]+$/, '');
  clean = base === '' ? `${fallback}${extension}` : `${base}${extension}`;
  return codePoints(clean).slice(0, MAX_FILENAME_LENGTH).join('');
}

/**
 * A Content-Disposition value offering the file as a download (RFC 6266 §4.1 with RFC 8187 for the
 * UTF-8 name), with a plain-ASCII fallback for old clients.
 */
export function attachmentDisposition(filename: string): string {
  const fallback = filename.normalize('NFKD').replace(/[^\x20-\x7E]/g, '').replace(/["\\%]/g, '_').trim() || 'document';
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
