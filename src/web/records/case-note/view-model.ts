// Shapes a case note for its page and for the correction page (pure; no I/O).
import type { CaseNoteView } from '../../../app/records/view-case-note.ts';
import { CASE_NOTE_TYPE_LABELS, isCaseNoteType, LATE_RECORDING_THRESHOLD_WORKING_DAYS } from '../../../domain/records/case-note.ts';
import { DOCUMENT_KIND_INFO, isDocumentKind } from '../../../domain/records/document-kind.ts';
import { paths } from '../../shared/paths.ts';
import { dateAndTimeText, instantText } from '../shared.ts';

export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${String(bytes)} bytes`;
  if (bytes < 1024 * 1024) return `${String(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function caseNoteViewModel(view: CaseNoteView) {
  const { note, child } = view;
  return {
    note: {
      ...note,
      typeLabel: isCaseNoteType(note.noteType) ? CASE_NOTE_TYPE_LABELS[note.noteType] : note.noteType,
      eventText: dateAndTimeText(note.eventDate, note.eventTime),
      recordedText: instantText(note.recordedAt),
      lateText: note.recordedLate
        ? `Recorded ${String(note.workingDaysToRecord)} working days after the event (more than ${String(LATE_RECORDING_THRESHOLD_WORKING_DAYS)})`
        : null,
      amendments: note.amendments.map((a) => ({ ...a, recordedText: instantText(a.recordedAt) })),
    },
    documents: view.documents.map((d) => ({
      ...d,
      href: paths.documentDownload(child.id, d.id),
      kindLabel: isDocumentKind(d.kind) ? DOCUMENT_KIND_INFO[d.kind].label : d.kind,
      sizeText: fileSizeText(d.sizeBytes),
    })),
    canChange: view.canChange,
    amendHref: paths.amendCaseNote(child.id, note.id),
    attachHref: paths.newDocument(child.id, note.id),
    listHref: paths.childCaseNotes(child.id),
  };
}
