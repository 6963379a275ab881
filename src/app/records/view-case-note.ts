// One case note with its amendments, the people it is about and the documents attached to it.
// Opening it to add a correction checks change access; either way the view is audited.
import { findCaseNote, type CaseNoteDetail } from '../../db/records/case-note-repository.ts';
import { listCaseNoteDocuments, type DocumentListItem } from '../../db/records/document-repository.ts';
import type { RecordAction } from '../../domain/shared/access/child-record-policy.ts';
import type { AppDeps } from '../shared/deps.ts';
import { NotFoundError } from '../shared/errors.ts';
import type { RequestContext } from '../shared/request-context.ts';
import { unitOfWork } from '../shared/unit-of-work.ts';
import { mayChangeChildRecord, openChildRecord, type ChildHeader } from './child-page.ts';

export interface CaseNoteView {
  readonly child: ChildHeader;
  readonly note: CaseNoteDetail;
  readonly documents: readonly DocumentListItem[];
  /** Whether this user may add an amendment or attach a document (to offer the buttons). */
  readonly canChange: boolean;
}

export async function viewCaseNote(
  deps: AppDeps,
  ctx: RequestContext,
  childId: string,
  noteId: string,
  action: RecordAction = 'read',
  options: { readonly audit?: boolean } = {},
): Promise<CaseNoteView> {
  return unitOfWork(deps, ctx, async ({ trx, now, audit }) => {
    const { actor, child } = await openChildRecord(trx, ctx.actor, action, childId, now);
    const note = await findCaseNote(trx, childId, noteId);
    if (note === undefined) throw new NotFoundError('Case note');
    const documents = await listCaseNoteDocuments(trx, childId, noteId);
    const canChange = action === 'change' || (await mayChangeChildRecord(trx, actor, childId, now));
    // Not audited again when the correction form is shown back with errors (see openCaseNoteForm).
    if (options.audit !== false)
      await audit({
        action: 'records.case-note.viewed',
        subjectType: 'case-note',
        subjectId: noteId,
        childId,
        changes: { view: action === 'read' ? 'note' : 'amend-form' },
      });
    return { child, note, documents, canChange };
  });
}
