// The documents on a child's record, and downloading one. A download is always offered as an
// attachment with the type Hearth decided from its bytes, never rendered in the browser: nosniff,
// no caching, and a Content-Security-Policy sandbox in case a browser opens it anyway.
import type { FastifyInstance } from 'fastify';
import { downloadDocument, viewDocuments } from '../../../app/records/view-documents.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { attachmentDisposition } from '../../../domain/records/document-filename.ts';
import { DOCUMENT_KIND_INFO, isDocumentKind } from '../../../domain/records/document-kind.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { fileSizeText } from '../case-note/view-model.ts';
import { childAndIdOf, childHeaderContext, childIdOf, instantText } from '../shared.ts';

export const DOWNLOAD_CSP = "default-src 'none'; sandbox; frame-ancestors 'none'; form-action 'none'; base-uri 'none'";

export async function documentRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;

  app.get('/children/:childId/documents', { config: { permission: 'people:view-child', audit: 'records.documents.listed' } }, async (request, reply) => {
    const childId = childIdOf(request.params);
    const result = await viewDocuments(deps, requestContext(request), childId);
    const query = request.query as Record<string, unknown>;
    return reply.view('records/documents/view.njk', {
      ...childHeaderContext(result.child, deps.clock.now(), 'documents'),
      documents: result.documents.map((d) => ({
        ...d,
        href: paths.documentDownload(childId, d.id),
        noteHref: d.caseNoteId === null ? null : paths.caseNote(childId, d.caseNoteId),
        kindLabel: isDocumentKind(d.kind) ? DOCUMENT_KIND_INFO[d.kind].label : d.kind,
        sizeText: fileSizeText(d.sizeBytes),
        uploadedText: instantText(d.uploadedAt),
      })),
      canChange: result.canChange,
      newHref: paths.newDocument(childId),
      uploaded: query['uploaded'] === '1',
    });
  });

  app.get(
    '/children/:childId/documents/:documentId/download',
    { config: { permission: 'people:view-child', audit: 'records.document.downloaded' } },
    async (request, reply) => {
      const { childId, id } = childAndIdOf(request.params, 'documentId');
      const file = await downloadDocument(deps, requestContext(request), childId, id);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', attachmentDisposition(file.filename))
        .header('content-length', String(file.content.byteLength))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .header('content-security-policy', DOWNLOAD_CSP)
        .header('cross-origin-resource-policy', 'same-origin')
        .send(Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength));
    },
  );
}
