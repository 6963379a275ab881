// The documents on a child's record; the upload form (which may name the case note it attaches to);
// and a download. Each is a view of the child's record and is audited.
import { caseNoteBelongsToChild } from '../../db/records/case-note-repository.ts';
import { findDocumentWithContent, listDocuments, type DocumentListItem } from '../../db/records/document-repository.ts';
import { DOCUMENT_KIND_INFO, isDocumentKind, type DocumentKind } from '../../domain/records/document-kind.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { mayChangeChildRecord, openChildRecord, type ChildHeader } from './child-page.ts';
import { guardChildRecord } from '../shared/access-guard.ts';

export async function viewDocuments(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
): Promise<{ child: ChildHeader; documents: readonly DocumentListItem[]; canChange: boolean }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, child } = await openChildRecord(trx, ctx.actor, 'read', childId, now);
    const documents = await listDocuments(trx, childId);
    await audit({ action: 'records.documents.listed', subjectType: 'person', subjectId: childId, childId, changes: { shown: documents.length } });
    return { child, documents, canChange: await mayChangeChildRecord(trx, actor, childId, now) };
  });
}

export async function openDocumentUploadForm(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  caseNoteId: string | null,
  options: { readonly audit?: boolean } = {},
): Promise<{ child: ChildHeader; caseNote: { id: string; summary: string } | null }> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { child } = await openChildRecord(trx, ctx.actor, 'change', childId, now);
    const note = caseNoteId === null ? undefined : await caseNoteBelongsToChild(trx, childId, caseNoteId);
    // Not audited again when the form is shown back with errors (see openCaseNoteForm).
    if (options.audit !== false) await audit({ action: 'records.document-form.viewed', subjectType: 'person', subjectId: childId, childId });
    return { child, caseNote: note === undefined || caseNoteId === null ? null : { id: caseNoteId, summary: note.summary } };
  });
}

export interface DocumentDownload {
  readonly filename: string;
  readonly kind: DocumentKind;
  readonly contentType: string;
  readonly content: Uint8Array;
}

export async function downloadDocument(deps: AppDeps, ctx: RequestContext, childId: string, documentId: string): Promise<DocumentDownload> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    await guardChildRecord(trx, ctx.actor, 'read', childId, now);
    const document = await findDocumentWithContent(trx, childId, documentId);
    if (document === undefined || !isDocumentKind(document.kind)) throw new NotFoundError('Document');
    await audit({ action: 'records.document.downloaded', subjectType: 'document', subjectId: documentId, childId, changes: { kind: document.kind, sha256: document.sha256 } });
    return { filename: document.filename, kind: document.kind, contentType: DOCUMENT_KIND_INFO[document.kind].contentType, content: document.content };
  });
}
