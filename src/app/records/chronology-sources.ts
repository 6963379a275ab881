// The records module's contribution to a child's chronology (src/app/chronology/registry.ts): case
// notes flagged significant, and documents marked significant.
import { significantCaseNotes } from '../../db/records/case-note-repository.ts';
import { significantDocuments } from '../../db/records/document-repository.ts';
import { CASE_NOTE_TYPE_LABELS, CHRONOLOGY_CATEGORY_OF_NOTE_TYPE, isCaseNoteType } from '../../domain/records/case-note.ts';
import type { ChronologySource } from '../chronology/chronology-source.ts';

export const caseNoteChronologySource: ChronologySource = {
  name: 'case-notes',
  categories: [...new Set(Object.values(CHRONOLOGY_CATEGORY_OF_NOTE_TYPE))],
  load: async (trx, childId, range) =>
    (await significantCaseNotes(trx, childId, range)).map((n) => ({
      key: `case-note:${n.id}`,
      date: n.eventDate,
      time: n.eventTime,
      category: isCaseNoteType(n.noteType) ? CHRONOLOGY_CATEGORY_OF_NOTE_TYPE[n.noteType] : 'other',
      summary: n.summary,
      source: `Case note: ${isCaseNoteType(n.noteType) ? CASE_NOTE_TYPE_LABELS[n.noteType] : 'Other'}`,
      recordedBy: n.authorName,
      origin: { kind: 'case-note', id: n.id },
    })),
};

export const documentChronologySource: ChronologySource = {
  name: 'documents',
  categories: ['record'],
  load: async (trx, childId, range) =>
    (await significantDocuments(trx, childId, range)).map((d) => ({
      key: `document:${d.id}`,
      date: d.uploadedOn,
      time: null,
      category: 'record',
      summary: `Document added: ${d.title}`,
      source: 'Document',
      recordedBy: d.uploadedByName,
      origin: { kind: 'document', id: d.id },
    })),
};
