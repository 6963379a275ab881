// Which files may be attached to a child's record, decided from the bytes themselves (their "magic
// numbers" and, for office files, the parts inside the ZIP container), never from the name or the
// type a browser claims. The extension must then agree with what the bytes are, so a program renamed
// "report.pdf" or a web page renamed "notes.docx" is refused (RELIABILITY.md §4.5: hostile input;
// OWASP File Upload Cheat Sheet: allow-list, content validation, size limit, rename).
import { err, ok, type Result } from '../shared/result.ts';

export const DOCUMENT_KINDS = ['pdf', 'docx', 'xlsx', 'odt', 'png', 'jpeg', 'txt', 'eml'] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface DocumentKindInfo {
  readonly label: string;
  /** The Content-Type Hearth serves it with (never the one the uploader's browser sent). */
  readonly contentType: string;
  /** Lower-case extensions, without the dot; the first is the one Hearth gives a file without one. */
  readonly extensions: readonly string[];
}

export const DOCUMENT_KIND_INFO: Readonly<Record<DocumentKind, DocumentKindInfo>> = {
  pdf: { label: 'PDF', contentType: 'application/pdf', extensions: ['pdf'] },
  docx: { label: 'Word document (DOCX)', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { label: 'Excel spreadsheet (XLSX)', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
  odt: { label: 'OpenDocument text (ODT)', contentType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  png: { label: 'PNG image', contentType: 'image/png', extensions: ['png'] },
  jpeg: { label: 'JPEG image', contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  txt: { label: 'text file (TXT)', contentType: 'text/plain; charset=utf-8', extensions: ['txt'] },
  eml: { label: 'email (EML)', contentType: 'message/rfc822', extensions: ['eml'] },
};

export function isDocumentKind(value: string): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(value);
}

/** 10 MB: RELIABILITY.md §4.5 ("10 MB documents"). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** What the bytes are, whatever the file is called. */
export type SniffedContent = DocumentKind | 'zip' | 'unknown';

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0): boolean =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

const ascii = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));

const PDF = ascii('%PDF-');
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_IHDR = ascii('IHDR');
const JPEG = [0xff, 0xd8, 0xff];
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ODT_MIMETYPE = 'application/vnd.oasis.opendocument.text';

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (u16(bytes, at) | (u16(bytes, at + 2) << 16)) >>> 0;
}

function latin1(bytes: Uint8Array, from: number, length: number): string {
  let out = '';
  for (let i = from; i < from + length && i < bytes.length; i += 1) out += String.fromCharCode(bytes[i] ?? 0);
  return out;
}

