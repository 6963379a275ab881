// Reading a multipart/form-data upload (@fastify/multipart, streaming) with the CSRF check done
// before any file byte is read: the form puts its `_csrf` field first, a pre-handler reads that one
// part and applies the same CSRF check as every other form (src/web/shared/csrf.ts), and the route
// then reads the remaining fields and the single file, within the size limit, into memory.
import type { Multipart } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { MAX_DOCUMENT_BYTES } from '../../../domain/records/document-kind.ts';
import { csrfGuard } from '../../shared/csrf.ts';

export const UPLOAD_LIMITS = {
  fileSize: MAX_DOCUMENT_BYTES,
  files: 1,
  fields: 10,
  fieldSize: 8 * 1024,
  parts: 12,
  headerPairs: 100,
} as const;

interface PendingUpload {
  readonly parts: AsyncIterableIterator<Multipart>;
  /** A field that came before any `_csrf` part (a client sending the token as a header). */
  readonly firstField: { readonly name: string; readonly value: string } | null;
  /** A file came first: it was not read (the token must come before the file). */
  readonly fileBeforeToken: boolean;
}

const pending = new WeakMap<FastifyRequest, PendingUpload>();

async function readCsrfPart(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return;
  const parts = request.parts();
  const first = await parts.next();
  let token: string | undefined;
  let firstField: PendingUpload['firstField'] = null;
  let fileBeforeToken = false;
  if (first.done !== true) {
    const part = first.value;
    if (part.type === 'file') {
      part.file.resume();
      fileBeforeToken = true;
    } else if (typeof part.value === 'string') {
      if (part.fieldname === '_csrf') token = part.value;
      else firstField = { name: part.fieldname, value: part.value };
    }
  }
  pending.set(request, { parts, firstField, fileBeforeToken });
  // With no `_csrf` part, the CSRF check falls back to the x-csrf-token header (src/web/shared/csrf.ts).
  request.body = token === undefined ? {} : { _csrf: token };
}

/** The CSRF pre-handler for a multipart form whose first field is `_csrf`. */
export function multipartCsrfGuard(app: FastifyInstance) {
  const guard = csrfGuard(app);
  return function multipartCsrf(this: FastifyInstance, request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
    readCsrfPart(request).then(
      () => {
        guard.call(this, request, reply, done);
      },
      () => {
        // A body that says it is multipart but cannot be parsed (no boundary, cut short) is bad input: 400, not 500.
        done(Object.assign(new Error('The upload could not be read'), { statusCode: 400 }));
      },
    );
  };
}

export type UploadProblem = 'too-large' | 'too-many-files' | 'too-many-parts' | 'field-too-long' | 'malformed' | 'not-multipart' | 'file-before-token';

export interface ReadUpload {
  readonly fields: Readonly<Record<string, string>>;
  readonly file: { readonly filename: string; readonly content: Buffer } | null;
  readonly problem: UploadProblem | null;
}

function problemOf(error: unknown): UploadProblem {
  const code = error !== null && typeof error === 'object' && 'code' in error ? error.code : undefined;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return 'too-large';
    case 'FST_FILES_LIMIT':
      return 'too-many-files';
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return 'too-many-parts';
    default:
      return 'malformed';
  }
}

/** The rest of the upload after the `_csrf` part: its text fields and its one file (or why not). */
export async function readUpload(request: FastifyRequest): Promise<ReadUpload> {
  const upload = pending.get(request);
  if (upload === undefined) return { fields: {}, file: null, problem: 'not-multipart' };
  const fields: Record<string, string> = {};
  if (upload.firstField !== null) fields[upload.firstField.name] = upload.firstField.value;
  let file: { filename: string; content: Buffer } | null = null;
  let problem: UploadProblem | null = upload.fileBeforeToken ? 'file-before-token' : null;
  try {
    for await (const part of upload.parts) {
      if (part.type === 'file') {
        if (file !== null || part.fieldname !== 'file') {
          part.file.resume();
          problem ??= 'too-many-files';
          continue;
        }
        const content = await part.toBuffer();
        // A browser sends an empty part with no name when no file was chosen.
        file = part.filename === '' && content.byteLength === 0 ? null : { filename: part.filename, content };
      } else if (typeof part.value === 'string') {
        if (part.valueTruncated || part.fieldnameTruncated) problem ??= 'field-too-long';
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    return { fields, file: null, problem: problemOf(error) };
  }
  return { fields, file, problem };
}
