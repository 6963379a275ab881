// Add a document to a child's record (optionally attached to one of their case notes). The form is
// multipart/form-data; @fastify/multipart is registered for these routes only, with the limits in
// multipart.ts. A refused file (wrong type, too large, not what its name says) re-shows the form
// with the reason (400, or 413 for size), and nothing is written.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { DOCUMENT_MESSAGES, uploadDocumentFields } from '../../../app/records/document-input.ts';
import { uploadDocument } from '../../../app/records/upload-document.ts';
import { openDocumentUploadForm } from '../../../app/records/view-documents.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { fieldErrorsOf } from '../../../app/shared/safe-text.ts';
import { ALLOWED_DOCUMENT_TYPES_TEXT, DOCUMENT_KIND_INFO, DOCUMENT_KINDS } from '../../../domain/records/document-kind.ts';
import { errorSummary, errorsByField } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { childHeaderContext, childIdOf } from '../shared.ts';
import { multipartCsrfGuard, readUpload, UPLOAD_LIMITS, type UploadProblem } from './multipart.ts';

const FIELDS = ['file', 'title', 'significant', 'caseNoteId'];
const ACCEPT = [...new Set(DOCUMENT_KINDS.flatMap((k) => DOCUMENT_KIND_INFO[k].extensions.map((e) => `.${e}`)))].join(',');

interface Values {
  readonly title: string;
  readonly significant: boolean;
  readonly caseNoteId: string;
}

const PROBLEM_MESSAGES: Readonly<Record<UploadProblem, { status: 400 | 413; field: string; message: string }>> = {
  'too-large': { status: 413, field: 'file', message: DOCUMENT_MESSAGES.tooLarge },
  'too-many-files': { status: 400, field: 'file', message: DOCUMENT_MESSAGES.oneFile },
  'too-many-parts': { status: 413, field: 'file', message: 'The form sent too many fields. Reload the page and try again' },
  'field-too-long': { status: 400, field: 'title', message: DOCUMENT_MESSAGES.titleTooLong },
  malformed: { status: 400, field: 'file', message: 'The file could not be received. Select it again and try again' },
  'not-multipart': { status: 400, field: 'file', message: DOCUMENT_MESSAGES.fileRequired },
  'file-before-token': { status: 400, field: 'file', message: 'The form was sent in the wrong order. Reload the page and select the file again' },
};

const caseNoteQuery = z.object({ caseNoteId: z.uuid() });

export async function uploadDocumentRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  // Scoped to this plugin: only these routes accept multipart bodies.
  await app.register(multipart, { limits: UPLOAD_LIMITS, throwFileSizeLimit: true });

  async function render(reply: FastifyReply, childId: string, values: Values, errors: FieldErrors) {
    const caseNoteId = z.uuid().safeParse(values.caseNoteId).success ? values.caseNoteId : null;
    const form = await openDocumentUploadForm(deps, requestContext(reply.request), childId, caseNoteId, { audit: Object.keys(errors).length === 0 });
    return reply.view('records/upload-document/view.njk', {
      ...childHeaderContext(form.child, deps.clock.now(), 'documents'),
      values: { ...values, caseNoteId: form.caseNote?.id ?? '' },
      caseNote: form.caseNote,
      caseNoteHref: form.caseNote === null ? null : paths.caseNote(childId, form.caseNote.id),
      action: paths.newDocument(childId),
      cancelHref: form.caseNote === null ? paths.childDocuments(childId) : paths.caseNote(childId, form.caseNote.id),
      accept: ACCEPT,
      allowedTypes: ALLOWED_DOCUMENT_TYPES_TEXT,
      errorList: errorSummary(errors, FIELDS),
      errors: errorsByField(errors),
    });
  }

  app.get('/children/:childId/documents/new', { config: { permission: 'people:change-child', audit: 'records.document-form.viewed' } }, async (request, reply) => {
    const childId = childIdOf(request.params);
    const query = caseNoteQuery.safeParse(request.query);
    return render(reply, childId, { title: '', significant: false, caseNoteId: query.success ? query.data.caseNoteId : '' }, {});
  });

  app.post(
    '/children/:childId/documents/new',
    { config: { permission: 'people:change-child', audit: 'records.document.uploaded' }, preHandler: multipartCsrfGuard(app) },
    async (request, reply) => {
      const childId = childIdOf(request.params);
      const upload = await readUpload(request);
      const values: Values = {
        title: upload.fields['title'] ?? '',
        significant: upload.fields['significant'] === 'yes',
        caseNoteId: upload.fields['caseNoteId'] ?? '',
      };
      if (upload.problem !== null) {
        const problem = PROBLEM_MESSAGES[upload.problem];
        return render(reply.code(problem.status), childId, values, { [problem.field]: problem.message });
      }
      const fields = uploadDocumentFields.safeParse({ title: values.title, significant: values.significant, caseNoteId: values.caseNoteId === '' ? null : values.caseNoteId });
      const errors: Record<string, string> = fields.success ? {} : fieldErrorsOf(fields.error);
      if (upload.file === null) errors['file'] = DOCUMENT_MESSAGES.fileRequired;
      if (!fields.success || upload.file === null) return render(reply.code(400), childId, values, errors);
      try {
        await uploadDocument(deps, requestContext(request), childId, { ...fields.data, filename: upload.file.filename, content: upload.file.content });
      } catch (error) {
        if (error instanceof ValidationError) return render(reply.code(400), childId, values, error.fieldErrors);
        throw error;
      }
      const target = fields.data.caseNoteId === null ? `${paths.childDocuments(childId)}?uploaded=1` : paths.caseNote(childId, fields.data.caseNoteId);
      return reply.redirect(target, 303);
    },
  );
}