/**
 * The names of the entries in a ZIP file, read from its central directory (APPNOTE.TXT §4.3.12,
 * §4.3.16), or null when the container is damaged. ZIP64 is not needed below 10 MB.
 */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let at = bytes.length - 22; at >= earliest; at -= 1) {
    if (u32(bytes, at) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) return null;
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    if (at + 46 + nameLength > bytes.length) return null;
    names.push(latin1(bytes, at + 46, nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** ODF: the first entry is "mimetype", stored uncompressed, holding the media type (ODF 1.2 part 3 §3.3). */
function isOdfText(bytes: Uint8Array): boolean {
  const method = u16(bytes, 8);
  const size = u32(bytes, 18);
  const nameLength = u16(bytes, 26);
  const extraLength = u16(bytes, 28);
  if (method !== 0 || nameLength !== 8 || latin1(bytes, 30, 8) !== 'mimetype') return false;
  return size === ODT_MIMETYPE.length && latin1(bytes, 30 + nameLength + extraLength, size) === ODT_MIMETYPE;
}

function sniffZip(bytes: Uint8Array): SniffedContent {
  if (isOdfText(bytes)) return zipEntryNames(bytes) === null ? 'unknown' : 'odt';
  const names = zipEntryNames(bytes);
  if (names === null) return 'unknown';
  const has = (name: string) => names.includes(name);
  // Macro-enabled Office files (docm, xlsm) carry a VBA project: never accepted as docx/xlsx.
  if (names.some((n) => n.toLowerCase().endsWith('vbaproject.bin'))) return 'zip';
  if (!has('[Content_Types].xml')) return 'zip';
  if (has('word/document.xml')) return 'docx';
  if (has('xl/workbook.xml')) return 'xlsx';
  return 'zip';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Text we are willing to call text: valid UTF-8, no NUL and no control characters but tab, CR, LF and form feed. */
function decodeText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return null;
  }
  return /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text) ? null : text;
}

const EMAIL_HEADERS = ['from', 'to', 'cc', 'subject', 'date', 'message-id', 'received', 'return-path', 'mime-version', 'reply-to', 'sender', 'delivered-to'];

/**
 * An Internet message (RFC 5322 §2.1-2.2): it opens with header fields ("Name: value", folded lines
 * starting with white space), and we want at least two of the usual ones, including From or Received.
 */
function looksLikeEmail(text: string): boolean {
  const head = text.slice(0, 64 * 1024).replace(/^\uFEFF/, '');
  const lines = head.split(/\r?\n/);
  const names = new Set<string>();
  for (const [index, line] of lines.entries()) {
    if (line === '') break;
    if (/^[ \t]/.test(line)) {
      if (index === 0) return false;
      continue;
    }
    const match = /^([\x21-\x39\x3B-\x7E]+):/.exec(line);
    if (match?.[1] === undefined) return false;
    names.add(match[1].toLowerCase());
  }
  const known = EMAIL_HEADERS.filter((h) => names.has(h));
  return known.length >= 2 && (names.has('from') || names.has('received'));
}

export function sniffDocumentContent(bytes: Uint8Array): SniffedContent {
  if (startsWith(bytes, PDF)) return 'pdf';
  if (startsWith(bytes, PNG) && startsWith(bytes, PNG_IHDR, 12)) return 'png';
  if (startsWith(bytes, JPEG)) return 'jpeg';
  if (startsWith(bytes, ZIP_LOCAL)) return sniffZip(bytes);
  const text = decodeText(bytes);
  if (text === null) return 'unknown';
  return looksLikeEmail(text) ? 'eml' : 'txt';
}

export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot <= 0 || dot === filename.length - 1 ? '' : filename.slice(dot + 1).toLowerCase();
}

export function kindForExtension(extension: string): DocumentKind | null {
  return DOCUMENT_KINDS.find((kind) => DOCUMENT_KIND_INFO[kind].extensions.includes(extension)) ?? null;
}

export type DocumentRefusal =
  | { readonly reason: 'empty' }
  | { readonly reason: 'too-large' }
  | { readonly reason: 'type-not-allowed'; readonly extension: string }
  | { readonly reason: 'content-mismatch'; readonly claimed: DocumentKind; readonly actual: SniffedContent };

/**
 * The kind of an uploaded file, if Hearth accepts it: its extension is on the allow-list and its
 * bytes are what that extension says. An email saved as .txt is accepted as text (it is text).
 */
export function identifyDocument(filename: string, bytes: Uint8Array): Result<DocumentKind, DocumentRefusal> {
  if (bytes.length === 0) return err({ reason: 'empty' });
  if (bytes.length > MAX_DOCUMENT_BYTES) return err({ reason: 'too-large' });
  const extension = extensionOf(filename);
  const claimed = kindForExtension(extension);
  if (claimed === null) return err({ reason: 'type-not-allowed', extension });
  const actual = sniffDocumentContent(bytes);
  if (actual === claimed || (claimed === 'txt' && actual === 'eml')) return ok(claimed);
  return err({ reason: 'content-mismatch', claimed, actual });
}

export const ALLOWED_DOCUMENT_TYPES_TEXT = 'PDF, DOCX, XLSX, ODT, PNG, JPEG, TXT or EML';
