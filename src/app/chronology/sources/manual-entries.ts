// Entries a worker added to the chronology by hand.
import { manualChronologyEntries } from '../../../db/records/chronology-repository.ts';
import { CHRONOLOGY_CATEGORIES, isChronologyCategory } from '../../../domain/records/chronology-entry.ts';
import type { ChronologySource } from '../chronology-source.ts';

export const manualEntryChronologySource: ChronologySource = {
  name: 'manual-entries',
  categories: CHRONOLOGY_CATEGORIES,
  load: async (trx, childId, range) =>
    (await manualChronologyEntries(trx, childId, range)).map((e) => ({
      key: `chronology-entry:${e.id}`,
      date: e.entryDate,
      time: null,
      category: isChronologyCategory(e.category) ? e.category : 'other',
      summary: e.summary,
      source: e.source,
      recordedBy: e.recordedByName,
      origin: { kind: 'chronology-entry', id: e.id },
    })),
};
